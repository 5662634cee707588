/** The header rows of a table, placed on its grid from the layout, and compared with the source's. */
import type { TableCell } from '../tree.ts';
import { fail, squash, type Format, type RawRow, type TableContext } from './shared.ts';

export interface Placed {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** Places the layout's header cells on the grid (HTML table rules); every slot must be covered once. */
export function headerGrid(ctx: TableContext): Placed[][] {
  const { header, columns } = ctx.layout;
  const grid: (Placed | undefined)[][] = header.map(() => Array(columns).fill(undefined));
  header.forEach((row, r) => {
    let col = 0;
    for (const spec of row) {
      const cell = typeof spec === 'string' ? { text: spec } : spec;
      while (col < columns && grid[r][col]) col++;
      const placed: Placed = {
        text: cell.text,
        row: r,
        col,
        rowspan: 'rowspan' in cell ? (cell.rowspan ?? 1) : 1,
        colspan: 'colspan' in cell ? (cell.colspan ?? 1) : 1,
      };
      if (col + placed.colspan > columns)
        fail(ctx, `header.${r}`, `the row is wider than the table's ${columns} columns`);
      if (r + placed.rowspan > header.length)
        fail(ctx, `header.${r}`, `"${cell.text}" spans past the last header row`);
      for (let dr = 0; dr < placed.rowspan; dr++)
        for (let dc = 0; dc < placed.colspan; dc++) grid[r + dr][col + dc] = placed;
      col += placed.colspan;
    }
  });
  grid.forEach((row, r) => {
    if (row.some((c) => !c))
      fail(
        ctx,
        `header.${r}`,
        `the header row covers ${row.filter(Boolean).length} of the table's ${columns} columns`,
      );
  });
  return grid as Placed[][];
}

/** The header cells each source row should hold, in order: the text where a cell starts, '' where it is covered from above. */
export function expectedHeader(grid: Placed[][], format: Format): string[][] {
  return grid.map((row, r) => {
    const out: string[] = [];
    row.forEach((cell, c) => {
      const starts = cell.row === r && cell.col === c;
      if (format === 'rows') out.push(starts ? cell.text : '');
      // Word: one cell per grid slot, a horizontally merged cell only once.
      else if (cell.col === c) out.push(cell.row === r ? cell.text : '');
    });
    return out;
  });
}

export function headerMatches(found: RawRow[], expected: string[][]): boolean {
  if (found.length !== expected.length) return false;
  return expected.every((want, r) => {
    const got = found[r].cells.map(squash);
    while (got.length > want.length && got[got.length - 1] === '') got.pop();
    return got.length <= want.length && want.every((w, i) => squash(w) === (got[i] ?? ''));
  });
}

/** The header cells in HTML placement; the one standing over the row-header column alone is marked. */
export function headCells(grid: Placed[][], rowHeader: number): TableCell[][] {
  return grid.map((row, r) => {
    const out: TableCell[] = [];
    row.forEach((cell, c) => {
      if (cell.row !== r || cell.col !== c) return;
      const tc: TableCell = { text: cell.text };
      if (cell.rowspan > 1) tc.rowspan = cell.rowspan;
      if (cell.colspan > 1) tc.colspan = cell.colspan;
      if (c === rowHeader && cell.colspan === 1) tc.rowHeader = true;
      out.push(tc);
    });
    return out;
  });
}
