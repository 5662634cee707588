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
import { toString } from 'mdast-util-to-string';
import type { PassContext } from './pass.ts';
import { expectedHeader, headCells, headerGrid, headerMatches } from './tables/header.ts';
import { detectFormat, paragraphAt, parseCellsPart, parseRowsPart } from './tables/parse.ts';
import { applyRowFixes, bodyCells } from './tables/rows.ts';
import {
  fail,
  isTableCaption,
  matchesCaption,
  squash,
  TableError,
  type Part,
  type TableContext,
} from './tables/shared.ts';
import type { SourceTable } from './tree.ts';
import { isParagraph } from './tree.ts';

function buildTable(tree: Root, index: number, ctx: TableContext): { table: SourceTable; end: number } {
  const first = paragraphAt(tree, index) as Paragraph;
  const caption = toString(first).trim();
  const captionLine = first.data?.line ?? 0;
  const grid = headerGrid(ctx);
  const format = detectFormat(tree, index + 1);
  const expected = expectedHeader(grid, format);

  const parts: Part[] = [];
  const repeats: { line: number; text: string }[] = [];
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
        `the header of ${JSON.stringify(caption)} (source line ${part.header[0]?.line ?? captionLine})` +
          ` is ${JSON.stringify(found)}, but the layout gives ${JSON.stringify(want)} (compared ignoring whitespace)`,
      );
    }
    if (parts.length > 0) {
      const lastHeaderLine = part.header.at(-1)?.line;
      const lines = lastHeaderLine
        ? `第 ${part.captionLine}–${lastHeaderLine} 行`
        : `第 ${part.captionLine} 行`;
      repeats.push({
        line: part.captionLine,
        text: `${caption}：删去${lines}在分页处重复印出的${part.header.length ? '表题和表头' : '表题'}，前后两部分合为一表`,
      });
    }
    parts.push(part);
    at = part.end;
    const next = paragraphAt(tree, at);
    if (part.note || !next || !matchesCaption(toString(next), ctx.layout.caption)) break;
    partCaptionLine = next.data?.line ?? 0;
    at++;
  }

  const body = parts.flatMap((p) => p.body);
  applyRowFixes(body, ctx);
  const note = parts[parts.length - 1].note;
  const table: SourceTable = {
    type: 'sourceTable',
    caption,
    head: headCells(grid, ctx.layout.rowHeader),
    body: bodyCells(body, ctx),
    data: { line: captionLine },
  };
  if (note) table.note = note;
  ctx.log.add(
    'table-rebuilt',
    { line: captionLine, text: `${caption}（${body.length} 行）` },
    {
      reason:
        '原文转成文字时表格被拆成了逐格或逐行的文字，本站按表格的结构（记在文档清单的 tables 中）重建。',
    },
  );
  for (const detail of repeats) ctx.log.add('table-page-repeat', detail);
  return { table, end: at };
}

export function recogniseTables(tree: Root, { document, log, label }: PassContext): void {
  const layouts = document.tables;
  layouts.forEach((layout, n) => {
    const ctx: TableContext = { layout, field: `tables.${n}`, label, log };
    const index = tree.children.findIndex(
      (node) => isParagraph(node) && matchesCaption(toString(node), layout.caption),
    );
    if (index < 0)
      fail(ctx, 'caption', `no line starts with the table caption ${JSON.stringify(layout.caption)}`);
    const { table, end } = buildTable(tree, index, ctx);
    tree.children.splice(index, end - index, table as RootContent);
  });
  for (const node of tree.children) {
    if (!isParagraph(node)) continue;
    const text = toString(node).trim();
    if (!isTableCaption(squash(text))) continue;
    const owner = layouts.findIndex((l) => matchesCaption(text, l.caption));
    const where = `source line ${node.data?.line ?? '?'}`;
    if (owner >= 0)
      throw new TableError(
        `${label}: field "tables.${owner}.caption": the caption ${JSON.stringify(text)} appears again at ${where}, away from its table`,
      );
    throw new TableError(
      `${label}: field "tables": the line ${JSON.stringify(text)} (${where}) is a table caption,` +
        ` but no entry's "caption" matches it; describe the table in "tables"`,
    );
  }
}
