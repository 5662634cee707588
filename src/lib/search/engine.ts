/**
 * Exact-substring search over the Pagefind index written by scripts/build-search-index.ts.
 * Loaded only by the search page (dynamic import), never by the header box.
 *
 *  1. The query is split on spaces into terms (all must occur in the same section). A term in
 *     traditional characters also counts in its simplified forms (simplify.ts, loaded on demand).
 *  2. Pagefind narrows the candidates: each run of letters/digits of a term is searched as some of
 *     its character bigrams (see text.ts), with the district/kind filters applied.
 *  3. Every candidate's text (dist/pagefind-text/, shard found by Pagefind result id) is checked for the exact substring; only real matches
 *     are kept, counted, ranked and linked to the paragraph holding the first hit.
 */
import {
  findAll,
  normalize,
  normalizeWithMap,
  pagefindQueries,
  queryTerms,
  TEXT_DIR,
  TEXT_EXT,
} from './text.ts';
import { loadConverters, mayBeTraditional, simplifiedForms } from './simplify.ts';

export interface SearchFilters {
  district?: string;
  kind?: string;
}

export interface Hit {
  start: number;
  end: number;
}
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
export interface SearchOutcome {
  results: SearchResult[];
  candidates: number;
  terms: string[][];
  timings: Record<string, number>;
}

/** A section's text as written by the build (dist/pagefind-text/<shard>.pft). */
interface SectionText {
  url: string;
  title: string;
  heading: string;
  crumbs: string;
  page: string;
  order: number;
  blocks: [string, string][];
  tail: string;
}
interface PagefindResult {
  id: string;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    q: string | null,
    o?: { filters?: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] } | null>;
}

let pagefindPromise: Promise<Pagefind> | undefined;
/** Loads /pagefind/pagefind.js once. */
export function loadPagefind(base = '/pagefind/'): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
    await pf.options({ basePath: base, noWorker: true });
    await pf.init();
    return pf;
  })();
  pagefindPromise.catch(() => {
    pagefindPromise = undefined;
  });
  return pagefindPromise;
}

/** Each term with its variants: itself and, if it may be traditional, its simplified forms. */
export async function termVariants(q: string): Promise<string[][]> {
  const terms = queryTerms(q);
  const converters = terms.some(mayBeTraditional) ? await loadConverters() : [];
  return terms.map((t) => [...new Set([t, ...simplifiedForms(t, converters).map(normalize)])]);
}

async function candidatesFor(
  pf: Pagefind,
  variants: string[],
  filters: Record<string, string>,
): Promise<Map<string, PagefindResult>> {
  const union = new Map<string, PagefindResult>();
  for (const v of variants) {
    const queries = pagefindQueries(v);
    // A term of punctuation only: no letters to look up, every record is a candidate.
    const searches = await Promise.all(
      (queries.length ? queries : [null]).map((qs) => pf.search(qs, { filters })),
    );
    let ids: Map<string, PagefindResult> | undefined;
    for (const s of searches) {
      const here = new Map((s?.results ?? []).map((r) => [r.id, r]));
      ids = ids ? new Map([...ids].filter(([id]) => here.has(id))) : here;
    }
    for (const [id, r] of ids ?? []) union.set(id, r);
  }
  return union;
}

let shardMap: Promise<Record<string, number>> | undefined;
const shards = new Map<number, Promise<Map<string, SectionText>>>();

async function fetchGzipJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const buf = new Uint8Array(await res.arrayBuffer());
  // A host may already have undone the gzip (Content-Encoding); only unpack real gzip data.
  const plain =
    buf[0] === 0x1f && buf[1] === 0x8b
      ? await new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
      : new TextDecoder().decode(buf);
  return JSON.parse(plain) as T;
}

/** Loads the record → shard map (once). Started together with Pagefind. */
export function loadShardMap(): Promise<Record<string, number>> {
  shardMap ??= fetchGzipJson<Record<string, number>>(`/${TEXT_DIR}/shards.json`);
  shardMap.catch(() => {
    shardMap = undefined;
  });
  return shardMap;
}

/** The text of the section behind a Pagefind result id (its shard is fetched once). */
async function sectionText(id: string): Promise<SectionText> {
  const n = (await loadShardMap())[id];
  if (n === undefined) throw new Error(`search text: no shard for ${id}`);
  let p = shards.get(n);
  if (!p) {
    p = fetchGzipJson<(SectionText & { id: string })[]>(`/${TEXT_DIR}/${n}${TEXT_EXT}`).then(
      (list) => new Map(list.map((r) => [r.id, r])),
    );
    p.catch(() => shards.delete(n));
    shards.set(n, p);
  }
  const rec = (await p).get(id);
  if (!rec) throw new Error(`search text: ${id} missing from shard ${n}`);
  return rec;
}

function verify(m: SectionText, terms: string[][]): SearchResult | undefined {
  const blocks = m.blocks;
  const mapped = blocks.map(([id, text]) => ({ id, text, ...normalizeWithMap(text) }));
  const starts: number[] = [];
  let full = '';
  for (const b of mapped) {
    starts.push(full.length);
    full += b.norm;
  }
  const own = full.length;
  full += m.tail ?? '';

  const hits: Hit[] = [];
  const highlight: string[] = [];
  let headingHit = false;
  let titleHit = false;
  const heading = normalize(m.heading ?? '');
  const title = normalize(m.title ?? '');
  for (const variants of terms) {
    let found = false;
    for (const v of variants) {
      const at = findAll(full, v).filter((p) => p < own);
      if (at.length) {
        found = true;
        highlight.push(v);
      }
      for (const p of at) hits.push({ start: p, end: p + v.length });
      if (heading && heading.includes(v)) headingHit = true;
      if (title.includes(v)) titleHit = true;
    }
    if (!found) return undefined;
  }
  hits.sort((a, b) => a.start - b.start);
  const first = hits[0];
  let bi = 0;
  while (bi + 1 < mapped.length && starts[bi + 1] <= first.start) bi++;
  const b = mapped[bi];
  const inBlock: Hit[] = [];
  for (const h of hits) {
    const s = h.start - starts[bi];
    const e = Math.min(h.end - starts[bi], b.norm.length);
    if (s >= 0 && s < b.norm.length) inBlock.push({ start: b.map[s], end: b.map[e - 1] + 1 });
  }
  const isHead = !m.heading;
  const count = hits.length;
  // Title and heading hits first, then the number of hits.
  const score = (headingHit || (isHead && titleHit) ? 2e6 : 0) + (titleHit ? 1e6 : 0) + count;
  const base = m.url.split('#')[0];
  const url = `${base}?highlight=${encodeURIComponent(highlight.join(' '))}#${encodeURIComponent(b.id)}`;
  return {
    url,
    page: m.page,
    title: m.title,
    heading: m.heading ?? '',
    crumbs: m.crumbs,
    count,
    score,
    order: m.order,
    block: { id: b.id, text: b.text, hits: inBlock },
    highlight,
  };
}

/** Runs an exact search. */
export async function exactSearch(q: string, filters: SearchFilters = {}): Promise<SearchOutcome> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - t0);
  };
  const pfLoading = loadPagefind(); // in parallel with the converter and the shard map
  loadShardMap().catch(() => {});
  const terms = await termVariants(q);
  lap('terms');
  if (!terms.length) return { results: [], candidates: 0, terms, timings };
  const pf = await pfLoading;
  lap('pagefind');
  const pfFilters: Record<string, string> = {};
  if (filters.district) pfFilters.district = filters.district;
  if (filters.kind) pfFilters.kind = filters.kind;
  let cand: Map<string, PagefindResult> | undefined;
  for (const variants of terms) {
    const c = await candidatesFor(pf, variants, pfFilters);
    cand = cand ? new Map([...cand].filter(([id]) => c.has(id))) : c;
  }
  const list = [...(cand ?? new Map()).values()];
  lap('candidates');
  const data = await Promise.all(list.map((r) => sectionText(r.id)));
  lap('texts');
  const results = data.map((d) => verify(d, terms)).filter((r): r is SearchResult => !!r);
  results.sort((a, b) => b.score - a.score || a.order - b.order);
  lap('verified');
  return { results, candidates: list.length, terms, timings };
}

/**
 * Near misses for a query with no exact result: sections holding the longest pieces of the first
 * term (halves, then shorter), clearly not exact. Returns the piece used and its results.
 */
const MAX_NEAR_TRIES = 12;

export async function nearMisses(
  q: string,
  filters: SearchFilters = {},
): Promise<{ piece: string; results: SearchResult[] } | undefined> {
  const terms = await termVariants(q);
  const term = terms[0]?.[terms[0].length - 1];
  if (!term) return undefined;
  const chars = Array.from(term);
  let tries = 0;
  for (let len = chars.length - 1; len >= 2; len--) {
    for (let i = 0; i + len <= chars.length; i++) {
      if (++tries > MAX_NEAR_TRIES) return undefined;
      const piece = chars.slice(i, i + len).join('');
      const { results } = await exactSearch(piece, filters);
      if (results.length) return { piece, results: results.slice(0, 5) };
    }
  }
  return undefined;
}
