/** A wrong manifest entry fails with a message naming the file, the entry and the field; every wrong entry is reported at once. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { loadContent } from './load-content.ts';

const realContent = join(import.meta.dirname, '..', '..', 'content');
const manifest = '004-beilun-zhengfu-baogao.yaml';
const document = 'document "beilun-2022-zhengfu-gongzuo-baogao"';
const readList = <T>(path: string) => parseYaml(readFileSync(join(realContent, path), 'utf8')) as T[];
const kindNames = readList<{ name: string }>(join('vocabularies', 'kinds.yaml')).map((k) => k.name);
const levelNames = readList<{ name: string }>(join('vocabularies', 'levels.yaml')).map((k) => k.name);
const realDistricts = readList<{ slug: string; name: string; level: string; order: number }>(
  'districts.yaml',
);
/** Where a district appended to the real list stands, and an order no district has: any correct list has them. */
const next = realDistricts.length;
const freeOrder = Math.max(...realDistricts.map((d) => d.order)) + 1;
const beilunAt = realDistricts.findIndex((d) => d.slug === 'beilun');
/** A district no correct list holds yet (the tests add it as a 功能区). */
const newZone = `{ slug: ceshi-xinqu, name: 测试新区, level: 功能区, order: ${freeOrder} }`;

/** A copy of the real content with some files edited (paths relative to content/). */
function contentWithFiles(edits: Record<string, (yaml: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(realContent, dir, { recursive: true });
  for (const [path, edit] of Object.entries(edits)) {
    const file = join(dir, path);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return dir;
}
const contentWith = (edit: (yaml: string) => string) =>
  contentWithFiles({ [join('documents', manifest)]: edit });
const withDistrict = (line: string) => contentWithFiles({ 'districts.yaml': (y) => `${y}${line}\n` });

/** Asserts that loading fails with a message that contains every fragment. */
function failsWith(dir: string, ...fragments: string[]): void {
  assert.throws(
    () => loadContent(dir),
    (e: Error) => {
      for (const fragment of fragments)
        assert.ok(e.message.includes(fragment), `"${fragment}" in:\n${e.message}`);
      return true;
    },
  );
}

describe('loadContent', () => {
  test('the real content is valid', () => {
    const { districts, documents } = loadContent(realContent);
    assert.equal(districts[0].slug, 'ningbo');
    assert.ok(documents.length > 0);
  });
  test('a correction is kept verbatim: its line breaks are part of what it finds', () => {
    const beilun = loadContent(realContent).documents.find(
      (d) => d.entry.slug === 'beilun-2022-zhengfu-gongzuo-baogao',
    )!.entry;
    const restored = beilun.corrections.find((c) => c.kind === 'restored-numbering')!;
    assert.match(restored.find, /^\n.*\n$/u);
    // Same number of lines in and out, so every later line keeps its source line number.
    assert.equal(restored.find.split('\n').length, restored.replace.split('\n').length);
  });
  test('every document remembers the manifest file it was read from', () => {
    for (const { file, entry } of loadContent(realContent).documents)
      assert.equal(parseYaml(readFileSync(file, 'utf8')).slug, entry.slug);
  });
  test('a missing field names the document and the field', () => {
    failsWith(
      contentWith((y) => y.replace(/^kind: .*\n/m, '')),
      manifest,
      document,
      'field "kind"',
    );
  });
  test('a wrong value names the field', () => {
    failsWith(
      contentWith((y) => y.replace(/^date: .*$/m, 'date: 12 February')),
      manifest,
      'field "date"',
      'YYYY-MM-DD',
    );
  });
  test('an unknown district names the field', () => {
    failsWith(
      contentWith((y) => y.replace(/^district: beilun$/m, 'district: atlantis')),
      'field "district": unknown district "atlantis"',
    );
  });
  test('an editor-supplied title needs its basis', () => {
    failsWith(
      contentWith((y) => y.replace('titleSource: official', 'titleSource: editor')),
      'field "titleBasis"',
    );
  });
});

describe('dates', () => {
  for (const day of ['2022-13-45', '2022-02-30', '2023-02-29', '2022-00-10', '2022-04-31']) {
    test(`${day} is not a calendar date: it fails naming the file and the field`, () => {
      failsWith(
        contentWith((y) => y.replace(/^date: .*$/m, `date: ${day}`)),
        manifest,
        document,
        `field "date": ${day} is not a calendar date`,
      );
    });
  }
  test('a real day, a leap day included, is kept as the string written', () => {
    for (const day of ['2022-02-12', '2024-02-29', '2000-02-29']) {
      const { documents } = loadContent(contentWith((y) => y.replace(/^date: .*$/m, `date: ${day}`)));
      const beilun = documents.find((d) => d.file.endsWith(manifest))!.entry;
      assert.equal(beilun.date, day);
    }
  });
  test('a quoted title that looks like a date stays a string', () => {
    const { documents } = loadContent(contentWith((y) => y.replace(/^title: .*$/m, 'title: "2022-02-12"')));
    assert.equal(documents.find((d) => d.file.endsWith(manifest))!.entry.title, '2022-02-12');
  });
});

describe('districts', () => {
  test('a duplicate slug fails naming the file, the entry and the field', () => {
    failsWith(
      withDistrict(`- { slug: beilun, name: 北仑新区, level: 区, order: ${freeOrder} }`),
      'districts.yaml',
      `entry ${next}`,
      `field "${next}.slug"`,
      `"beilun" is already the slug of entry ${beilunAt}`,
    );
  });
  test('a duplicate name fails naming the file, the entry and the field', () => {
    failsWith(
      withDistrict(`- { slug: beilun-xin, name: 北仑区, level: 区, order: ${freeOrder} }`),
      'districts.yaml',
      `entry ${next}`,
      `field "${next}.name"`,
      `"北仑区" is already the name of entry ${beilunAt}`,
    );
  });
  test('a duplicate order fails naming the file, the entry and the field', () => {
    failsWith(
      withDistrict(
        `- { slug: beilun-xin, name: 北仑新区, level: 区, order: ${realDistricts[beilunAt].order} }`,
      ),
      'districts.yaml',
      `entry ${next}`,
      `field "${next}.order"`,
      `${realDistricts[beilunAt].order} is already the order of entry ${beilunAt}`,
    );
  });
});

describe('vocabularies', () => {
  test('an unknown kind names the file and field, lists the known kinds and says where to add one', () => {
    failsWith(
      contentWith((y) => y.replace(/^kind: .*$/m, 'kind: 工作要点')),
      manifest,
      document,
      'field "kind": unknown kind "工作要点"',
      `known: ${kindNames.join('、')}`,
      join('vocabularies', 'kinds.yaml'),
    );
  });
  test('an unknown district level names the file and field, lists the known levels and says where to add one', () => {
    failsWith(
      withDistrict(`- { slug: ceshi-dujiaqu, name: 测试度假区, level: 度假区, order: ${freeOrder} }`),
      'districts.yaml',
      `field "${next}.level": unknown level "度假区"`,
      `known: ${levelNames.join('、')}`,
      join('vocabularies', 'levels.yaml'),
    );
  });
  test('officialUrl, when given, is the http(s) address of the original; anything else names the field', () => {
    const url = 'https://example.gov.cn/art/2022/2/12/art_1.html';
    const withUrl = (value: string) => contentWith((y) => `${y}officialUrl: ${value}\n`);
    const loaded = loadContent(withUrl(url)).documents.find((d) => d.file.endsWith(manifest))!;
    assert.equal(loaded.entry.officialUrl, url);
    for (const wrong of ['www.beilun.gov.cn/art/1.html', 'ftp://example.gov.cn/a.txt'])
      failsWith(
        withUrl(wrong),
        manifest,
        document,
        'field "officialUrl"',
        'http(s) address of the official original',
      );
  });
  test('a level says whether it is a county level (counted among the 区县（市）)', () => {
    failsWith(
      contentWithFiles({
        [join('vocabularies', 'levels.yaml')]: (y) => y.replace(/^ {2}county: true\n/m, ''),
      }),
      join('vocabularies', 'levels.yaml'),
      'county',
    );
  });
  test('a new kind and a 功能区 district need only data', () => {
    const dir = contentWithFiles({
      'districts.yaml': (y) => `${y}- ${newZone}\n`,
      [join('vocabularies', 'kinds.yaml')]: (y) =>
        `${y}- name: 测试要点\n  description: 一年工作的要点安排。\n`,
      [join('documents', manifest)]: (y) =>
        y.replace(/^kind: .*$/m, 'kind: 测试要点').replace(/^district: .*$/m, 'district: ceshi-xinqu'),
    });
    const { districts, documents, kinds } = loadContent(dir);
    assert.equal(districts.find((d) => d.slug === 'ceshi-xinqu')?.level, '功能区');
    assert.equal(kinds.at(-1)?.name, '测试要点');
    assert.equal(documents.find((d) => d.file.endsWith(manifest))!.entry.kind, '测试要点');
  });
  test('districts are ordered by their level in the level list, then by their order', () => {
    const dir = contentWithFiles({
      'districts.yaml': (y) => `${y}- ${newZone}\n`,
      [join('vocabularies', 'levels.yaml')]: (y) => {
        const entries = parseYaml(y) as { name: string }[];
        const moved = [entries[0], entries.at(-1)!, ...entries.slice(1, -1)];
        return moved.map((e) => `- ${JSON.stringify(e)}`).join('\n');
      },
    });
    const levelOrder = [levelNames[0], levelNames.at(-1)!, ...levelNames.slice(1, -1)];
    const { districts } = loadContent(dir);
    const ranks = districts.map((d) => [levelOrder.indexOf(d.level), d.order] as const);
    assert.deepEqual(
      ranks,
      ranks.toSorted((a, b) => a[0] - b[0] || a[1] - b[1]),
    );
    const first = districts.findIndex((d) => d.level === levelNames.at(-1));
    assert.equal(districts[first - 1]?.level, levelNames[0], 'the moved level comes right after the first');
  });
  test('a kind listed twice fails naming the vocabulary file and the entry', () => {
    failsWith(
      contentWithFiles({
        [join('vocabularies', 'kinds.yaml')]: (y) => `${y}- name: ${kindNames[0]}\n  description: 又一次。\n`,
      }),
      join('vocabularies', 'kinds.yaml'),
      `entry ${kindNames.length}`,
      `field "${kindNames.length}.name": "${kindNames[0]}" is already the name of entry 0`,
    );
  });
});

describe('all problems at once', () => {
  test('every invalid document file and the district list are reported in one run', () => {
    const dir = contentWithFiles({
      [join('documents', manifest)]: (y) => y.replace(/^date: .*$/m, 'date: 2022-02-30'),
      [join('documents', '003-cixi-guihua.yaml')]: (y) => y.replace(/^kind: .*$/m, 'kind: 纲要'),
      [join('documents', '001-dangdaihui-baogao.yaml')]: (y) => y.replace(/^issuer: .*\n/m, ''),
      'districts.yaml': (y) => y.replace('level: 县, ', 'level: 乡, '),
    });
    failsWith(
      dir,
      `${manifest}: ${document}`,
      'field "date"',
      '003-cixi-guihua.yaml',
      'field "kind": unknown kind "纲要"',
      '001-dangdaihui-baogao.yaml',
      'field "issuer"',
      'districts.yaml',
      'unknown level "乡"',
    );
  });
});
