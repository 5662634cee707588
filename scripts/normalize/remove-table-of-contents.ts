/**
 * Recognises a printed table of contents (目录 followed by entries ending in page numbers)
 * and removes it: the site builds its own from the headings. The entries are kept so the
 * pipeline can check that every chapter and section listed was found as a heading.
 */
import type { Root } from 'mdast';
import type { RepairLog } from './repair-log.ts';
import { isParagraph, textOf } from './tree.ts';

export interface TocEntry {
  text: string;
  page: number;
  line?: number;
}

const TOC_TITLE = /^目\s*录$/;
const TOC_ENTRY = /^(第\S+?[章节節])\s*(.*?)[\s.…·]*\t?\s*(\d+)$/u;

export function removeTableOfContents(tree: Root, log: RepairLog): TocEntry[] {
  const start = tree.children.findIndex((node) => isParagraph(node) && TOC_TITLE.test(textOf(node).trim()));
  if (start < 0) return [];
  const entries: TocEntry[] = [];
  let end = start + 1;
  while (end < tree.children.length) {
    const node = tree.children[end];
    if (!isParagraph(node)) break;
    const match = TOC_ENTRY.exec(textOf(node).trim());
    if (!match || !/[\t.…]/.test(textOf(node))) break;
    entries.push({
      text: `${match[1]} ${match[2].replace(/[.…\s]+$/u, '')}`.trim(),
      page: Number(match[3]),
      line: node.data?.line,
    });
    end++;
  }
  if (entries.length === 0) return [];
  tree.children.splice(start, end - start);
  log.add(
    'table-of-contents',
    { text: `原文目录 ${entries.length} 条（带页码）`, line: entries[0].line },
    { count: entries.length },
  );
  return entries;
}
