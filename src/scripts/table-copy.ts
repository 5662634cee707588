/**
 * Copying from a table gives whole rows: a selection inside one table (its caption included) is
 * copied as the rectangle of grid slots it touches, each slot holding the text of the cell covering
 * it (src/lib/table-grid.ts), as TSV and as a plain HTML table. A spreadsheet then gets every row in
 * its columns; the browser's own copy would shift rows under merged cells left.
 */
import { placeCells, toTsv } from '../lib/table-grid.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A cell's text as the reader sees it: line breaks kept, the CSS-drawn marks (¶, ※) being no text. */
const cellText = (cell: HTMLTableCellElement) => cell.innerText.trim();

function copyRectangle(figure: HTMLElement, selection: Selection): { tsv: string; html: string } | undefined {
  const table = figure.querySelector('table');
  if (!table) return undefined;
  const rows = [...table.rows];
  const grid = placeCells(
    rows.map((tr) => [...tr.cells].map((cell) => ({ cell, rowSpan: cell.rowSpan, colSpan: cell.colSpan }))),
  );
  const touched = (cell: HTMLTableCellElement) => selection.containsNode(cell, true);
  const rowIndexes = grid.flatMap((slots, r) => (slots.some(touched) ? [r] : []));
  if (rowIndexes.length === 0) return undefined;
  const columns = grid.flatMap((slots) => slots.flatMap((cell, c) => (touched(cell) ? [c] : [])));
  const [first, last] = [Math.min(...columns), Math.max(...columns)];
  const texts = rowIndexes.map((r) => grid[r].slice(first, last + 1).map(cellText));
  const caption = figure.querySelector('figcaption');
  const captionText = caption && selection.containsNode(caption, true) ? caption.innerText.trim() : '';
  const tsv = (captionText ? `${captionText}\n` : '') + toTsv(texts);
  const html =
    (captionText ? `<p>${escapeHtml(captionText)}</p>` : '') +
    `<table>${texts
      .map(
        (row) => `<tr>${row.map((t) => `<td>${escapeHtml(t).replaceAll('\n', '<br>')}</td>`).join('')}</tr>`,
      )
      .join('')}</table>`;
  return { tsv, html };
}

document.addEventListener('copy', (e) => {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || !e.clipboardData) return;
  const at = (node: Node | null) =>
    (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('.table-figure');
  const figure = at(selection.anchorNode);
  // Only a selection that starts and ends in the same table; any other copy is the browser's.
  if (!figure || at(selection.focusNode) !== figure) return;
  const copied = copyRectangle(figure, selection);
  if (!copied) return;
  e.clipboardData.setData('text/plain', copied.tsv);
  e.clipboardData.setData('text/html', copied.html);
  e.preventDefault();
});
