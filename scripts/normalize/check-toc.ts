/** Checks the detected chapter/section headings against the source's printed table of contents. */
import type { Root } from 'mdast';
import type { RepairLog } from './repair-log.ts';
import type { TocEntry } from './remove-table-of-contents.ts';
import { textOf } from './tree.ts';

export class TocMismatchError extends Error {
  override name = 'TocMismatchError';
}

const NUMBER = /^(第\S+?[章节])/u;

export function checkAgainstToc(tree: Root, toc: TocEntry[], log: RepairLog, label: string): void {
  if (toc.length === 0) return;
  const headings = tree.children.flatMap((n) =>
    n.type === 'heading' && (n.data?.kind === 'chapter' || n.data?.kind === 'section')
      ? [textOf(n).trim()]
      : [],
  );
  const numbers = (list: string[]) => list.map((t) => NUMBER.exec(t)?.[1] ?? t);
  const expected = numbers(toc.map((e) => e.text));
  const found = numbers(headings);
  if (expected.join('|') !== found.join('|')) {
    const at = expected.findIndex((e, i) => e !== found[i]);
    throw new TocMismatchError(
      `${label}: the printed table of contents lists ${expected.length} chapters and sections but ${found.length} headings were found; first difference at entry ${at + 1}: TOC "${toc[at]?.text}" vs heading "${headings[at] ?? '(none)'}"`,
    );
  }
  toc.forEach((entry, i) => {
    const norm = (s: string) => s.replace(/\s+/g, '');
    if (norm(entry.text) !== norm(headings[i])) {
      log.add(
        'table-of-contents',
        { line: entry.line, text: `目录作“${entry.text}”，正文标题作“${headings[i]}”（以正文为准）` },
        { count: 0 },
      );
    }
  });
}
