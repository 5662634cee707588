/**
 * A document in several files (the pages of a newspaper, a report and its continuation): one text
 * in reading order, a marker where a part the library does not hold belongs, every repair named by
 * its own file and line, and a continuation alone that says what it continues.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { continuedFrom, displayTitle, documentSchema, sourceFiles } from '../manifest/schema.ts';
import { normalizeDocument } from './pipeline.ts';
import { fixtureDocument } from './test-helpers.ts';
import { outline } from './test-helpers.ts';

/** A content directory whose sources/ holds these files. */
function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'parts-'));
  mkdirSync(join(dir, 'sources'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'sources', name), text);
  return dir;
}

describe('a document in several files', () => {
  const contentDir = contentWith({
    'p1.txt': '政府工作报告\n各位代表：\n一、工作回顾\n地区生产总值增长，民营经济、服务业增加值双双突破',
    'p3.txt':
      '政府工作报告\n\n【上接第2版】\n优化投资结构。加大投 资力度。\n(二)完善创新生态\n突出人工智能。\n',
  });
  const document = fixtureDocument({
    source: undefined,
    sources: [{ file: 'p1.txt' }, { missing: '第1、2版之间的文字不在本文库中。' }, { file: 'p3.txt' }],
    preamble: { until: '各位代表：' },
  });

  test('one page, each file in place, a marker where the missing part belongs, nothing joined across it', () => {
    const source = normalizeDocument(document, contentDir);
    assert.equal(source.pages.length, 1);
    assert.deepEqual(outline(source.pages[0].tree), [
      'preamble [政府工作报告]',
      'p 各位代表：',
      'h2 一、工作回顾',
      'p 地区生产总值增长，民营经济、服务业增加值双双突破',
      'sourceGap part-missing',
      'p 政府工作报告',
      'jump 上接第2版',
      'p 优化投资结构。加大投资力度。',
      'h3 (二)完善创新生态',
      'p 突出人工智能。',
    ]);
    assert.deepEqual(
      source.parts.map((p) => [p.name, p.firstLine]),
      [
        ['p1.txt', 1],
        ['p3.txt', 5],
      ],
    );
  });

  test('every repair names its own file and its line there', () => {
    const { repairs, pages } = normalizeDocument(document, contentDir);
    const entries = (kind: string) =>
      repairs.find((r) => r.kind === kind)!.details.map((d) => ({ file: d.file, line: d.line }));
    assert.deepEqual(entries('jump-line'), [{ file: 'p3.txt', line: 3 }]);
    assert.deepEqual(entries('stray-space'), [{ file: 'p3.txt', line: 4 }]);
    assert.deepEqual(entries('source-gap'), [{ file: 'p3.txt', line: 1 }]);
    const shown = pages[0].repairs.flatMap((k) => k.entries.map((e) => `${e.file}:${e.line}`));
    assert.deepEqual(shown.toSorted(), ['p3.txt:1', 'p3.txt:3', 'p3.txt:4']);
  });

  test('a document in one file names no file in its repairs', () => {
    const single = fixtureDocument({ source: 'p3.txt' });
    const { repairs } = normalizeDocument(single, contentDir);
    assert.ok(repairs.every((r) => r.details.every((d) => d.file === undefined)));
    assert.deepEqual(
      repairs.find((r) => r.kind === 'jump-line')!.details.map((d) => d.line),
      [3],
    );
  });

  test('a continuation alone: a marker before its text, and its title says （续）', () => {
    const alone = fixtureDocument({
      source: undefined,
      title: '政府工作报告',
      sources: [{ missing: '报告的开头（第1版）。' }, { file: 'p3.txt' }],
    });
    const { pages } = normalizeDocument(alone, contentDir);
    assert.equal(outline(pages[0].tree)[0], 'sourceGap part-missing');
    assert.equal(continuedFrom(alone), '报告的开头（第1版）。');
    assert.equal(displayTitle(alone), '政府工作报告（续）');
    assert.equal(
      displayTitle(document),
      document.title,
      'a document that starts with a file continues nothing',
    );
  });

  test('the manifest names its file or its parts, one way, with a file among the parts', () => {
    const problems = (fields: Record<string, unknown>) =>
      documentSchema
        .safeParse({ ...fixtureDocument(), source: 'x.txt', ...fields })
        .error?.issues.map((i) => i.message);
    assert.deepEqual(sourceFiles(fixtureDocument()), ['x.txt']);
    assert.match(problems({ sources: [{ file: 'a.txt' }] })?.[0] ?? '', /either "source".*not both/);
    assert.match(
      problems({ source: undefined, sources: [{ missing: '全文' }] })?.[0] ?? '',
      /at least one part must be a file/,
    );
    assert.equal(
      problems({ source: undefined, sources: [{ file: 'a.txt' }, { missing: '下文' }] }),
      undefined,
    );
  });
});
