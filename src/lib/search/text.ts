/**
 * Text rules shared by the index build (Node) and the search page (browser), so both sides
 * cut text the same way.
 *
 * Matching is Ctrl+F-like: whitespace is ignored, full-width and half-width forms are one
 * (，/, （/( ％/% ０/0 Ａ/A “/", conventions/widths.ts) and Latin letters are folded to lower case;
 * everything else (Chinese characters, CJK-only punctuation such as 。、《》) must match exactly.
 * The index build and the search page both fold with normalize(), so index and query agree; the
 * index's tokens are runs of up to three characters of this folded text (index-format.ts).
 */
import { foldWidthChar } from '../conventions/widths.ts';
import { MAX_QUERY_LENGTH } from './query-length.ts';

const SPACE = /^\s$/u;

/**
 * One character as search compares it: width folded, then '' for whitespace, else lower case.
 * Character by character (not toLowerCase on the whole string, which treats a final Σ apart), so
 * that normalize() and normalizeWithMap() cannot disagree.
 */
function foldChar(ch: string): string {
  const narrow = foldWidthChar(ch);
  return SPACE.test(narrow) ? '' : narrow.toLowerCase();
}

/**
 * The characters foldChar() may change: whitespace, whatever lower-casing changes, and the width
 * forms (conventions/widths.ts). Everything else (nearly all of a Chinese text) is kept as it is
 * without a look, which made the index build several times faster.
 */
const FOLDED = /[\s\p{Changes_When_Lowercased}\uff01-\uff5e\u3000“”‘’\uffe0-\uffe6]/gu;

/** Whitespace removed, widths folded, Latin folded to lower case. */
export function normalize(s: string): string {
  return s.replace(FOLDED, foldChar);
}

/** normalize() plus, for each unit of the result, its offset in the original string. */
export function normalizeWithMap(s: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of s) {
    const folded = foldChar(ch);
    // Folding keeps length for everything we index except a few exotic letters; map each unit.
    for (let k = 0; k < folded.length; k++) map.push(i);
    norm += folded;
    i += ch.length;
  }
  return { norm, map };
}

/**
 * How much following text a section's record carries (normalized units): enough that any query
 * the forms accept, starting in the section, ends inside it, whatever sections it runs across.
 */
export const TAIL_LENGTH = MAX_QUERY_LENGTH - 1;

/** The text that follows section i of a page (normalized texts, in order), up to TAIL_LENGTH units. */
export function followingText(norms: readonly string[], i: number): string {
  let tail = '';
  for (let k = i + 1; k < norms.length && tail.length < TAIL_LENGTH; k++) tail += norms[k];
  return tail.slice(0, TAIL_LENGTH);
}

/** All start offsets of needle in hay (overlapping). */
export function findAll(hay: string, needle: string): number[] {
  const hits: number[] = [];
  if (!needle) return hits;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) hits.push(i);
  return hits;
}

/** Space-separated terms of a raw query, normalized, empty ones dropped, duplicates removed. */
export function queryTerms(q: string): string[] {
  return [
    ...new Set(
      q
        .split(/[\s\u3000]+/u)
        .map(normalize)
        .filter(Boolean),
    ),
  ];
}
