/** Body rows → table cells: the layout's row fixes, then merged cells down the mergeDown columns. */
import type { TableCell } from '../tree.ts';
import { fail, squash, type RawRow, type TableContext } from './shared.ts';

export function applyRowFixes(rows: RawRow[], ctx: TableContext): void {
  ctx.layout.rowFixes.forEach((fix, j) => {
    const field = `rowFixes.${j}`;
    const matches = rows.filter(
      (r) => squash(r.cells.find((c) => c.trim() !== '') ?? '') === squash(fix.row),
    );
    const row = matches[fix.occurrence - 1];
    if (!row)
      fail(
        ctx,
        `${field}.row`,
        `no row of the table starts with ${JSON.stringify(fix.row)} (occurrence ${fix.occurrence}; found ${matches.length})`,
      );
    if (!fix.merge && !fix.columns) fail(ctx, field, 'a row fix needs "merge" or "columns"');
    if (fix.merge) {
      const [a, b] = fix.merge;
      if (b < a || b >= row.cells.length)
        fail(
          ctx,
          `${field}.merge`,
          `cells ${a}–${b} do not exist in the row at source line ${row.line} (it has ${row.cells.length} cells)`,
        );
      const merged = row.cells
        .slice(a, b + 1)
        .map((c) => c.trim())
        .filter(Boolean)
        .join('\n');
      row.cells.splice(a, b - a + 1, merged);
    }
    if (fix.columns) {
      const filled = row.cells.filter((c) => c.trim() !== '');
      if (filled.length !== fix.columns.length) {
        fail(
          ctx,
          `${field}.columns`,
          `the row at source line ${row.line} has ${filled.length} non-empty cells, but ${fix.columns.length} columns are given`,
        );
      }
      const placed: string[] = Array(ctx.layout.columns).fill('');
      fix.columns.forEach((col, k) => {
        if (col >= ctx.layout.columns)
          fail(ctx, `${field}.columns`, `column ${col} is outside the table's ${ctx.layout.columns} columns`);
        if (placed[col] !== '') fail(ctx, `${field}.columns`, `column ${col} is given twice`);
        placed[col] = filled[k];
      });
      row.cells = placed;
    }
    ctx.log.add('table-row-fix', { line: row.line, text: `${fix.row}：${fix.reason}` });
  });
}

export function bodyCells(rows: RawRow[], ctx: TableContext): TableCell[][] {
  const { columns, mergeDown, rowHeader } = ctx.layout;
  const anchors: (TableCell | undefined)[] = Array(columns).fill(undefined);
  return rows.map((row) => {
    const cells = [...row.cells];
    while (cells.length > columns && cells[cells.length - 1].trim() === '') cells.pop();
    if (cells.length > columns) {
      fail(
        ctx,
        'rowFixes',
        `the row at source line ${row.line} (${JSON.stringify(cells.filter(Boolean).join(' | '))})` +
          ` has ${cells.length} cells for ${columns} columns; add a row fix placing them`,
      );
    }
    while (cells.length < columns) cells.push('');
    const out: TableCell[] = [];
    let newLeft = false;
    cells.forEach((text, c) => {
      const merges = mergeDown.includes(c);
      const anchor = anchors[c];
      if (merges && text.trim() === '' && anchor && !newLeft) {
        anchor.rowspan = (anchor.rowspan ?? 1) + 1;
        return;
      }
      const cell: TableCell = { text, line: row.line };
      if (c === rowHeader) cell.rowHeader = true;
      out.push(cell);
      if (merges) {
        anchors[c] = text.trim() === '' ? undefined : cell;
        if (text.trim() !== '') newLeft = true;
      }
    });
    return out;
  });
}
