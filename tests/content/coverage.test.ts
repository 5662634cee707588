/**
 * Nothing lost: every sentence of every source (after its recorded repairs) appears on the built
 * site, on the pages made from that source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readPage, squash } from '../support/site-text.ts';
import { documents, pagePaths, sourceLines } from '../support/source-lines.ts';

/** Jump lines are shown as notes (【紧接第1版】) beside the text they were glued to. */
const JUMP = /【[^】]*】/gu;

describe('every source sentence is on the site', () => {
  for (const doc of documents()) {
    test(`${doc.slug} (${doc.source})`, () => {
      const site = pagePaths(doc)
        .map((p) => readPage(p).all)
        .join('\n');
      const missing: string[] = [];
      let checked = 0;
      for (const line of sourceLines(doc)) {
        const jumps = line.match(JUMP) ?? [];
        for (const piece of [...line.replace(JUMP, '\n').split(/(?<=[。！？；])|\n/u), ...jumps]) {
          const sentence = squash(piece);
          if (!sentence) continue;
          checked++;
          if (!site.includes(sentence)) missing.push(sentence);
        }
      }
      assert.ok(checked > 50, `checked ${checked} sentences`);
      assert.deepEqual(
        missing.slice(0, 10),
        [],
        `${missing.length} of ${checked} sentences are not on the site`,
      );
    });
  }
});
