/** Bad input gets a clear error and no partial output: the previous generated output stays untouched. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseFrontmatter } from 'astro/markdown';
import { buildContent, unreferencedSources } from './build-content.ts';
import { loadContent } from './manifest/load-content.ts';
import { sourceFiles } from './manifest/schema.ts';
import { pageFrontmatterSchema } from './manifest/site-data.ts';

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

  test('a source that is not UTF-8 names the byte offset and line, and says how to convert it', () => {
    const { content, out } = workspace();
    // A valid U+FFFD before the bad bytes must not be taken for them.
    const valid = Buffer.from('第一行\n第二行：\uFFFD，');
    const gb18030 = Buffer.from([0xd5, 0xe2, 0xca, 0xc7]); // 这是
    writeFileSync(join(content, 'sources', source), Buffer.concat([valid, gb18030]));
    assert.throws(
      () => buildContent({ contentDir: content, outDir: out }),
      (e: Error) =>
        e.message.includes(`${source} (document "ningbo-dangdaihui-baogao"): the file is not valid UTF-8`) &&
        e.message.includes(`byte ${valid.length} (line 2)`) &&
        e.message.includes('iconv -f GB18030 -t UTF-8'),
    );
  });
  test('a correction that is not found names the manifest file, the document and the field', () => {
    const { content, out } = workspace();
    const manifest = join(content, 'documents', '004-beilun-zhengfu-baogao.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('find: "\\n聚焦高效畅通', 'find: "\\n聚焦低效畅通'),
    );
    assert.throws(
      () => buildContent({ contentDir: content, outDir: out }),
      (e: Error) =>
        e.message.includes(`${manifest}: document "beilun-2022-zhengfu-gongzuo-baogao"`) &&
        e.message.includes('field "corrections.0.find"') &&
        e.message.includes('occurs 0 time(s)'),
    );
  });
  test('every broken document is reported in one run', () => {
    const { content, out } = workspace();
    writeFileSync(join(content, 'sources', source), '');
    writeFileSync(join(content, 'sources', '003_f56024d8df1d0350.txt'), '\n');
    assert.throws(
      () => buildContent({ contentDir: content, outDir: out }),
      (e: Error) =>
        e.message.includes('001-dangdaihui-baogao.yaml') &&
        e.message.includes('the file is empty') &&
        e.message.includes('003-cixi-guihua.yaml') &&
        e.message.includes('holds no text'),
    );
  });
  test('what an interrupted run left (generated.tmp-<pid>) is removed by the next run', () => {
    const { content, out } = workspace();
    mkdirSync(join(out, '..', 'generated.tmp-1', 'docs'), { recursive: true });
    buildContent({ contentDir: content, outDir: out });
    assert.deepEqual(
      readdirSync(join(out, '..')).filter((f) => f.includes('.tmp-')),
      [],
    );
  });
});

describe('generated frontmatter as Astro reads it', () => {
  /** Every generated page's frontmatter, parsed by Astro's own frontmatter reader. */
  function frontmatters(out: string): Record<string, unknown>[] {
    return readdirSync(join(out, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => parseFrontmatter(readFileSync(join(out, 'docs', f), 'utf8')).frontmatter);
  }
  test('every page passes the content schema, dates stay the strings the manifest gives', () => {
    const { content, out } = workspace();
    buildContent({ contentDir: content, outDir: out });
    const pages = frontmatters(out);
    assert.ok(pages.length > 0);
    for (const fm of pages) {
      const parsed = pageFrontmatterSchema.safeParse(fm);
      assert.ok(parsed.success, `${fm.path}: ${parsed.error?.message}`);
      if ('date' in fm)
        assert.equal(typeof fm.date, 'string', `${fm.path}: date is read as ${typeof fm.date}`);
    }
  });
  test('a title the manifest quotes as "2022-02-12" reaches the page as that string', () => {
    const { content, out } = workspace();
    const manifest = join(content, 'documents', '004-beilun-zhengfu-baogao.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^title: .*$/m, 'title: "2022-02-12"'));
    buildContent({ contentDir: content, outDir: out });
    const beilun = frontmatters(out).find((fm) => fm.path === 'beilun-2022-zhengfu-gongzuo-baogao')!;
    assert.equal(beilun.title, '2022-02-12');
    assert.ok(pageFrontmatterSchema.safeParse(beilun).success);
  });
});

test('unreferencedSources names the files in content/sources/ that no document names', () => {
  const { content } = workspace();
  const named = loadContent(content).documents.flatMap((d) => sourceFiles(d.entry));
  assert.deepEqual(unreferencedSources(content, named), []);
  writeFileSync(join(content, 'sources', '草稿 副本.txt'), '草稿');
  writeFileSync(join(content, 'sources', 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(content, 'sources', '.DS_Store'), '');
  assert.deepEqual(unreferencedSources(content, named), ['scan.txt', '草稿 副本.txt']);
});
