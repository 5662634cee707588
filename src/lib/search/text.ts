/**
 * Text rules shared by the index build (Node) and the search page (browser), so both sides
 * cut text the same way.
 *
 * Matching is Ctrl+F-like: whitespace is ignored, full-width and half-width forms are one
 * (，/, （/( ％/% ０/0 Ａ/A “/", conventions/widths.ts) and Latin letters are folded to lower case;
 * everything else (Chinese characters, CJK-only punctuation such as 。、《》) must match exactly.
 * The index build and the search page both fold with normalize(), so index and query agree.
 *
 * The Pagefind index does not hold words: every run of letters/digits is indexed as its overlapping
 * character bigrams, followed by the run's last character alone ("专精特新" → 专精 精特 特新 新),
 * each distinct token once per record, each written as ASCII symbols (see chars()).
 * A query run of two or more characters becomes a search for some of its bigrams (Pagefind ANDs
 * the words; adjacency is left to the exact check); a one-character run relies on Pagefind's
 * prefix matching
 * (every occurrence of a character starts a bigram or is a run's last character).
 * Pagefind only narrows the candidates; the page verifies each one by exact substring.
 */
import { foldWidthChar } from '../conventions/widths.ts';
import { MAX_QUERY_LENGTH } from './query-length.ts';

const RUN = /[\p{L}\p{N}]+/gu;
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

/** Whitespace removed, widths folded, Latin folded to lower case. */
export function normalize(s: string): string {
  let norm = '';
  for (const ch of s) norm += foldChar(ch);
  return norm;
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
 * Characters as index symbols: the code point in base 36, fixed width 4 (36⁴ > U+10FFFF).
 * Pagefind splits Chinese queries into single characters whatever the index language, so the
 * tokens it sees are ASCII: "专精" → "0hfn0kdq" is one opaque word, and a single character's
 * code is a prefix of exactly the bigrams that start with it.
 */
const chars = (s: string): string[] => Array.from(s, (c) => c.codePointAt(0)!.toString(36).padStart(4, '0'));

/**
 * The indexed tokens of normalized text: each distinct bigram / run-final character once, in order
 * of first occurrence. Positions are not needed (the exact check is done on the text), so repeats
 * would only grow the index.
 */
export function indexTokens(norm: string): string {
  const out = new Set<string>();
  for (const m of norm.matchAll(RUN)) {
    const c = chars(m[0]);
    for (let i = 0; i + 1 < c.length; i++) out.add(c[i] + c[i + 1]);
    out.add(c[c.length - 1]);
  }
  return [...out].join(' ');
}

/**
 * The Pagefind queries for one normalized search term: one per run of letters/digits.
 * A record contains the term only if every one of these queries returns it.
 * A term without any letter/digit (pure punctuation) yields no query: callers then scan all records.
 */
export function pagefindQueries(normTerm: string): string[] {
  const out: string[] = [];
  for (const m of normTerm.matchAll(RUN)) {
    const c = chars(m[0]);
    if (c.length === 1) out.push(c[0]);
    else {
      // Any subset of the run's bigrams still returns every record holding the run; each bigram can
      // cost an index chunk (~32 KB), each extra candidate only its text (~1.5 KB): take the first,
      // the last, and for long runs one from the middle.
      const last = c.length - 2;
      const picks = new Set([0, last, ...(c.length >= 6 ? [Math.floor(last / 2)] : [])]);
      out.push([...picks].map((i) => c[i] + c[i + 1]).join(' '));
    }
  }
  return out;
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

/** Where the build writes each section's text (dist/<TEXT_DIR>/<pagefind hash><TEXT_EXT>, gzip JSON). */
export const TEXT_DIR = 'pagefind-text';
export const TEXT_EXT = '.pft';
