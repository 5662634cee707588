/**
 * Lines broken mid-sentence by page and column breaks are healed into one paragraph (≥ 97%),
 * and no heading is glued into a paragraph.
 *
 * A source line that ends without sentence-final punctuation and is not a block of its own on the
 * site (a heading, caption, byline, list item) and not inside a table cell is a mid-sentence break; it is healed
 * when one paragraph on the site holds the end of that line followed by the start of the next one.
 * A break whose next line is a heading or byline on the site (a newspaper column cut off before
 * another article) has no continuation in the source and is counted apart as truncated.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import { readPage, squash } from '../support/site-text.ts';
import { documents, pagePaths, sourceLines } from '../support/source-lines.ts';

describe('mid-sentence line breaks are healed', () => {
  const totals = { breaks: 0, healed: 0 };
  for (const doc of documents()) {
    test(`${doc.slug}`, () => {
      const pages = pagePaths(doc).map(readPage);
      const blocks = new Set(pages.flatMap((p) => [...p.blocks, ...p.titles]));
      const titles = new Set(pages.flatMap((p) => p.titles));
      const cells = pages.flatMap((p) => p.cells);
      const paragraphs = pages.flatMap((p) => p.paragraphs.map((x) => x.text).concat(p.blocks));
      const lines = sourceLines(doc).filter((l) => !l.includes('\t'));
      let breaks = 0;
      let truncated = 0;
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
          if (process.env.DEBUG_BREAKS)
            console.log(`# truncated: …${text.slice(-10)}⏎${squash(next).slice(0, 12)}`);
          truncated++;
          return;
        }
        breaks++;
        const tail = text
          .split(/[。！？；：]/u)
          .pop()!
          .slice(-6);
        const joint = tail + squash(next).slice(0, 6);
        if (!paragraphs.some((p) => p.includes(joint)))
          unhealed.push(`…${text.slice(-10)}⏎${squash(next).slice(0, 10)}…`);
      });
      totals.breaks += breaks;
      totals.healed += breaks - unhealed.length;
      const rate = breaks === 0 ? 1 : (breaks - unhealed.length) / breaks;
      console.log(
        `# ${doc.slug}: ${breaks - unhealed.length}/${breaks} mid-sentence breaks healed`,
        `(${(rate * 100).toFixed(1)}%), ${truncated} columns cut off before another heading`,
      );
      if (process.env.DEBUG_BREAKS) console.log(`# unhealed: ${unhealed.join(' | ')}`);
      assert.ok(
        rate >= 0.97,
        `only ${(rate * 100).toFixed(1)}% healed; unhealed: ${unhealed.slice(0, 8).join(' | ')}`,
      );
    });
  }
  test('overall', () => {
    console.log(`# overall: ${totals.healed}/${totals.breaks} healed`);
    assert.ok(totals.breaks > 100 && totals.healed / totals.breaks >= 0.97);
  });
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
