/**
 * Checks the chapter and section headings found in the source (on all its pages) against its
 * printed table of contents, which remove-table-of-contents took out.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { pagesOf, type PassContext } from './pass.ts';

export class TocMismatchError extends Error {
  override name = 'TocMismatchError';
}

/** What a TOC entry and a heading are matched by: 章 or 节, and its number (第3节 is 第三节). */
function numbering(text: string): string {
  const marker = headingMarker(text);
  return marker ? `${marker.kind} ${marker.number ?? marker.text}` : text;
}

export function checkAgainstToc(tree: Root, context: PassContext): void {
  const { printedToc: toc, log, label } = context;
  if (toc.length === 0) return;
  const nodes = pagesOf(tree, context).flatMap((page) =>
    page.tree.children.filter(
      (n): n is Heading => n.type === 'heading' && (n.data?.kind === 'chapter' || n.data?.kind === 'section'),
    ),
  );
  const headings = nodes.map((n) => toString(n).trim());
  const expected = toc.map((e) => numbering(e.text));
  const found = headings.map(numbering);
  if (expected.join('|') !== found.join('|')) {
    let at = 0;
    while (expected[at] === found[at]) at++;
    throw new TocMismatchError(
      `${label}: the printed table of contents lists ${expected.length} chapters and sections` +
        ` but ${found.length} were found as headings; first difference at entry ${at + 1}:` +
        ` TOC "${toc[at]?.text ?? '(none)'}" vs heading "${headings[at] ?? '(none)'}".` +
        ' Where the body misprints a heading or its line lost the 章/节 marker,' +
        ` record the repair in the manifest's "corrections"`,
    );
  }
  toc.forEach((entry, i) => {
    const norm = (s: string) => s.replace(/\s+/g, '');
    if (norm(entry.text) !== norm(headings[i])) {
      log.add('toc-heading-differs', {
        line: entry.line,
        text: `目录作“${entry.text}”，正文标题作“${headings[i]}”`,
        block: nodes[i],
      });
    }
  });
}
