/**
 * A table as CSV (/docs/<path>/<table id>.csv): RFC 4180 (csv-stringify), UTF-8 with a byte-order
 * mark so that spreadsheet programs (Excel, WPS) open the Chinese text correctly. Header rows, then
 * body rows, on the page's grid: a merged cell's text stands in its first row and column, the cells
 * it covers are empty (as the source printed them); a cell's line breaks stay inside the cell.
 */
import { stringify } from 'csv-stringify/sync';
import type { SourceTable, TableCell } from '../normalize/tree.ts';

/** The rows on a grid: each merged cell's text at its top-left position, '' where it extends. */
function tableGrid(rows: readonly TableCell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of row) {
      while (grid[r][column] !== undefined) column++;
      const rowspan = cell.rowspan ?? 1;
      const colspan = cell.colspan ?? 1;
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < colspan; dc++) {
          grid[r + dr] ??= [];
          grid[r + dr][column + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      column += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

export function toCsv(table: SourceTable): string {
  return stringify(tableGrid([...table.head, ...table.body]), { bom: true, record_delimiter: 'windows' });
}
