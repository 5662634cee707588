/**
 * Figures about particular documents, kept as data beside the tests that read them (one YAML file
 * per document: tests/content/expected/ for the seed documents, tests/fixtures/library/expected/
 * for the fixture texts), never in test code: the headings a page must show at each level, its
 * tables and glossary notes, text that must appear literally, how many sentences and line breaks
 * its source holds. A document without such a file is checked by the properties alone.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Library } from '../support/library.ts';
import { readHtml } from '../support/site-text.ts';
import { documents } from '../support/source-lines.ts';
import { lineBreaks, sourceSentences } from './checks.ts';
import { fidelitySchema } from './fidelity-facts.ts';

const headingRule = z
  .strictObject({
    level: z.number().int().min(2).max(6),
    /** The page holds exactly `count` headings of this level matching `pattern` … */
    pattern: z.string().optional(),
    count: z.number().int().nonnegative().optional(),
    /** … or a heading of this level with exactly this text. */
    text: z.string().optional(),
    /** What the figure shows (a repair, a convention). */
    why: z.string().optional(),
  })
  .refine((r) => (r.pattern !== undefined && r.count !== undefined) !== (r.text !== undefined), {
    message: 'a heading rule has either "pattern" and "count", or "text"',
  });

const pageSchema = z.strictObject({
  path: z.string(),
  /** The page's h1. */
  title: z.string().optional(),
  headings: z.array(headingRule).default([]),
  /** Number of tables. */
  tables: z.number().int().nonnegative().optional(),
  /** Number of glossary note references. */
  noteRefs: z.number().int().nonnegative().optional(),
  /** Text that must appear on the page exactly as written (special characters shown literally). */
  literals: z.array(z.string()).default([]),
  /** Text that must not appear on the page (a claim the page must not make). */
  absent: z.array(z.string()).default([]),
  /** Source files the page offers for download, in this order, each published under /sources/. */
  downloads: z.array(z.string()).optional(),
});

const expectedSchema = z.strictObject({
  slug: z.string(),
  /** Sentences of the source that must be on the site. */
  sentences: z.number().int().positive().optional(),
  /** Mid-sentence line breaks in the source, how many are healed, and lines where the text stops. */
  'line-breaks': z
    .strictObject({
      'mid-sentence': z.number().int().nonnegative(),
      healed: z.number().int().nonnegative(),
      'cut-off': z.number().int().nonnegative(),
    })
    .optional(),
  pages: z.array(pageSchema).default([]),
  /** How the pages present the source and what they say about it: checked by fidelity.test.ts. */
  fidelity: fidelitySchema.optional(),
});
type Expected = z.infer<typeof expectedSchema>;

function readExpected(dir: string): Array<{ file: string; expected: Expected }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const parsed = expectedSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      return { file, expected: parsed.data };
    });
}

export function expectedFigures(library: Library, dir: string): void {
  const docs = new Map(documents(library.contentDir).map((d) => [d.slug, d]));
  describe(`${library.name}: figures about particular documents (${dir})`, () => {
    for (const { file, expected } of readExpected(dir))
      test(expected.slug, () => {
        const doc = docs.get(expected.slug);
        assert.ok(doc, `${file}: no document "${expected.slug}" in ${library.contentDir}`);
        if (expected.sentences !== undefined)
          assert.equal(sourceSentences(doc, library).length, expected.sentences, `${file}: sentences`);
        if (expected['line-breaks']) {
          const { breaks, unhealed, truncated } = lineBreaks(doc, library);
          assert.deepEqual(
            { 'mid-sentence': breaks, healed: breaks - unhealed.length, 'cut-off': truncated },
            expected['line-breaks'],
            `${file}: line-breaks; unhealed: ${unhealed.slice(0, 8).join(' | ')}`,
          );
        }
        for (const page of expected.pages) {
          const html = join(library.distDir, 'docs', page.path, 'index.html');
          assert.ok(existsSync(html), `${file}: page ${page.path} is built`);
          const tree = readHtml(html);
          if (page.title !== undefined) {
            const h1 = select('h1', tree);
            assert.equal(h1 && toText(h1).trim(), page.title, `${file}: ${page.path} title`);
            assert.ok(h1?.properties?.id, `${page.path}: its title has an anchor`);
          }
          for (const rule of page.headings) {
            const found = selectAll(`.doc-body h${rule.level}`, tree).map((h) => ({
              id: h.properties?.id,
              text: toText(h).trim(),
            }));
            const why = `${file}: ${page.path} h${rule.level} ${rule.text ?? rule.pattern}${rule.why ? ` (${rule.why})` : ''}`;
            if (rule.text !== undefined)
              assert.ok(
                found.some((h) => h.text === rule.text && h.id),
                why,
              );
            else {
              const matching = found.filter((h) => new RegExp(rule.pattern!, 'u').test(h.text));
              assert.equal(matching.length, rule.count, why);
              assert.ok(
                matching.every((h) => h.id),
                `${why}: every one has an anchor`,
              );
            }
          }
          if (page.tables !== undefined)
            assert.equal(
              selectAll('.doc-body table', tree).length,
              page.tables,
              `${file}: ${page.path} tables`,
            );
          if (page.noteRefs !== undefined)
            assert.equal(
              selectAll('a.note-ref', tree).length,
              page.noteRefs,
              `${file}: ${page.path} note refs`,
            );
          const text = toText(select('article', tree)!);
          for (const literal of page.literals)
            assert.ok(text.includes(literal), `${file}: ${page.path} shows ${literal} literally`);
          for (const claim of page.absent)
            assert.ok(!text.includes(claim), `${file}: ${page.path} does not say ${claim}`);
          if (page.downloads) {
            const offered = selectAll('a.download', tree).map((a) => String(a.properties?.href));
            assert.deepEqual(
              offered,
              page.downloads.map((f) => `/sources/${f}`),
              `${file}: ${page.path} downloads`,
            );
            for (const source of page.downloads)
              assert.ok(existsSync(join(library.distDir, 'sources', source)), `${source} is published`);
          }
        }
      });
  });
}
