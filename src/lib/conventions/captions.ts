/**
 * Labelled blocks: a caption opens a 专栏 box (专栏1：…), a table (表1：…) or a figure (图1 …);
 * a note line (注：…) closes a table. Matched width-insensitively (表1:, 表１：).
 */
import { foldWidth } from './widths.ts';

type CaptionKind = 'box' | 'table' | 'figure';

export interface Caption {
  kind: CaptionKind;
  number: number;
  /** The label is followed by a colon (专栏1：, 表1:). */
  colon: boolean;
  /** Length of the label with its colon and the spaces around it: the caption's text follows. */
  length: number;
}

const KINDS: Record<string, CaptionKind> = { 专栏: 'box', 表: 'table', 图: 'figure' };
// On width-folded text.
const LABEL = /^(专栏|表|图)\s*(\d+)\s*(:?)\s*/u;
const NOTE = /^注\s*:/u;

/** The caption label that `text` starts with, if any. */
export function caption(text: string): Caption | undefined {
  const match = LABEL.exec(foldWidth(text));
  if (!match) return undefined;
  return { kind: KINDS[match[1]], number: Number(match[2]), colon: match[3] !== '', length: match[0].length };
}

/** A table's note line: 注：… */
export function isNoteLine(text: string): boolean {
  return NOTE.test(foldWidth(text));
}
