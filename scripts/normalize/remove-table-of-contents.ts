/**
 * Recognises a printed table of contents (目录 followed by entries ending in page numbers)
 * and removes it: the site builds its own from the headings. The entries are kept so the
 * pipeline can check that every chapter and section listed was found as a heading.
 */
import type { Root } from 'mdast';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import { toString } from 'mdast-util-to-string';
import type { PassContext } from './pass.ts';
import { isParagraph } from './tree.ts';

export interface TocEntry {
  text: string;
  page: number;
  line?: number;
}

const TOC_TITLE = /^目\s*录$/;
/** After the 章/节 marker: the title, dot leaders or a tab, and the page number (on width-folded text). */
const ENTRY_REST = /^\s*(.*?)[\s.…·]*\t?\s*(\d+)$/du;

/** An entry line: a chapter or section, its title, and the page number after dot leaders or a tab. */
function tocEntry(line: string): Omit<TocEntry, 'line'> | undefined {
  const marker = headingMarker(line);
  if (marker?.kind !== 'chapter' && marker?.kind !== 'section') return undefined;
  const rest = line.slice(marker.text.length);
  const folded = foldWidth(rest);
  const match = ENTRY_REST.exec(folded);
  if (!match) return undefined;
  const [from, to] = match.indices![1];
  const title = rest.slice(from, to).replace(/[.．…\s]+$/u, '');
  return { text: `${marker.text} ${title}`.trim(), page: Number(match[2]) };
}

/** The entries go into the context, for check-toc. */
export function removeTableOfContents(tree: Root, context: PassContext): void {
  const start = tree.children.findIndex((node) => isParagraph(node) && TOC_TITLE.test(toString(node).trim()));
  if (start < 0) return;
  const entries: TocEntry[] = [];
  let end = start + 1;
  while (end < tree.children.length) {
    const node = tree.children[end];
    if (!isParagraph(node)) break;
    const text = toString(node);
    const entry = tocEntry(text.trim());
    // Dot leaders or a tab before the page number tell an entry from a heading ending in a digit.
    if (!entry || !/[\t.…]/.test(foldWidth(text))) break;
    entries.push({ ...entry, line: node.data?.line });
    end++;
  }
  if (entries.length === 0) return;
  tree.children.splice(start, end - start);
  context.printedToc = entries;
  const [first, last] = [entries[0].line, entries.at(-1)!.line];
  context.log.add('table-of-contents', {
    line: first,
    through: last,
    text: `原文第 ${first}–${last} 行的目录 ${entries.length} 条（带页码），已核对与正文标题一致`,
    count: entries.length,
  });
}
