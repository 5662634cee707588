/**
 * The exact search without its I/O: which records may hold the query (given a token lookup),
 * whether a section really holds it, where, how results rank and what the excerpt shows.
 * No Pagefind, no fetch, no DOM: engine.ts feeds it from the index files, and it runs as is in Node.
 */
import { highlightHref } from './highlight-param.ts';
import type { SectionText } from './section-text.ts';
import { findAll, normalize, normalizeWithMap, pagefindQueries } from './text.ts';

/** A span of text, as offsets [start, end). */
export interface Hit {
  start: number;
  end: number;
}
/** One block (paragraph, list item …) with every hit inside it, in offsets of its printed text. */
export interface BlockHits {
  id: string;
  text: string;
  hits: Hit[];
}
export interface SearchResult {
  url: string; // page URL + ?highlight= + #id of the paragraph holding the first hit
  page: string;
  title: string;
  heading: string;
  crumbs: string;
  count: number; // number of exact hits in the section
  score: number;
  order: number; // reading order of the section in the site (tie-break)
  block: BlockHits; // the paragraph of the first hit, with every hit inside it
  highlight: string[]; // the strings actually found (a traditional query's simplified form, etc.)
}

/**
 * The ids of the index records that Pagefind returns for one query (space-separated tokens, all
 * required, each matched as a prefix); `null` asks for every record. Filters are the lookup's own.
 */
export type TokenLookup = (query: string | null) => Promise<Iterable<string>>;

/**
 * The records that may hold every term (each term: any of its variants). A superset of the true
 * matches: a record that holds a variant holds every token pagefindQueries() asks for.
 */
export async function candidateIds(terms: readonly string[][], lookup: TokenLookup): Promise<string[]> {
  let candidates: Set<string> | undefined;
  for (const variants of terms) {
    const forTerm = new Set<string>();
    for (const variant of variants) {
      const queries = pagefindQueries(variant);
      // A variant of punctuation only has no token to look up: every record is a candidate.
      const found = await Promise.all((queries.length ? queries : [null]).map(lookup));
      for (const id of found.map((ids) => new Set(ids)).reduce((a, b) => a.intersection(b))) forTerm.add(id);
    }
    candidates = candidates ? candidates.intersection(forTerm) : forTerm;
    if (!candidates.size) break;
  }
  return [...(candidates ?? [])];
}

interface Prepared {
  blocks: { id: string; text: string; norm: string; map: number[]; start: number }[];
  own: string; // the section's normalized text
  full: string; // own + the start of the next section
  heading: string;
  title: string;
}
const prepared = new WeakMap<SectionText, Prepared>();
/** A section's normalized text, computed once per section object (near misses verify it again). */
function prepare(section: SectionText): Prepared {
  let p = prepared.get(section);
  if (!p) {
    let own = '';
    const blocks = section.blocks.map(([id, text]) => {
      const b = { id, text, ...normalizeWithMap(text), start: own.length };
      own += b.norm;
      return b;
    });
    p = {
      blocks,
      own,
      full: own + section.tail,
      heading: normalize(section.heading),
      title: normalize(section.title),
    };
    prepared.set(section, p);
  }
  return p;
}

/**
 * The section as a result if it holds every term (any variant of it), starting in its own text;
 * else undefined. Hits are counted in the section, the result links to the block of the first
 * hit, and that block's hits are mapped back to offsets in its printed text.
 */
export function verify(section: SectionText, terms: readonly string[][]): SearchResult | undefined {
  const { blocks, own, full, heading, title } = prepare(section);
  const hits: Hit[] = [];
  const highlight: string[] = [];
  let headingHit = false;
  let titleHit = false;
  for (const variants of terms) {
    let found = false;
    for (const v of variants) {
      const at = findAll(full, v).filter((p) => p < own.length);
      if (at.length) {
        found = true;
        highlight.push(v);
      }
      for (const p of at) hits.push({ start: p, end: p + v.length });
      if (heading.includes(v)) headingHit = true;
      if (title.includes(v)) titleHit = true;
    }
    if (!found) return undefined;
  }
  hits.sort((a, b) => a.start - b.start);
  const first = hits[0];
  const b = blocks.findLast((blk) => blk.start <= first.start)!;
  const inBlock: Hit[] = [];
  for (const h of hits) {
    const s = h.start - b.start;
    const e = Math.min(h.end - b.start, b.norm.length);
    if (s >= 0 && s < b.norm.length) inBlock.push({ start: b.map[s], end: b.map[e - 1] + 1 });
  }
  const isHead = !section.heading;
  const count = hits.length;
  // Title and heading hits first, then the number of hits.
  const score = (headingHit || (isHead && titleHit) ? 2e6 : 0) + (titleHit ? 1e6 : 0) + count;
  return {
    url: highlightHref(section.url, highlight, b.id),
    page: section.page,
    title: section.title,
    heading: section.heading,
    crumbs: section.crumbs,
    count,
    score,
    order: section.order,
    block: { id: b.id, text: b.text, hits: inBlock },
    highlight,
  };
}

/** Results in the order shown: higher score first, then reading order. */
export function rank(results: SearchResult[]): SearchResult[] {
  return results.toSorted((a, b) => b.score - a.score || a.order - b.order);
}

/** A piece of an excerpt: text, marked when it is a hit. */
export interface ExcerptPart {
  text: string;
  mark?: true;
}

/**
 * The excerpt of a result: its block around the first hit (`before` units before it, at least
 * `after` after it), every hit inside marked, an ellipsis where the block goes on.
 */
export function excerptParts(block: BlockHits, before = 40, after = 90): ExcerptPart[] {
  const { text, hits } = block;
  const first = hits[0] ?? { start: 0, end: 0 };
  const from = Math.max(0, first.start - before);
  const to = Math.min(text.length, Math.max(first.end + after, from + before + after));
  const parts: ExcerptPart[] = [];
  if (from > 0) parts.push({ text: '…' });
  let at = from;
  for (const h of hits) {
    if (h.end <= at || h.start >= to) continue;
    const s = Math.max(h.start, at);
    const e = Math.min(h.end, to);
    if (s > at) parts.push({ text: text.slice(at, s) });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) parts.push({ text: text.slice(at, to) });
  if (to < text.length) parts.push({ text: '…' });
  return parts;
}
