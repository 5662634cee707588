/**
 * Lines broken mid-sentence by page and column breaks are healed into one paragraph, and no
 * heading is glued into a paragraph.
 *
 * A source line that ends without sentence-final punctuation and is not a block of its own on the
 * site (a heading, caption, byline, list item) and not inside a table cell is a mid-sentence break; it is healed
 * when one paragraph on the site holds the end of that line followed by the start of the next one.
 * A break whose next line is a heading or byline on the site (a newspaper column cut off before
 * another article) has no continuation in the source and is counted apart as cut off.
 *
 * How many breaks a seed document has, how many are healed and how many are cut off are facts about
 * that document: they live beside it in tests/content/expected/<slug>.yaml and are checked exactly.
 * A document without such data is checked only for what holds for any document (no glued heading).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import type { DocumentEntry } from '../../scripts/manifest/schema.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import { readPage, squash } from '../support/site-text.ts';
import { documents, pagePaths, sourceLines } from '../support/source-lines.ts';

interface LineBreakFigures {
  'mid-sentence': number;
  healed: number;
  'cut-off': number;
}

/** The recorded figures about one seed document, if it has any. */
function expectedFigures(slug: string): { 'line-breaks'?: LineBreakFigures } | undefined {
  const file = join(import.meta.dirname, 'expected', `${slug}.yaml`);
  return existsSync(file) ? parseYaml(readFileSync(file, 'utf8')) : undefined;
}

/** Mid-sentence breaks of one document's source, as its built pages show them. */
function lineBreaks(doc: DocumentEntry): { figures: LineBreakFigures; unhealed: string[] } {
  const pages = pagePaths(doc).map(readPage);
  const blocks = new Set(pages.flatMap((p) => [...p.blocks, ...p.titles]));
  const titles = new Set(pages.flatMap((p) => p.titles));
  const cells = pages.flatMap((p) => p.cells);
  const paragraphs = pages.flatMap((p) => p.paragraphs.map((x) => x.text).concat(p.blocks));
  const lines = sourceLines(doc).filter((l) => !l.includes('\t'));
  const figures: LineBreakFigures = { 'mid-sentence': 0, healed: 0, 'cut-off': 0 };
  const unhealed: string[] = [];
  lines.forEach((line, i) => {
    const text = squash(line);
    const next = lines[i + 1];
    // A line wrapped inside a table cell is not running text.
    if (cells.some((c) => c.includes(text))) return;
    if (
      !next ||
      endsSentence(text) ||
      blocks.has(text) ||
      [...blocks].some((b) => b.startsWith(text) && b.length - text.length < 3)
    )
      return;
    if (titles.has(squash(next))) {
      figures['cut-off']++;
      return;
    }
    figures['mid-sentence']++;
    const tail = text
      .split(/[。！？；：]/u)
      .pop()!
      .slice(-6);
    const joint = tail + squash(next).slice(0, 6);
    if (paragraphs.some((p) => p.includes(joint))) figures.healed++;
    else unhealed.push(`…${text.slice(-10)}⏎${squash(next).slice(0, 10)}…`);
  });
  return { figures, unhealed };
}

describe('mid-sentence line breaks are healed', () => {
  for (const doc of documents()) {
    const expected = expectedFigures(doc.slug)?.['line-breaks'];
    if (!expected) continue;
    test(doc.slug, () => {
      const { figures, unhealed } = lineBreaks(doc);
      console.log(
        `# ${doc.slug}: ${figures.healed}/${figures['mid-sentence']} mid-sentence breaks healed, ` +
          `${figures['cut-off']} columns cut off before another heading`,
      );
      assert.deepEqual(figures, expected, `unhealed: ${unhealed.slice(0, 8).join(' | ')}`);
    });
  }
});

describe('no heading is glued into a paragraph', () => {
  for (const doc of documents()) {
    test(`${doc.slug}`, () => {
      for (const page of pagePaths(doc).map(readPage)) {
        for (const heading of page.headings.filter((h) => h.length >= 6)) {
          const glued = page.paragraphs.find((p) => p.text.includes(heading));
          assert.equal(glued, undefined, `heading “${heading}” is inside paragraph ${glued?.id}`);
        }
      }
    });
  }
});
