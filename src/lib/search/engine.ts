/**
 * Exact-substring search over the index files written by scripts/build-search-index.ts: the I/O
 * around core.ts. Loaded only by the search page (dynamic import), never by the header box.
 *
 *  1. The query is split on spaces into terms (all must occur in the same section). A term in
 *     traditional characters also counts in its simplified forms (simplify.ts, loaded on demand).
 *  2. Pagefind narrows the candidates (core.ts candidateIds), with the district/kind filters.
 *  3. Every candidate's text (dist/pagefind-text/, shard found by Pagefind result id) is checked
 *     for the exact substring (core.ts verify); a shard that fails to load fails only the
 *     candidates it holds, which the outcome reports.
 *
 * Everything is fetched from `base`, the site root: '/' on the site; a file: URL of dist/ in Node.
 */
import { candidateIds, rank, verify, type SearchResult, type TokenLookup } from './core.ts';
import { explainFailure, fetchOrFail, LoadError } from './load-error.ts';
import type { SectionText, ShardEntry } from './section-text.ts';
import { loadConverters, mayBeTraditional, simplifiedForms } from './simplify.ts';
import { normalize, queryTerms, TEXT_DIR, TEXT_EXT } from './text.ts';

export interface SearchFilters {
  district?: string;
  kind?: string;
}
/** Candidates whose text could not be loaded (one shard), so the results may lack some. */
export interface UnavailableTexts {
  error: LoadError;
  sections: number;
}
export interface SearchOutcome {
  results: SearchResult[];
  candidates: number;
  terms: string[][];
  unavailable: UnavailableTexts[];
  timings: Record<string, number>;
}
export interface NearMisses {
  piece: string;
  results: SearchResult[];
}
export interface SearchIndex {
  /** Runs an exact search. Rejects with a LoadError when the index itself does not load. */
  search(q: string, filters?: SearchFilters): Promise<SearchOutcome>;
  /**
   * Near misses for a query with no exact result: sections holding the longest pieces of the first
   * term (halves, then shorter), clearly not exact. Returns the piece used and its results.
   */
  nearMisses(q: string, filters?: SearchFilters): Promise<NearMisses | undefined>;
}

interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    q: string | null,
    o?: { filters?: Record<string, string> },
  ) => Promise<{ results: { id: string }[] } | null>;
}

/** Each term with its variants: itself and, if it may be traditional, its simplified forms. */
async function termVariants(q: string): Promise<string[][]> {
  const terms = queryTerms(q);
  const converters = terms.some(mayBeTraditional) ? await loadConverters() : [];
  return terms.map((t) => [...new Set([t, ...simplifiedForms(t, converters).map(normalize)])]);
}

/** Reads gzip JSON (or JSON a host already unpacked); an unreadable file is a LoadError. */
async function fetchGzipJson<T>(url: string): Promise<T> {
  const buf = new Uint8Array(await (await fetchOrFail(url)).arrayBuffer());
  try {
    // A host may already have undone the gzip (Content-Encoding); only unpack real gzip data.
    const plain =
      buf[0] === 0x1f && buf[1] === 0x8b
        ? await new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
        : new TextDecoder().decode(buf);
    return JSON.parse(plain) as T;
  } catch (cause) {
    throw new LoadError('corrupt', url, undefined, { cause });
  }
}

/** Retries after a failure: a promise cached only while it has not failed. */
function cachedUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= load();
    p.catch(() => (p = undefined));
    return p;
  };
}

const MAX_NEAR_TRIES = 12;
/** Pagefind answers kept per index, oldest dropped first. */
const MAX_LOOKUPS = 1000;

/** The search over the index under `base` (the site root URL, ending in '/'). */
export function openIndex(base = '/'): SearchIndex {
  const pagefindDir = `${base}pagefind/`;
  const textDir = `${base}${TEXT_DIR}/`;

  /** Pagefind reports a file it could not load as an error without a status, at init or at the first search. */
  const pagefindFailure = (e: unknown) =>
    explainFailure(e, [`${pagefindDir}pagefind.js`, `${pagefindDir}pagefind-entry.json`]);
  const loadPagefind = cachedUntilFailure(async () => {
    // Pagefind reports a missing entry file only as "Failed to load Pagefind metadata" (and leaves
    // its own promise rejected): ask for it too, so that a missing index says so.
    const entry = fetchOrFail(`${pagefindDir}pagefind-entry.json`);
    entry.catch(() => {});
    let pf: Pagefind;
    try {
      pf = (await import(/* @vite-ignore */ `${pagefindDir}pagefind.js`)) as Pagefind;
    } catch (e) {
      throw await pagefindFailure(e);
    }
    await entry;
    try {
      await pf.options({ basePath: pagefindDir, noWorker: true });
      await pf.init();
    } catch (e) {
      throw await pagefindFailure(e);
    }
    return pf;
  });
  /** Pagefind record id → shard number. */
  const loadShardMap = cachedUntilFailure(() =>
    fetchGzipJson<Record<string, number>>(`${textDir}shards.json`),
  );
  const shards = new Map<number, Promise<Map<string, SectionText>>>();
  const lookups = new Map<string, Promise<string[]>>();

  /** The text of the section behind a Pagefind record id (its shard is fetched once). */
  async function sectionText(id: string, shardOf: Record<string, number>): Promise<SectionText> {
    const n = shardOf[id];
    if (n === undefined) throw new LoadError('corrupt', `${textDir}shards.json`);
    let shard = shards.get(n);
    if (!shard) {
      shard = fetchGzipJson<ShardEntry[]>(`${textDir}${n}${TEXT_EXT}`).then(
        (list) => new Map(list.map((r) => [r.id, r])),
      );
      shard.catch(() => shards.delete(n));
      shards.set(n, shard);
    }
    const section = (await shard).get(id);
    if (!section) throw new LoadError('corrupt', `${textDir}${n}${TEXT_EXT}`);
    return section;
  }

  async function search(q: string, filters: SearchFilters = {}): Promise<SearchOutcome> {
    const t0 = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string) => {
      timings[name] = Math.round(performance.now() - t0);
    };
    // Pagefind and the shard map load in parallel with the converter.
    const pfLoading = loadPagefind();
    const shardMapLoading = loadShardMap();
    pfLoading.catch(() => {});
    shardMapLoading.catch(() => {});
    const terms = await termVariants(q);
    lap('terms');
    if (!terms.length) return { results: [], candidates: 0, terms, unavailable: [], timings };
    const pf = await pfLoading;
    lap('pagefind');
    const pfFilters: Record<string, string> = {};
    if (filters.district) pfFilters.district = filters.district;
    if (filters.kind) pfFilters.kind = filters.kind;
    const lookup: TokenLookup = (query) => {
      // A one-character or punctuation-only term asks Pagefind for many records (~20 ms); near
      // misses and the next query often ask again.
      const key = JSON.stringify([query, pfFilters]);
      let ids = lookups.get(key);
      if (!ids) {
        ids = pf.search(query, { filters: pfFilters }).then(
          (s) => (s?.results ?? []).map((r) => r.id),
          async (e) => {
            throw await pagefindFailure(e);
          },
        );
        lookups.set(key, ids);
        if (lookups.size > MAX_LOOKUPS) lookups.delete(lookups.keys().next().value!);
      }
      return ids;
    };
    const ids = await candidateIds(terms, lookup);
    lap('candidates');
    const shardOf = await shardMapLoading;
    const texts = await Promise.allSettled(ids.map((id) => sectionText(id, shardOf)));
    lap('texts');
    const found: SearchResult[] = [];
    const unavailable = new Map<string, UnavailableTexts>();
    for (const t of texts) {
      if (t.status === 'fulfilled') {
        const result = verify(t.value, terms);
        if (result) found.push(result);
        continue;
      }
      if (!(t.reason instanceof LoadError)) throw t.reason;
      const part = unavailable.get(t.reason.url) ?? { error: t.reason, sections: 0 };
      part.sections++;
      unavailable.set(t.reason.url, part);
    }
    const results = rank(found);
    lap('verified');
    return { results, candidates: ids.length, terms, unavailable: [...unavailable.values()], timings };
  }

  async function nearMisses(q: string, filters: SearchFilters = {}): Promise<NearMisses | undefined> {
    const terms = await termVariants(q);
    const term = terms[0]?.[terms[0].length - 1];
    if (!term) return undefined;
    const chars = Array.from(term);
    let tries = 0;
    for (let len = chars.length - 1; len >= 2; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        if (++tries > MAX_NEAR_TRIES) return undefined;
        const piece = chars.slice(i, i + len).join('');
        const { results } = await search(piece, filters);
        if (results.length) return { piece, results: results.slice(0, 5) };
      }
    }
    return undefined;
  }

  return { search, nearMisses };
}
