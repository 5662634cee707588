/**
 * Properties every document of any correct library has on its built site, checked document by
 * document: nothing lost (every source sentence is on its pages), mid-sentence line breaks healed,
 * no heading glued into a paragraph, glossary notes linked both ways, no extraction debris. They
 * name no document: tests/content/library.test.ts runs them on content/, and
 * tests/fixtures/library.test.ts on content/ plus the fixture texts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { join } from 'node:path';
import { headingMarkersInside } from '../../src/lib/conventions/heading-markers.ts';
import { isJumpLine } from '../../src/lib/conventions/jump-lines.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import { sourceFiles, type DocumentEntry } from '../../scripts/manifest/schema.ts';
import type { Library } from '../support/library.ts';
import { readHtml, readPage, squash, type PageText } from '../support/site-text.ts';
import { documents, pagePaths, sourceLines } from '../support/source-lines.ts';

/** Jump lines are shown as notes (【紧接第1版】) beside the text they were glued to. */
const JUMP = /【[^】]*】/gu;
/** Share of a document's mid-sentence breaks that must be healed. */
const HEALED = 0.97;

/** The source's sentences, as the site should show them (whitespace removed). */
export function sourceSentences(doc: DocumentEntry, library: Library): string[] {
  return sourceLines(doc, library.contentDir).flatMap((line) => {
    const jumps = line.match(JUMP) ?? [];
    return [...line.replace(JUMP, '\n').split(/(?<=[。！？；])|\n/u), ...jumps].map(squash).filter(Boolean);
  });
}

export interface LineBreaks {
  /** Lines that end mid-sentence and continue on the next line of the text. */
  breaks: number;
  unhealed: string[];
  /** Lines that end mid-sentence where the text stops: before a heading of another article, a jump to another page, or a marker of text the source lacks. */
  truncated: number;
}

/**
 * A source line that ends without sentence-final punctuation and is not a block of its own on the
 * site (a heading, caption, byline, list item, masthead line, jump note) and not inside a table
 * cell is a mid-sentence break; it is healed when one paragraph on the site holds the end of that
 * line followed by the start of the next one.
 */
export function lineBreaks(doc: DocumentEntry, library: Library): LineBreaks {
  const pages = pagePaths(doc).map((p) => readPage(p, library.distDir));
  const blocks = new Set(pages.flatMap((p) => [...p.blocks, ...p.titles]));
  const titles = new Set(pages.flatMap((p) => p.titles));
  const beforeGaps = pages.flatMap((p) => p.beforeGaps);
  const cells = pages.flatMap((p) => p.cells);
  const paragraphs = pages.flatMap((p) => p.paragraphs.map((x) => x.text).concat(p.blocks));
  const lines = sourceLines(doc, library.contentDir).filter((l) => !l.includes('\t'));
  const result: LineBreaks = { breaks: 0, unhealed: [], truncated: 0 };
  lines.forEach((line, i) => {
    const text = squash(line);
    const next = lines[i + 1];
    // A line wrapped inside a table cell is not running text; a jump line is a note of its own.
    if (isJumpLine(line) || cells.some((c) => c.includes(text))) return;
    if (
      !next ||
      endsSentence(text) ||
      blocks.has(text) ||
      [...blocks].some((b) => b.startsWith(text) && b.length - text.length < 3)
    )
      return;
    if (titles.has(squash(next)) || isJumpLine(next) || beforeGaps.some((b) => b.endsWith(text.slice(-8)))) {
      result.truncated++;
      return;
    }
    result.breaks++;
    const tail = text
      .split(/[。！？；：]/u)
      .pop()!
      .slice(-6);
    const joint = tail + squash(next).slice(0, 6);
    if (!paragraphs.some((p) => p.includes(joint)))
      result.unhealed.push(`…${text.slice(-10)}⏎${squash(next).slice(0, 10)}…`);
  });
  return result;
}

/** Text that shows the extraction, not the document: Word bookmarks, image placeholders, Markdown bold markers around words. */
const DEBRIS: Array<[string, RegExp]> = [
  ['a Word bookmark', /\[bookmark:|_Toc\d|_Hlk\d/u],
  ['an image placeholder', /\[image:/u],
  // A pair of ** around words on one line; a run of three or more asterisks the source prints is text.
  ['Markdown bold markers', /(?<!\*)\*\*(?![*\s])[^\n*]+?(?<![*\s])\*\*(?!\*)/u],
];

function pagesOf(doc: DocumentEntry, library: Library): Array<{ path: string; page: PageText }> {
  return pagePaths(doc).map((path) => ({ path, page: readPage(path, library.distDir) }));
}

export function libraryChecks(library: Library): void {
  const docs = documents(library.contentDir);

  describe(`${library.name}: every source sentence is on the site`, () => {
    for (const doc of docs)
      test(`${doc.slug} (${sourceFiles(doc).join(' + ')})`, () => {
        const site = pagesOf(doc, library)
          .map(({ page }) => page.all)
          .join('\n');
        const sentences = sourceSentences(doc, library);
        assert.ok(sentences.length > 0, `${sourceFiles(doc).join(' + ')} holds no sentence`);
        const missing = sentences.filter((s) => !site.includes(s));
        assert.deepEqual(
          missing.slice(0, 10),
          [],
          `${missing.length} of ${sentences.length} sentences are not on the site`,
        );
      });
  });

  describe(`${library.name}: mid-sentence line breaks are healed`, () => {
    for (const doc of docs)
      test(doc.slug, () => {
        const { breaks, unhealed, truncated } = lineBreaks(doc, library);
        const rate = breaks === 0 ? 1 : (breaks - unhealed.length) / breaks;
        console.log(
          `# ${doc.slug}: ${breaks - unhealed.length}/${breaks} mid-sentence breaks healed`,
          `(${(rate * 100).toFixed(1)}%), ${truncated} where the text stops`,
        );
        assert.ok(
          rate >= HEALED,
          `only ${(rate * 100).toFixed(1)}% healed; unhealed: ${unhealed.slice(0, 8).join(' | ')}`,
        );
      });
  });

  describe(`${library.name}: no heading is glued into a paragraph`, () => {
    for (const doc of docs)
      test(doc.slug, () => {
        for (const { path, page } of pagesOf(doc, library)) {
          for (const heading of page.headings.filter((h) => h.length >= 6)) {
            const glued = page.paragraphs.find((p) => p.text.includes(heading));
            assert.equal(glued, undefined, `${path}: heading “${heading}” is inside paragraph ${glued?.id}`);
          }
          // A heading marker after a sentence end inside a paragraph: a heading run into the text.
          for (const p of page.paragraphs) {
            const inside = headingMarkersInside(p.text);
            assert.deepEqual(
              inside.map((at) => p.text.slice(at, at + 12)),
              [],
              `${path}: paragraph ${p.id} runs headings into its text: …${p.text.slice(Math.max(0, inside[0] - 12), inside[0] + 12)}…`,
            );
          }
        }
      });
  });

  describe(`${library.name}: notes, debris`, () => {
    for (const doc of docs)
      test(doc.slug, () => {
        for (const path of pagePaths(doc)) {
          const tree = readHtml(join(library.distDir, 'docs', path, 'index.html'));
          for (const ref of selectAll('a.note-ref', tree)) {
            const target = String(ref.properties?.href).slice(1);
            assert.ok(select(`#${target}`, tree), `${path}: note ${target} exists`);
            assert.ok(
              select(`a.back-ref[href="#${ref.properties?.id}"]`, tree),
              `${path}: note ${target} links back`,
            );
          }
          // 整理说明 quotes what was removed (“[bookmark: _Toc…]”); the rest of the page must not hold it.
          const article = select('article', tree)!;
          const note = select('#repairs', article);
          if (note) note.children = [];
          const text = toText(article);
          for (const [what, pattern] of DEBRIS)
            assert.doesNotMatch(text, pattern, `${path}: ${what} is left in the text`);
        }
      });
  });
}
