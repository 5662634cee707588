/** Reads the built site's document pages as text blocks (for coverage and structure checks). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { distDir } from './serve-dist.ts';

/** Parses a built page without its link controls (the “#”/“¶” anchors added beside each passage). */
export function readHtml(file: string): Root {
  const tree = fromHtml(readFileSync(file, 'utf8'));
  for (const cite of selectAll('.cite', tree)) {
    cite.children = [];
  }
  return tree;
}

export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface PageText {
  /** Whole article text, whitespace removed. */
  all: string;
  /** Text of each paragraph-like block (p, li, th, td, figcaption), whitespace removed. */
  blocks: string[];
  headings: string[];
  /** Table cell texts, whitespace removed. */
  cells: string[];
  /** Title, headings and byline: lines that stand alone by design. */
  titles: string[];
  paragraphs: Array<{ id?: string; text: string }>;
  /** The block right before each marker of text the source lacks (〔原文到此为止…〕), whitespace removed. */
  beforeGaps: string[];
}

/** A document page of the site built in `dist` (default: dist/). */
export function readPage(path: string, dist = distDir): PageText {
  const tree = readHtml(join(dist, 'docs', path, 'index.html'));
  const article = select('article.doc', tree);
  if (!article) throw new Error(`${dist}/docs/${path}/: no <article class="doc">`);
  const ordered = selectAll('p, li, th, td, figcaption, h1, h2, h3, h4, h5, h6, .byline', article);
  return {
    all: squash(toText(article)),
    blocks: ordered.map((n) => squash(toText(n))),
    cells: selectAll('th, td, caption, figcaption, .table-note', article).map((n) => squash(toText(n))),
    titles: [
      ...selectAll('h1, .doc-body h2, .doc-body h3, .doc-body h4, .doc-body h5, .doc-body h6', article).map(
        (n) => squash(toText(n)),
      ),
      // The byline's first text is the author; a note about a moved headline may follow it.
      ...selectAll('.byline', article).map((n) =>
        squash(n.children[0]?.type === 'text' ? n.children[0].value : toText(n)),
      ),
    ],
    headings: selectAll('.doc-body h2, .doc-body h3, .doc-body h4, .doc-body h5', article).map((n) =>
      squash(toText(n)),
    ),
    beforeGaps: ordered.flatMap((n, i) =>
      i > 0 && (n.properties?.className as string[] | undefined)?.includes('source-gap')
        ? [squash(toText(ordered[i - 1]))]
        : [],
    ),
    paragraphs: selectAll('.doc-body p', article).map((n) => ({
      id: n.properties?.id as string | undefined,
      text: squash(toText(n)),
    })),
  };
}
