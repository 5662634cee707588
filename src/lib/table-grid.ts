/**
 * A table as a rectangle of slots, for copying it into a spreadsheet: HTML rows hold only the cells
 * that start in them, so a row under a cell spanning rows has fewer cells, and the browser's own
 * plain-text copy shifts it left. Here every slot holds the text of the cell covering it (a merged
 * value is repeated in each row and column it spans), so each line of the TSV is a whole row.
 */
export interface GridCell<T> {
  cell: T;
  rowSpan: number;
  colSpan: number;
}

/** Places the rows' cells on the grid (HTML rules: a cell takes the first slot not covered from above). */
export function placeCells<T>(rows: GridCell<T>[][]): T[][] {
  const grid: T[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const { cell, rowSpan, colSpan } of row) {
      while (grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < Math.max(1, rowSpan) && r + dr < rows.length; dr++)
        for (let dc = 0; dc < Math.max(1, colSpan); dc++) grid[r + dr][col + dc] = cell;
      col += Math.max(1, colSpan);
    }
  });
  return grid;
}

/** One TSV field: quoted (quotes doubled) when it holds a tab, a line break or a quote, as spreadsheets read it. */
const field = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Tab-separated rows, a short row padded with empty fields to the widest. */
export function toTsv(grid: readonly (readonly (string | undefined)[])[]): string {
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid
    .map((row) => Array.from({ length: width }, (_, c) => field(row[c] ?? '')).join('\t'))
    .join('\n');
}
