/** A wrong manifest entry fails with a message naming the file, the document and the field. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadContent } from './load-content.ts';

const realContent = join(import.meta.dirname, '..', '..', 'content');
const manifest = '004-beilun-zhengfu-baogao.yaml';

function contentWith(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(realContent, dir, { recursive: true });
  const file = join(dir, 'documents', manifest);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('loadContent', () => {
  test('the real content is valid', () => {
    const { districts, documents } = loadContent(realContent);
    assert.equal(districts[0].slug, 'ningbo');
    assert.equal(documents.length, 5);
  });
  test('a correction is kept verbatim: its line breaks are part of what it finds', () => {
    const beilun = loadContent(realContent).documents.find(
      (d) => d.slug === 'beilun-2022-zhengfu-gongzuo-baogao',
    )!;
    const restored = beilun.corrections.find((c) => c.kind === 'restored-numbering')!;
    assert.match(restored.find, /^\n.*\n$/u);
    // Same number of lines in and out, so every later line keeps its source line number.
    assert.equal(restored.find.split('\n').length, restored.replace.split('\n').length);
  });
  test('a missing field names the document and the field', () => {
    const dir = contentWith((y) => y.replace(/^kind: .*\n/m, ''));
    assert.throws(
      () => loadContent(dir),
      (e: Error) =>
        e.message.includes(manifest) &&
        e.message.includes('document "beilun-2022-zhengfu-gongzuo-baogao"') &&
        e.message.includes('field "kind"'),
    );
  });
  test('a wrong value names the field', () => {
    const dir = contentWith((y) => y.replace(/^date: .*$/m, 'date: 12 February'));
    assert.throws(() => loadContent(dir), /field "date"/);
  });
  test('an unknown district names the field', () => {
    const dir = contentWith((y) => y.replace(/^district: beilun$/m, 'district: atlantis'));
    assert.throws(() => loadContent(dir), /field "district": unknown district "atlantis"/);
  });
  test('an editor-supplied title needs its basis', () => {
    const dir = contentWith((y) => y.replace('titleSource: official', 'titleSource: editor'));
    assert.throws(() => loadContent(dir), /field "titleBasis"/);
  });
});
