/** Reads one part of a table (up to its note or a page break) in either extraction format. */
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isNoteLine } from '../../../src/lib/conventions/captions.ts';
import { isParagraph } from '../tree.ts';
import { cellText } from './cell-text.ts';
import { expectedHeader, type Placed } from './header.ts';
import { fail, HAN_CHAR, type Format, type Part, type RawRow, type TableContext } from './shared.ts';

export function paragraphAt(tree: Root, i: number): Paragraph | undefined {
  const node = tree.children[i];
  return isParagraph(node) ? node : undefined;
}

export function detectFormat(tree: Root, start: number): Format {
  const first = paragraphAt(tree, start);
  if (!first) return 'rows';
  const text = toString(first);
  if (first.data?.emptyCellsBefore?.length) return 'cells';
  return text.startsWith('\t') && text.indexOf('\t', 1) < 0 ? 'cells' : 'rows';
}

/** Rows format: one line per row. */
export function parseRowsPart(
  tree: Root,
  start: number,
  withHeader: boolean,
  ctx: TableContext,
  captionLine: number,
): Part {
  const headerRows = withHeader ? ctx.layout.header.length : 0;
  const header: RawRow[] = [];
  const body: RawRow[] = [];
  let i = start;
  for (; i < tree.children.length; i++) {
    const node = paragraphAt(tree, i);
    if (!node) break;
    const text = toString(node);
    const row = { cells: text.split('\t').map((c) => c.trim()), line: node.data?.line ?? 0 };
    if (header.length < headerRows) {
      header.push(row);
      continue;
    }
    if (isNoteLine(text.trim())) return { captionLine, header, body, end: i + 1, note: text.trim() };
    if (!text.includes('\t')) break;
    body.push(row);
  }
  return { captionLine, header, body, end: i };
}

interface RawCell {
  runs: string[][];
  line: number;
  /** Blank lines between the previous cell line and this cell's first line. */
  blankBefore: number;
}

/** Cells format: one line per cell (see the file comment). */
export function parseCellsPart(
  tree: Root,
  start: number,
  ctx: TableContext,
  grid: Placed[][],
  captionLine: number,
): Part {
  const slots = expectedHeader(grid, 'cells').map((r) => r.length);
  const headerTotal = slots.reduce((a, b) => a + b, 0);
  const boundaries = new Set(slots.map((_, r) => slots.slice(0, r + 1).reduce((a, b) => a + b, 0)));
  const columns = ctx.layout.columns;
  const atBoundary = (n: number) =>
    n <= headerTotal ? n === 0 || boundaries.has(n) : (n - headerTotal) % columns === 0;

  const cells: RawCell[] = [];
  let note: string | undefined;
  let i = start;
  outer: for (; i < tree.children.length; i++) {
    const node = paragraphAt(tree, i);
    if (!node) break;
    const line = node.data?.line ?? 0;
    const blanks = node.data?.blankBefore ?? 0;
    const empties = new Set(node.data?.emptyCellsBefore ?? []);
    let blankRun = 0;
    // Blank lines before this line: tab-only ones are empty cells.
    for (let b = 0; b < blanks; b++) {
      if (empties.has(b)) {
        cells.push({ runs: [['']], line: line - blanks + b, blankBefore: blankRun });
        blankRun = 0;
      } else blankRun++;
    }
    const text = toString(node);
    const trimmed = text.trim();
    if (atBoundary(cells.length) && cells.length >= headerTotal && isNoteLine(trimmed)) {
      note = trimmed;
      i++;
      break;
    }
    if (text.startsWith('\t')) {
      cells.push({ runs: [[text.slice(1)]], line, blankBefore: blankRun });
      continue;
    }
    const current = cells[cells.length - 1];
    if (current && blankRun === 0 && empties.size === 0) {
      current.runs[current.runs.length - 1].push(trimmed);
      continue;
    }
    // Vertical text may be printed again after blank lines inside the same cell.
    if (current && empties.size === 0 && HAN_CHAR.test(trimmed) && cellText(current.runs).vertical) {
      current.runs.push([trimmed]);
      continue;
    }
    break outer;
  }

  const rows: RawRow[] = [];
  const toRow = (chunk: RawCell[]): RawRow => ({
    cells: chunk.map((c) => {
      const { text, vertical, repeated } = cellText(c.runs);
      if (vertical) ctx.log.add('vertical-text', { line: c.line, text: text.replace(/\n/g, ' / ') });
      if (repeated)
        ctx.log.add('repeated-vertical-text', {
          line: c.line,
          text: `竖排的“${text}”在同一格中印了 ${repeated} 次，只显示一次`,
        });
      return text;
    }),
    line: chunk[0]?.line ?? captionLine,
  });
  let at = 0;
  for (const n of slots) {
    rows.push(toRow(cells.slice(at, at + n)));
    at += n;
  }
  const header = rows.splice(0);
  for (; at < cells.length; at += columns) {
    const chunk = cells.slice(at, at + columns);
    if (chunk[0].blankBefore === 0) {
      fail(
        ctx,
        '',
        `the row starting at source line ${chunk[0].line} does not follow a blank line:` +
          ` its cells do not chunk into rows of ${columns} columns (check "columns" and the header)`,
      );
    }
    rows.push(toRow(chunk));
  }
  return { captionLine, header, body: rows, end: i, note };
}
