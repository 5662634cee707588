/**
 * The exact search without its I/O: which sections may hold the query (from the index's posting
 * lists), whether a section really holds it, where, in which order results come, how many there
 * are, and what the excerpt shows. No fetch, no DOM: engine.ts gives it an IndexReader over the
 * built files, tests give it one over data in memory.
 *
 * Cost follows what is shown. A term of one or two characters is one token: its posting list says
 * exactly which sections hold it, how often, and whether their heading does, so the count is exact
 * and the order known before any text is read. A longer term is the intersection of some of its
 * character pairs' lists, rarest first, stopping once the candidates are few or the next list would
 * cost more than checking them: a superset of the sections that hold it, each with an upper bound
 * of its rank. Results are then checked on their text in the order of those bounds, a page at a
 * time (`next`), and a result is shown only once no unchecked candidate could rank above it.
 */
import { highlightHref } from './highlight-param.ts';
import {
  ALL_POSITIONS,
  pageOf,
  POSITION_BITS,
  LONGEST_TOKEN,
  tokenOf,
  type Posting,
  type TokenEntry,
} from './index-format.ts';
import type { SectionText } from './section-text.ts';
import { findAll, normalize, normalizeWithMap } from './text.ts';

/** A span of text, as offsets [start, end). */
interface Hit {
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
  headingHit: boolean; // the section's heading (a page head's: the title) holds a term
  order: number; // the section's number, in reading order (tie-break)
  block: BlockHits; // the paragraph of the first hit, with every hit inside it
  /** When that paragraph is the section's heading: the body's first paragraphs with hits (or its first, when it has none). */
  body: BlockHits[];
  highlight: string[]; // the strings actually found (a traditional query's simplified form, etc.)
}

// ── Ranking ─────────────────────────────────────────────────────────────────────────────────────

/** What a result ranks by: heading hits first, then more hits, then reading order. */
export interface RankKey {
  headingHit: boolean;
  count: number;
  order: number;
}
/** Negative when a ranks before b. */
export const byRank = (a: RankKey, b: RankKey) =>
  Number(b.headingHit) - Number(a.headingHit) || b.count - a.count || a.order - b.order;

/** Results in the order shown. */
export function rank<T extends RankKey>(results: T[]): T[] {
  return results.toSorted(byRank);
}

// ── Verification ────────────────────────────────────────────────────────────────────────────────

interface Prepared {
  blocks: { id: string; text: string; norm: string; map: number[]; start: number }[];
  own: string; // the section's normalized text
  full: string; // own + the start of the next sections
  heading: string; // normalized heading; a page head's: its title
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
    p = { blocks, own, full: own + section.tail, heading: normalize(section.heading || section.title) };
    prepared.set(section, p);
  }
  return p;
}

/** Body excerpts shown under a result whose first hit is in its heading. */
const BODY_EXCERPTS = 2;

/**
 * The section as a result if it holds every term (any variant of it), starting in its own text;
 * else undefined. Hits are counted in the section, the result links to the block of the first
 * hit, and that block's hits are mapped back to offsets in its printed text.
 */
export function verify(section: SectionText, terms: readonly string[][]): SearchResult | undefined {
  const { blocks, own, full, heading } = prepare(section);
  const hits: Hit[] = [];
  const highlight: string[] = [];
  let headingHit = false;
  for (const variants of terms) {
    let found = false;
    for (const v of variants) {
      const at = findAll(full, v).filter((p) => p < own.length);
      if (at.length) {
        found = true;
        highlight.push(v);
        if (heading.includes(v)) headingHit = true;
      }
      for (const p of at) hits.push({ start: p, end: p + v.length });
    }
    if (!found) return undefined;
  }
  hits.sort((a, b) => a.start - b.start);
  const first = hits[0];
  const b = blocks.findLast((blk) => blk.start <= first.start)!;
  /** A block with the hits that start in it, in offsets of its printed text. */
  const withHits = (blk: Prepared['blocks'][number]): BlockHits => {
    const inBlock: Hit[] = [];
    for (const h of hits) {
      const s = h.start - blk.start;
      const e = Math.min(h.end - blk.start, blk.norm.length);
      if (s >= 0 && s < blk.norm.length) inBlock.push({ start: blk.map[s], end: blk.map[e - 1] + 1 });
    }
    return { id: blk.id, text: blk.text, hits: inBlock };
  };
  // A match in the heading alone shows nothing the heading does not: the body's first blocks with
  // hits show how the section uses the words (or its opening, when only the heading holds them).
  const body: BlockHits[] = [];
  if (section.heading && b === blocks[0]) {
    const rest = blocks.slice(1).map(withHits);
    body.push(...rest.filter((blk) => blk.hits.length).slice(0, BODY_EXCERPTS));
    if (!body.length && rest.length) body.push(rest[0]);
  }
  return {
    url: highlightHref(section.url, highlight, b.id),
    page: section.page,
    title: section.title,
    heading: section.heading,
    crumbs: section.crumbs,
    count: hits.length,
    headingHit,
    order: section.order,
    block: withHits(b),
    body,
    highlight,
  };
}

// ── Candidates from the index ───────────────────────────────────────────────────────────────────

/** What the search reads: token entries, their postings and section texts (engine.ts: the built files). */
export interface IndexReader {
  /** The bucket entry of each token (undefined: no section holds it). */
  entries(tokens: readonly number[]): Promise<Map<number, TokenEntry | undefined>>;
  postings(token: number, entry: TokenEntry): Promise<Posting[]>;
  /** A section's text; rejects (engine.ts: with a LoadError) when it cannot be read. */
  text(section: number): Promise<SectionText>;
  /** Whether a section's text is already loaded (checking it then costs nothing); never, if absent. */
  loaded?(section: number): boolean;
}

/** How much a candidate may be worth: exact when the index decides it, else an upper bound. */
interface Candidate extends RankKey {
  exact: boolean;
}

/** Position bits (index-format.ts) turned back by k places: bit r says an occurrence starts at ≡ r + k (mod 8). */
const shifted = (positions: number, k: number) => {
  const r = k % POSITION_BITS;
  return ((positions >>> r) | (positions << (POSITION_BITS - r))) & ALL_POSITIONS;
};

/**
 * The tokens a term variant is looked up by, each with where it starts in the term: the term itself
 * when it is a token (up to three characters: `exact`), else its runs of three characters (of two
 * when one character lies outside the BMP), overlapping.
 */
function tokensOf(variant: string): { tokens: { token: number; at: number }[]; exact: boolean } {
  const cps = Array.from(variant, (c) => c.codePointAt(0)!);
  const whole = cps.length <= LONGEST_TOKEN ? tokenOf(cps, 0, cps.length) : undefined;
  if (whole !== undefined) return { tokens: [{ token: whole, at: 0 }], exact: true };
  const length = cps.every((_, at) => at + 3 > cps.length || tokenOf(cps, at, 3) !== undefined) ? 3 : 2;
  const tokens = Array.from({ length: cps.length - length + 1 }, (_, at) => ({
    token: tokenOf(cps, at, length)!,
    at,
  }));
  return { tokens, exact: false };
}

/** Tokens of a long term described (their buckets read) per round. */
export const TOKENS_PER_ROUND = 8;
/** Rounds at most: a term of 200 characters is not looked up by all its 199 pairs. */
const MAX_ROUNDS = 3;
/** Candidates few enough to check on their text without narrowing further. */
const FEW_CANDIDATES = 20;
/** What checking one candidate on its text roughly costs, in posting-list entries (a shard share vs ~2 bytes an entry). */
const CHECK_COST = 1_000;

/**
 * The pairs of a long term in the order they are looked up: the first and the last, then ever
 * finer halves between (0, n, n/2, n/4, 3n/4 …), so that each round covers the whole term.
 */
export function lookupOrder<T>(pairs: readonly T[]): T[] {
  const n = pairs.length;
  const picked = new Set<number>([0, n - 1]);
  for (let parts = 2; picked.size < n; parts *= 2)
    for (let k = 1; k < parts; k += 2) picked.add(Math.round(((n - 1) * k) / parts));
  return [...picked].map((i) => pairs[i]);
}

/**
 * The sections that may hold one variant of a term, with their rank bound. An exact variant (one
 * or two characters) gives the sections holding it. A longer one: its pairs are described a round
 * at a time, and their lists intersected rarest first, until the candidates are few, a list would
 * cost more than checking them all (CHECK_COST), or the rounds are over.
 */
async function variantCandidates(
  variant: string,
  reader: IndexReader,
  keep: (section: number) => boolean,
): Promise<Map<number, Candidate>> {
  const { tokens, exact } = tokensOf(variant);
  const out = new Map<number, Candidate>();
  if (exact) {
    const { token } = tokens[0];
    const entry = (await reader.entries([token])).get(token);
    if (!entry) return out;
    for (const p of await reader.postings(token, entry))
      if (p.own > 0 && keep(p.section))
        out.set(p.section, { headingHit: p.heading, count: p.own, order: p.section, exact: true });
    return out;
  }
  // Where each token starts in the term (a token may occur twice): its occurrences in a section
  // that holds the term start there, relative to the match, so their position bits must line up.
  const offsets = new Map<number, number[]>();
  for (const { token, at } of tokens) offsets.set(token, [...(offsets.get(token) ?? []), at]);
  const aligned = (token: number, p: Posting) =>
    offsets.get(token)!.reduce((bits, k) => bits & shifted(p.positions, k), ALL_POSITIONS);
  const first = tokens[0].token;
  /** Per candidate, the match starts (mod 8) that every list read so far allows. */
  const starts = new Map<number, number>();
  const order = lookupOrder([...offsets.keys()]);
  let started = false;
  for (let round = 0; round < MAX_ROUNDS && round * TOKENS_PER_ROUND < order.length; round++) {
    const looked = order.slice(round * TOKENS_PER_ROUND, (round + 1) * TOKENS_PER_ROUND);
    const entries = await reader.entries(looked);
    if (looked.some((t) => !entries.get(t))) return new Map(); // a token no section holds: no candidate
    const rarest = looked.toSorted((a, b) => entries.get(a)!.sections - entries.get(b)!.sections);
    for (const token of rarest) {
      const entry = entries.get(token)!;
      if (started && (out.size <= FEW_CANDIDATES || entry.sections > out.size * CHECK_COST)) return out;
      const postings = await reader.postings(token, entry);
      // A match starting in the section's own text has each of its tokens starting in own +
      // following text, its first one in own text: so each list bounds the hits, and the heading
      // holds the match only if it holds every token.
      const bound = (p: Posting) => (token === first ? p.own : p.own + p.tail);
      if (!started) {
        started = true;
        for (const p of postings)
          if (bound(p) > 0 && aligned(token, p) && keep(p.section)) {
            out.set(p.section, { headingHit: p.heading, count: bound(p), order: p.section, exact: false });
            starts.set(p.section, aligned(token, p));
          }
      } else {
        const seen = new Set<number>();
        for (const p of postings) {
          const c = out.get(p.section);
          if (!c) continue;
          seen.add(p.section);
          c.count = Math.min(c.count, bound(p));
          c.headingHit &&= p.heading;
          const s = starts.get(p.section)! & aligned(token, p);
          starts.set(p.section, s);
          if (c.count === 0 || !s) out.delete(p.section);
        }
        for (const section of out.keys()) if (!seen.has(section)) out.delete(section);
      }
      if (!out.size) return out;
    }
    if (out.size <= FEW_CANDIDATES) return out;
  }
  return out;
}

/**
 * Every term's candidates (any variant), intersected: a section must hold every term. Hits add
 * up over variants and terms; a heading hit of any term counts; exact only if every part is.
 */
async function candidates(
  terms: readonly string[][],
  reader: IndexReader,
  keep: (section: number) => boolean,
): Promise<Candidate[]> {
  let all: Map<number, Candidate> | undefined;
  for (const variants of terms) {
    const forTerm = new Map<number, Candidate>();
    for (const variant of variants) {
      for (const [section, c] of await variantCandidates(
        variant,
        reader,
        (s) => keep(s) && (!all || all.has(s)),
      )) {
        const had = forTerm.get(section);
        forTerm.set(
          section,
          had
            ? {
                ...had,
                count: had.count + c.count,
                headingHit: had.headingHit || c.headingHit,
                exact: had.exact && c.exact,
              }
            : c,
        );
      }
    }
    if (all) {
      const before = all;
      all = new Map();
      for (const [section, c] of forTerm) {
        const had = before.get(section)!;
        all.set(section, {
          headingHit: had.headingHit || c.headingHit,
          count: had.count + c.count,
          order: section,
          exact: had.exact && c.exact,
        });
      }
    } else all = forTerm;
    if (!all.size) break;
  }
  return [...(all?.values() ?? [])].sort(byRank);
}

// ── Results, a page at a time ───────────────────────────────────────────────────────────────────

/** How many results there are, as far as known. */
export interface ResultCount {
  /** Sections holding the query: exact, or at least this many. */
  sections: number;
  /** Whether `sections`, `pages` and `hits` are exact (else lower bounds). */
  exact: boolean;
  /** Sections not yet checked that may hold it (0 when exact). */
  unchecked: number;
  pages: number;
  hits: number;
}

/** One page's share of the results: exact when the count is, else at least, with `unchecked` sections still to check. */
export interface PageCount {
  sections: number;
  hits: number;
  unchecked: number;
}

/** A candidate whose text could not be read: the results may lack it. */
interface Unreadable {
  section: number;
  error: unknown;
}

export interface ResultPages {
  count(): ResultCount;
  /** The count per page (index-format.ts pageOf), as exact as `count()`: the distribution a facet sums. */
  byPage(): Map<number, PageCount>;
  /** The next results in order (fewer than asked only at the end, or when a page's checks are spent). */
  next(n: number): Promise<SearchResult[]>;
  readonly done: boolean;
  /**
   * Checks candidates without showing them, so that the counts become exact: every one whose text
   * is already loaded (free), then up to `n` others, in rank order. Their results still come in order.
   */
  settle(n: number): Promise<void>;
  /** Candidates whose text failed to load so far. */
  readonly unreadable: readonly Unreadable[];
}

/**
 * The order results come in. By default, best first (`byRank`). Grouped by document
 * (`{ perDocument: k }`): the documents in the rank of their best section, each with its best k
 * sections in rank order — a reader scans documents, and a document's other sections are one
 * filter away (its page index: `keep`).
 */
export interface ResultOrder {
  perDocument?: number;
}

/** Candidates checked for one page of results at most: per result asked, and at least. */
const MAX_CHECKS_PER_RESULT = 4;
const MIN_CHECKS = 64;

/** Results of one group (a document, or a single section in rank order): checked and unchecked, best first. */
interface Group {
  unchecked: Candidate[];
  verified: SearchResult[];
  shown: number;
}
/** The best a group may still show: its best checked result, or the bound of its best unchecked candidate. */
function potential(g: Group): RankKey | undefined {
  const [v, u] = [g.verified[0], g.unchecked[0]];
  return v && (!u || byRank(v, u) <= 0) ? v : u;
}
/** Whether the group's best result is known: checked, and no unchecked candidate could rank above it. */
const resolved = (g: Group) =>
  g.verified.length > 0 && (!g.unchecked.length || byRank(g.verified[0], g.unchecked[0]) <= 0);
/** Groups by potential, best first; a group with nothing left last. */
function byPotential(a: Group, b: Group): number {
  const [pa, pb] = [potential(a), potential(b)];
  return !pa ? (pb ? 1 : 0) : !pb ? -1 : byRank(pa, pb);
}

/** The results of a query (terms with their variants), read page by page. `keep` applies the filters. */
export async function searchIndex(
  terms: readonly string[][],
  reader: IndexReader,
  keep: (section: number) => boolean = () => true,
  order: ResultOrder = {},
): Promise<ResultPages> {
  const pending = terms.length ? await candidates(terms, reader, keep) : [];
  const allExact = pending.every((c) => c.exact);
  const exactCount: ResultCount | undefined = allExact
    ? {
        sections: pending.length,
        exact: true,
        unchecked: 0,
        pages: new Set(pending.map((c) => pageOf(c.order))).size,
        hits: pending.reduce((n, c) => n + c.count, 0),
      }
    : undefined;
  const perGroup = order.perDocument ?? 1;
  const groupOf = order.perDocument ? (section: number) => pageOf(section) : (section: number) => section;
  const groups = new Map<number, Group>();
  for (const c of pending) {
    const key = groupOf(c.order);
    const g = groups.get(key) ?? { unchecked: [], verified: [], shown: 0 };
    g.unchecked.push(c);
    groups.set(key, g);
  }
  /** Groups not started, best potential first (pending is in rank order, so are they). */
  const queue = [...groups.values()];
  let current: Group | undefined;
  const found: SearchResult[] = [];
  const unreadable: Unreadable[] = [];
  let unchecked = pending.length;
  let checks = 0;
  /** Texts asked for ahead of their check, so that a page's texts load together. */
  const loading = new Map<number, Promise<SectionText>>();
  const load = (section: number) => {
    let p = loading.get(section);
    if (!p) {
      p = reader.text(section);
      p.catch(() => {}); // reported by the check that awaits it
      loading.set(section, p);
    }
    return p;
  };

  /** Checks a group's best unchecked candidate on its text. */
  async function checkOne(g: Group): Promise<void> {
    const c = g.unchecked.shift()!;
    unchecked--;
    checks++;
    let text: SectionText;
    try {
      text = await load(c.order);
    } catch (error) {
      unreadable.push({ section: c.order, error });
      return;
    } finally {
      loading.delete(c.order);
    }
    const r = verify(text, terms);
    if (!r) return;
    found.push(r);
    const at = g.verified.findIndex((v) => byRank(r, v) < 0);
    g.verified.splice(at < 0 ? g.verified.length : at, 0, r);
  }

  /** Loads the texts the next n results need if every bound holds: what a page of exact candidates shows. */
  function prefetch(n: number): void {
    let wanted = n;
    const take = (g: Group, room: number) => {
      for (const c of g.unchecked.slice(0, Math.min(room, wanted))) {
        void load(c.order);
        wanted--;
      }
    };
    if (current) take(current, perGroup - current.shown);
    for (const g of queue) {
      if (wanted <= 0) break;
      take(g, perGroup);
    }
  }

  /** Moves a group whose potential dropped to its place in the queue. */
  function requeue(): void {
    const g = queue.shift()!;
    const at = queue.findIndex((other) => byPotential(g, other) < 0);
    queue.splice(at < 0 ? queue.length : at, 0, g);
  }

  return {
    count() {
      // Exact from the index; a section whose text failed is still counted (it holds the query).
      if (exactCount) return exactCount;
      return {
        sections: found.length,
        exact: unchecked === 0,
        unchecked,
        pages: new Set(found.map((r) => pageOf(r.order))).size,
        hits: found.reduce((n, r) => n + r.count, 0),
      };
    },
    byPage() {
      const out = new Map<number, PageCount>();
      const add = (section: number, sections: number, hits: number, unsure: number) => {
        const p = out.get(pageOf(section)) ?? { sections: 0, hits: 0, unchecked: 0 };
        p.sections += sections;
        p.hits += hits;
        p.unchecked += unsure;
        out.set(pageOf(section), p);
      };
      if (exactCount) for (const c of pending) add(c.order, 1, c.count, 0);
      else {
        for (const r of found) add(r.order, 1, r.count, 0);
        for (const g of groups.values()) for (const c of g.unchecked) add(c.order, 0, 0, 1);
      }
      return out;
    },
    async next(n: number): Promise<SearchResult[]> {
      const shown: SearchResult[] = [];
      // Candidates that turn out not to hold the query cost their text too: a page checks at most
      // this many, and may then show fewer results than asked (the rest come with the next page).
      const budget = checks + Math.max(MAX_CHECKS_PER_RESULT * n, MIN_CHECKS);
      prefetch(n);
      while (shown.length < n) {
        if (current && current.shown < perGroup) {
          if (resolved(current)) {
            shown.push(current.verified.shift()!);
            current.shown++;
          } else if (current.unchecked.length && checks < budget) await checkOne(current);
          else if (current.unchecked.length) break;
          else current = undefined; // nothing left in it
          continue;
        }
        current = undefined;
        const top = queue[0];
        if (!top || !potential(top)) break;
        if (resolved(top)) current = queue.shift();
        else if (checks < budget) {
          await checkOne(top);
          requeue();
        } else break;
      }
      return shown;
    },
    get done() {
      const more = (g: Group | undefined) => !!g && g.shown < perGroup && !!potential(g);
      return !more(current) && !queue.some(more);
    },
    async settle(n: number) {
      const free = (c: Candidate) => reader.loaded?.(c.order) ?? false;
      const rest = [...groups.values()].flatMap((g) => g.unchecked.map((c) => ({ g, c })));
      const chosen = [...rest.filter(({ c }) => free(c)), ...rest.filter(({ c }) => !free(c)).slice(0, n)];
      for (const { c } of chosen) void load(c.order);
      for (const { g, c } of chosen) {
        // Check this candidate: move it to the head of its group's unchecked list.
        g.unchecked.splice(g.unchecked.indexOf(c), 1);
        g.unchecked.unshift(c);
        await checkOne(g);
      }
      queue.sort(byPotential);
    },
    unreadable,
  };
}

// ── Excerpts ────────────────────────────────────────────────────────────────────────────────────

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
