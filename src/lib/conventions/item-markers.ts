/**
 * The marker that opens a list item: 1. 1． 1、 (1) （1）, a bullet · •, or a dash ——.
 * Matched width-insensitively; a decimal at the start of a line (2.5万) is not a marker.
 */
import { foldWidth } from './widths.ts';

type ItemMarkerKind = 'number' | 'parenthesized' | 'bullet' | 'dash';

export interface ItemMarker {
  kind: ItemMarkerKind;
  /** The marker as printed, without the spaces after it. */
  text: string;
  /** The item's number, for numbered kinds. */
  number?: number;
}

// On width-folded text.
const MARKERS: Array<[ItemMarkerKind, RegExp]> = [
  ['number', /^(\d+)[.、](?!\d)/u],
  ['parenthesized', /^\((\d+)\)/u],
  ['bullet', /^[·•]/u],
  ['dash', /^——/u],
];

/** The item marker that `text` starts with, if any. */
export function itemMarker(text: string): ItemMarker | undefined {
  const folded = foldWidth(text);
  for (const [kind, pattern] of MARKERS) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const marker: ItemMarker = { kind, text: text.slice(0, match[0].length) };
    if (match[1] !== undefined) marker.number = Number(match[1]);
    return marker;
  }
  return undefined;
}
