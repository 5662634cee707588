/** Page frontmatter: one schema, checked when it is written, read back by Astro exactly as written. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseFrontmatter } from 'astro/markdown';
import { loadContent } from '../manifest/load-content.ts';
import { pageFrontmatterSchema } from '../manifest/site-data.ts';
import { normalizeDocument } from '../normalize/pipeline.ts';
import { frontmatterYaml, pageFrontmatter } from './frontmatter.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
const { districts, documents } = loadContent(contentDir);
const { file, entry } = documents.find((d) => d.entry.date)!;
const source = normalizeDocument(entry, contentDir);
const page = source.pages[0];

describe('pageFrontmatter', () => {
  test('the frontmatter of a real page passes the content schema', () => {
    const fm = pageFrontmatter(page, source, districts, file);
    assert.deepEqual(pageFrontmatterSchema.parse(fm), fm);
  });
  test('an unknown key fails the content schema', () => {
    const fm = { ...pageFrontmatter(page, source, districts, file), summary: '未知字段' };
    const parsed = pageFrontmatterSchema.safeParse(fm);
    assert.equal(parsed.success, false);
    assert.match(parsed.error!.message, /summary/);
  });
  test('a bad value fails when the page is written, naming the manifest file and field', () => {
    const broken = { ...source, document: { ...entry, date: '2022-02-30', issuer: ' ' } };
    assert.throws(
      () => pageFrontmatter({ ...page, document: broken.document }, broken, districts, file),
      (e: Error) =>
        e.message.includes(`${file}: document "${entry.slug}"`) &&
        e.message.includes('field "date"') &&
        e.message.includes('field "issuer"'),
    );
  });
});

describe('frontmatterYaml', () => {
  // Strings that a YAML reader may take for a date, a boolean, a number or null.
  const tricky = [
    '2022-02-12',
    '2022-2-1',
    '2022-02-12T10:00:00',
    '2022-02-12 10:00',
    'yes',
    'No',
    'on',
    'OFF',
    'y',
    '~',
    'null',
    '0o17',
    '017',
    '0x1F',
    '1_000',
    '1:20',
    '1e3',
    '.inf',
    '-.NaN',
    '12',
    'a: b',
    '- 一',
    '# 注',
    '[1]',
    '{a}',
    '&a',
    '*a',
    '!a',
    '@a',
    '`a',
    '%a',
    '|',
    '>',
    "'a'",
    '"a"',
    '第一行\n第二行',
    ' 前后空格 ',
    '',
  ];
  test('Astro reads every string back as the same string', () => {
    const values = Object.fromEntries(tricky.map((s, i) => [`v${i}`, s]));
    const read = parseFrontmatter(`---\n${frontmatterYaml({ ...values, list: tricky })}---\n`).frontmatter;
    assert.deepEqual(read, { ...values, list: tricky });
  });
});
