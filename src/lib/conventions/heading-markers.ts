/**
 * The numbering that opens a heading of a Chinese official document: 第X章 > 第X节 in plans, and
 * 一、 > （一） (GB/T 9704's first two levels; its 1. and （1） number list items, see item-markers.ts);
 * 第X条 opens an article of a plan or a regulation (a title, or the article's text itself).
 * Matched width-insensitively: (二) is （二）, 第１章 is 第1章.
 */
import { CHINESE_NUMERAL, countedNumeral, numeralValue } from './numerals.ts';
import { foldWidth } from './widths.ts';

/** The longest a numbered heading runs (its marker included); a longer line is text that starts with a number. */
export const MAX_HEADING_LENGTH = 40;

type HeadingMarkerKind = 'chapter' | 'section' | 'article' | 'numbered' | 'subNumbered';

export interface HeadingMarker {
  kind: HeadingMarkerKind;
  /** The marker as printed: 第十二章, 一、, (二). */
  text: string;
  /** Its number (12 for 第十二章), undefined when the numeral is not well formed. */
  number: number | undefined;
}

const NUMBER = `(${CHINESE_NUMERAL}|\\d+)`;
// On width-folded text. 節 is 节 as printed before the traditional characters are converted.
const MARKERS: Array<[HeadingMarkerKind, RegExp]> = [
  ['chapter', new RegExp(`^第${NUMBER}章`, 'u')],
  ['section', new RegExp(`^第${NUMBER}[节節]`, 'u')],
  ['article', new RegExp(`^第${NUMBER}[条條]`, 'u')],
  ['numbered', new RegExp(`^(${CHINESE_NUMERAL})、`, 'u')],
  ['subNumbered', new RegExp(`^\\((${CHINESE_NUMERAL})\\)`, 'u')],
];

/** The heading marker that `text` starts with, if any. */
export function headingMarker(text: string): HeadingMarker | undefined {
  const folded = foldWidth(text);
  for (const [kind, pattern] of MARKERS) {
    const match = pattern.exec(folded);
    if (match) return { kind, text: text.slice(0, match[0].length), number: numeralValue(match[1]) };
  }
  return undefined;
}

// A place a new unit can start inside a run of text: after a sentence end (width-folded) or a space.
const BOUNDARY = /(?<=[。!?;]|\s)(?=\S)/gu;

/**
 * Offsets inside `text` (never 0) where a heading marker starts right after a sentence end or a
 * space: a heading run into the text before it, as in a page extracted as one line
 * (`…持续回升向好。 (二)强化科技创新`).
 */
export function headingMarkersInside(text: string): number[] {
  const folded = foldWidth(text);
  return [...folded.matchAll(BOUNDARY)]
    .map((m) => m.index)
    .filter((at) => at > 0 && headingMarker(text.slice(at)) !== undefined);
}

/** The same marker with another number, written the way it is printed (三、 for 二、; 第4节 for 第3节). */
export function renumbered(marker: HeadingMarker, value: number): string {
  return marker.text.replace(new RegExp(`${CHINESE_NUMERAL}|\\d+`, 'u'), (numeral) =>
    /\d/.test(numeral) ? String(value) : countedNumeral(value),
  );
}
