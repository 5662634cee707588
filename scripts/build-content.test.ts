/** Bad input gets a clear error and no partial output: the previous generated output stays untouched. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildContent } from './build-content.ts';

const realContent = join(import.meta.dirname, '..', 'content');
const source = '001_c5556d77601bb796.txt';

function workspace(): { content: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  cpSync(realContent, join(dir, 'content'), { recursive: true });
  return { content: join(dir, 'content'), out: join(dir, 'generated') };
}

describe('buildContent', () => {
  const cases: Array<[string, (file: string) => void, RegExp]> = [
    [
      'missing',
      (f) => rmSync(f),
      /001_c5556d77601bb796\.txt \(document "ningbo-dangdaihui-baogao"\): the source file is missing/,
    ],
    ['empty', (f) => writeFileSync(f, ''), /the file is empty/],
    ['not UTF-8', (f) => writeFileSync(f, Buffer.from([0xd5, 0xe2, 0xca, 0xc7, 0xff])), /not valid UTF-8/],
    [
      'NUL bytes',
      (f) => writeFileSync(f, Buffer.concat([Buffer.from('正文'), Buffer.from([0])])),
      /NUL bytes/,
    ],
    ['no text', (f) => writeFileSync(f, '\n\n   \n'), /holds no text/],
  ];
  for (const [name, damage, message] of cases) {
    test(`a ${name} source fails naming the file and leaves the previous output`, () => {
      const { content, out } = workspace();
      buildContent({ contentDir: content, outDir: out });
      const before = readFileSync(join(out, 'docs', 'ningbo-dangdaihui-baogao.mdx'), 'utf8');
      damage(join(content, 'sources', source));
      assert.throws(() => buildContent({ contentDir: content, outDir: out }), message);
      assert.equal(readFileSync(join(out, 'docs', 'ningbo-dangdaihui-baogao.mdx'), 'utf8'), before);
      assert.deepEqual(
        readdirSync(join(out, '..')).filter((f) => f.includes('.tmp-')),
        [],
      );
    });
  }
});
