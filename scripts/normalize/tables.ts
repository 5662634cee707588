/**
 * Rebuilds tables that the text extraction flattened, from the table's layout in the manifest
 * (`tables:`: caption, column count, header, merged columns, per-row fixes).
 *
 * A table opens at a line starting with its caption (`表1：…`, compared ignoring spaces) and runs
 * up to its note (a line starting with `注：`) or the first line that cannot belong to it.
 * Two extraction formats are recognised from the first line after the caption:
 *
 * - cells: a Word table flattened to one cell per line. A cell begins with a line starting with a
 *   tab; following lines without a leading tab continue it; a tab-only line is an empty cell;
 *   rows are separated by blank lines. Cells are chunked into rows by the layout's column count
 *   (never at blank lines, which also occur inside a cell), and each row must start after a blank
 *   line, else the build fails. Header rows hold one cell per grid slot except that a cell spanning
 *   columns is emitted once (Word's horizontal merge); slots covered from the row above are empty cells.
 * - rows: one row per line, cells separated by tabs (PDF extraction); every column is a cell.
 *
 * Cell text. A cell printed over several lines becomes one text:
 * - vertical text: every line a single Han character (`高` `质` `量`) — the characters are joined
 *   into one word (`高质量`); runs separated by blank lines become separate lines. Recorded as 'vertical-text'.
 * - a wrapped phrase (`每万人拥有有效发明` + `专利授权数`) is joined without a break;
 * - a line ending with a colon (`主要污染物排放减少：`) introduces a list: it and each following line
 *   keep their own line (`\n`, rendered <br>).
 *
 * A table split by a page break repeats its caption (and header) further on: the parts are merged
 * into one table and the repetition is dropped (recorded). Header text comes from the layout and
 * must equal the source's header cells ignoring whitespace. Empty cells in `mergeDown` columns continue
 * the cell above (rowspan), never past a new cell in a mergeDown column to their left. Row fixes
 * (`rowFixes`) repair rows the extraction shifted or split, each recorded as 'table-row-fix'.
 * No source text is dropped: a row with more cells than columns fails the build until a row fix places them.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { caption as captionLabel, isNoteLine } from '../../src/lib/conventions/captions.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import type { TableLayout } from '../manifest/schema.ts';
import type { RepairLog } from './repair-log.ts';
import type { SourceTable, TableCell } from './tree.ts';
import { isParagraph, textOf } from './tree.ts';

export class TableError extends Error {
  override name = 'TableError';
}

const HAN_CHAR = /^\p{Script=Han}$/u;

/** Text as compared with the layout: without whitespace, widths folded (表1: is 表1：). */
const squash = (text: string): string => foldWidth(text).replace(/\s+/gu, '');

/** A caption line: 表 + number + colon. */
function isTableCaption(text: string): boolean {
  const label = captionLabel(text);
  return label?.kind === 'table' && label.colon;
}

/** True when `text` is a caption line of the layout whose caption is `caption` (spaces ignored). */
export function matchesCaption(text: string, caption: string): boolean {
  const line = squash(text);
  const key = squash(caption);
  if (!isTableCaption(line) || !line.startsWith(key)) return false;
  return key.includes(':') || line.slice(key.length).startsWith(':');
}

interface RawRow {
  cells: string[];
  line: number;
}

interface Part {
  captionLine: number;
  header: RawRow[];
  body: RawRow[];
  /** Index in tree.children just after the part. */
  end: number;
  note?: string;
}

interface Context {
  layout: TableLayout;
  field: string;
  label: string;
  log: RepairLog;
}

function fail(ctx: Context, field: string, message: string): never {
  throw new TableError(`${ctx.label}: field "${ctx.field}${field ? `.${field}` : ''}": ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Header layout

interface Placed {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** Places the layout's header cells on the grid (HTML table rules); every slot must be covered once. */
function headerGrid(ctx: Context): Placed[][] {
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
function expectedHeader(grid: Placed[][], format: Format): string[][] {
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

function headerMatches(found: RawRow[], expected: string[][]): boolean {
  if (found.length !== expected.length) return false;
  return expected.every((want, r) => {
    const got = found[r].cells.map(squash);
    while (got.length > want.length && got[got.length - 1] === '') got.pop();
    return got.length <= want.length && want.every((w, i) => squash(w) === (got[i] ?? ''));
  });
}

function headCells(grid: Placed[][]): TableCell[][] {
  return grid.map((row, r) => {
    const out: TableCell[] = [];
    row.forEach((cell, c) => {
      if (cell.row !== r || cell.col !== c) return;
      const tc: TableCell = { text: cell.text };
      if (cell.rowspan > 1) tc.rowspan = cell.rowspan;
      if (cell.colspan > 1) tc.colspan = cell.colspan;
      out.push(tc);
    });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Cell text

/** Joins the lines of one cell (runs of lines separated by blank lines). */
export function cellText(runs: string[][]): { text: string; vertical: boolean } {
  const lines = runs.map((run) => run.map((l) => l.trim()));
  const all = lines.flat();
  const vertical = all.length >= 2 && all.every((l) => HAN_CHAR.test(l));
  if (vertical) return { text: lines.map((run) => run.join('')).join('\n'), vertical };
  return {
    text: lines
      .map(joinPhrase)
      .filter((t, _i, a) => t !== '' || a.length === 1)
      .join('\n'),
    vertical,
  };
}

function joinPhrase(lines: string[]): string {
  let text = '';
  let list = false;
  for (const line of lines) {
    if (line === '') continue;
    if (text === '') text = line;
    else if (list) text += `\n${line}`;
    else text += (/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? ' ' : '') + line;
    if (foldWidth(line).endsWith(':')) list = true;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Parsing the two formats

type Format = 'cells' | 'rows';

function paragraphAt(tree: Root, i: number): Paragraph | undefined {
  const node = tree.children[i];
  return isParagraph(node) ? node : undefined;
}

function detectFormat(tree: Root, start: number): Format {
  const first = paragraphAt(tree, start);
  if (!first) return 'rows';
  const text = textOf(first);
  if (first.data?.emptyCellsBefore?.length) return 'cells';
  return text.startsWith('\t') && text.indexOf('\t', 1) < 0 ? 'cells' : 'rows';
}

/** Rows format: one line per row. */
function parseRowsPart(
  tree: Root,
  start: number,
  withHeader: boolean,
  ctx: Context,
  captionLine: number,
): Part {
  const headerRows = withHeader ? ctx.layout.header.length : 0;
  const header: RawRow[] = [];
  const body: RawRow[] = [];
  let i = start;
  for (; i < tree.children.length; i++) {
    const node = paragraphAt(tree, i);
    if (!node) break;
    const text = textOf(node);
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
function parseCellsPart(
  tree: Root,
  start: number,
  ctx: Context,
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
    const text = textOf(node);
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
      const { text, vertical } = cellText(c.runs);
      if (vertical) ctx.log.add('vertical-text', { line: c.line, text: text.replace(/\n/g, ' / ') });
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
        `the row starting at source line ${chunk[0].line} does not follow a blank line: its cells do not chunk into rows of ${columns} columns (check "columns" and the header)`,
      );
    }
    rows.push(toRow(chunk));
  }
  return { captionLine, header, body: rows, end: i, note };
}

// ---------------------------------------------------------------------------------------------
// Rows → table

function applyRowFixes(rows: RawRow[], ctx: Context): void {
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
    ctx.log.add(
      'table-row-fix',
      { line: row.line, text: `${fix.row}：${fix.reason}` },
      { reason: fix.reason },
    );
  });
}

function bodyCells(rows: RawRow[], ctx: Context): TableCell[][] {
  const { columns, mergeDown } = ctx.layout;
  const anchors: (TableCell | undefined)[] = Array(columns).fill(undefined);
  return rows.map((row) => {
    const cells = [...row.cells];
    while (cells.length > columns && cells[cells.length - 1].trim() === '') cells.pop();
    if (cells.length > columns) {
      fail(
        ctx,
        'rowFixes',
        `the row at source line ${row.line} (${JSON.stringify(cells.filter(Boolean).join(' | '))}) has ${cells.length} cells for ${columns} columns; add a row fix placing them`,
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
      const cell: TableCell = { text };
      out.push(cell);
      if (merges) {
        anchors[c] = text.trim() === '' ? undefined : cell;
        if (text.trim() !== '') newLeft = true;
      }
    });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------

function buildTable(tree: Root, index: number, ctx: Context): { table: SourceTable; end: number } {
  const first = paragraphAt(tree, index) as Paragraph;
  const caption = textOf(first).trim();
  const captionLine = first.data?.line ?? 0;
  const grid = headerGrid(ctx);
  const format = detectFormat(tree, index + 1);
  const expected = expectedHeader(grid, format);

  const parts: Part[] = [];
  const merges: { line: number; text: string }[] = [];
  let at = index + 1;
  let partCaptionLine = captionLine;
  for (;;) {
    let withHeader = true;
    // A continuation part in rows format may omit the repeated header.
    if (parts.length > 0 && format === 'rows') {
      const peek = parseRowsPart(tree, at, true, ctx, partCaptionLine);
      withHeader = headerMatches(peek.header, expected);
    }
    const part =
      format === 'cells'
        ? parseCellsPart(tree, at, ctx, grid, partCaptionLine)
        : parseRowsPart(tree, at, withHeader, ctx, partCaptionLine);
    if (withHeader && !headerMatches(part.header, expected)) {
      const found = part.header.map((r) => r.cells.join(' | ')).join(' / ');
      const want = expected.map((r) => r.join(' | ')).join(' / ');
      fail(
        ctx,
        'header',
        `the header of ${JSON.stringify(caption)} (source line ${part.header[0]?.line ?? captionLine}) is ${JSON.stringify(found)}, but the layout gives ${JSON.stringify(want)} (compared ignoring whitespace)`,
      );
    }
    if (parts.length > 0) {
      const repeated = part.header.length ? '表题和表头' : '表题';
      merges.push({
        line: part.captionLine,
        text: `${caption}：删去分页处重复的${repeated}，前后两部分合为一表`,
      });
    }
    parts.push(part);
    at = part.end;
    const next = paragraphAt(tree, at);
    if (part.note || !next || !matchesCaption(textOf(next), ctx.layout.caption)) break;
    partCaptionLine = next.data?.line ?? 0;
    at++;
  }

  const body = parts.flatMap((p) => p.body);
  applyRowFixes(body, ctx);
  const note = parts[parts.length - 1].note;
  const table: SourceTable = {
    type: 'sourceTable',
    caption,
    head: headCells(grid),
    body: bodyCells(body, ctx),
    data: { line: captionLine },
  };
  if (note) table.note = note;
  ctx.log.add(
    'table-rebuilt',
    { line: captionLine, text: `${caption}（${body.length} 行）` },
    { reason: '文字提取把表格拆成了逐格或逐行的文字，按表格结构（见文档清单 tables）重建。' },
  );
  for (const detail of merges) ctx.log.add('table-rebuilt', detail);
  return { table, end: at };
}

export function recogniseTables(tree: Root, layouts: TableLayout[], log: RepairLog, label: string): void {
  layouts.forEach((layout, n) => {
    const ctx: Context = { layout, field: `tables.${n}`, label, log };
    const index = tree.children.findIndex(
      (node) => isParagraph(node) && matchesCaption(textOf(node), layout.caption),
    );
    if (index < 0)
      fail(ctx, 'caption', `no line starts with the table caption ${JSON.stringify(layout.caption)}`);
    const { table, end } = buildTable(tree, index, ctx);
    tree.children.splice(index, end - index, table as RootContent);
  });
  for (const node of tree.children) {
    if (!isParagraph(node)) continue;
    const text = textOf(node).trim();
    if (!isTableCaption(squash(text))) continue;
    const owner = layouts.findIndex((l) => matchesCaption(text, l.caption));
    const where = `source line ${node.data?.line ?? '?'}`;
    if (owner >= 0)
      throw new TableError(
        `${label}: field "tables.${owner}.caption": the caption ${JSON.stringify(text)} appears again at ${where}, away from its table`,
      );
    throw new TableError(
      `${label}: field "tables": the line ${JSON.stringify(text)} (${where}) is a table caption, but no entry's "caption" matches it; describe the table in "tables"`,
    );
  }
}
