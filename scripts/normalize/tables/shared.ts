/** What the parts of the table pass share: rows as extracted, the layout being applied, errors naming its field. */
import { caption as captionLabel } from '../../../src/lib/conventions/captions.ts';
import { foldWidth } from '../../../src/lib/conventions/widths.ts';
import type { TableLayout } from '../../manifest/schema.ts';
import type { RepairLog } from '../repair-log.ts';

export class TableError extends Error {
  override name = 'TableError';
}

export const HAN_CHAR = /^\p{Script=Han}$/u;

/** Text as compared with the layout: without whitespace, widths folded (表1: is 表1：). */
export const squash = (text: string): string => foldWidth(text).replace(/\s+/gu, '');

/** A caption line: 表 + number + colon. */
export function isTableCaption(text: string): boolean {
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

export interface RawRow {
  cells: string[];
  line: number;
}

export interface Part {
  captionLine: number;
  header: RawRow[];
  body: RawRow[];
  /** Index in tree.children just after the part. */
  end: number;
  note?: string;
}

/** One table's layout, the manifest field it comes from, and where errors and repairs go. */
export interface TableContext {
  layout: TableLayout;
  field: string;
  label: string;
  log: RepairLog;
}

export function fail(ctx: TableContext, field: string, message: string): never {
  throw new TableError(`${ctx.label}: field "${ctx.field}${field ? `.${field}` : ''}": ${message}`);
}

/** The two extraction formats (see tables.ts): one cell per line, or one tab-separated row per line. */
export type Format = 'cells' | 'rows';
