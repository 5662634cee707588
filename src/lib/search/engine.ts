/**
 * Exact-substring search over the index files written by scripts/build-search-index.ts
 * (index-format.ts): the I/O around core.ts. Loaded only by the search page (dynamic import), never
 * by the header box.
 *
 *  1. The query is split on spaces into terms (all must occur in the same section). A term in
 *     traditional characters also counts in its simplified forms (simplify.ts, loaded on demand).
 *  2. core.ts reads the token buckets and posting lists it needs and the texts of the results it
 *     shows, through this reader: every file fetched once per page, a few at a time (a search
 *     never has more than FETCHES_AT_ONCE requests open: Chromium fails requests past ~1,370
 *     concurrent ones, and one failure failed the whole search).
 *  3. A text shard that fails to load fails only the results it holds, which the outcome reports;
 *     an index file that fails fails the search, with a LoadError saying which file and why.
 *
 * Everything is fetched from `base`, the site root: '/' on the site; a file: URL of dist/ in Node.
 */
import pLimit from 'p-limit';
import {
  searchIndex,
  type IndexReader,
  type ResultCount,
  type ResultOrder,
  type ResultPages,
  type SearchResult,
} from './core.ts';
import {
  bucketFile,
  bucketOf,
  ENTRY_FILE,
  FACETS,
  FACETS_FILE,
  INDEX_DIR,
  listFile,
  pageOf,
  readBucket,
  readPostings,
  shardOf,
  textFile,
  titlesFile,
  TITLES_PER_FILE,
  type IndexEntry,
  type PageFacets,
  type Posting,
  type TokenEntry,
} from './index-format.ts';
import { fetchOrFail, LoadError } from './load-error.ts';
import type { SectionText } from './section-text.ts';
import { loadConverters, mayBeTraditional, simplifiedForms } from './simplify.ts';
import { normalize, queryTerms } from './text.ts';

/** What a search is narrowed to: facet values (index-format.ts FACETS) and a document (its catalog path). */
export interface SearchFilters {
  district?: string;
  kind?: string;
  year?: string;
  doc?: string;
}
/** Results whose text could not be loaded (one file), so the list may lack them. */
interface UnavailableTexts {
  error: LoadError;
  sections: number;
}
interface SearchRun {
  /** Each term with its variants (a traditional term's simplified forms). */
  terms: string[][];
  results: ResultPages;
  /** Every page's path and facet values: what the distribution of `results.byPage()` is summed over. */
  pages: PageFacets;
  /** The text files that failed so far, with the number of results each held. */
  unavailable(): UnavailableTexts[];
  timings: Record<string, number>;
}
/** What to offer when a query finds nothing. */
interface SearchHelp {
  /** Of a query of several terms: each term alone, with its count (at least one found, or none). */
  terms: { term: string; count: ResultCount }[];
  /** The longest part of the query that is found (terms left out, or a piece of a term), with its first results. */
  near?: { part: string; results: SearchResult[] };
}
export interface SearchIndex {
  /** Starts an exact search; results come page by page. Rejects with a LoadError when the index itself does not load. */
  search(q: string, filters?: SearchFilters, order?: ResultOrder): Promise<SearchRun>;
  /** How many sections hold q: exact when the index says, else at least those found by checking a first one. */
  probe(q: string, filters?: SearchFilters): Promise<ResultCount>;
  /**
   * For a query with no exact result: each of its terms alone, and the longest part of it that is
   * found — the most terms, longest first, then the longest piece of a term — clearly not exact.
   */
  help(q: string, filters?: SearchFilters): Promise<SearchHelp>;
  /** The titles of pages (by index), read from the titles files that hold them. */
  titles(pages: readonly number[]): Promise<Map<number, string>>;
}

/** Requests a search keeps open at most. */
export const FETCHES_AT_ONCE = 6;

/** Each term with its variants: itself and, if it may be traditional, its simplified forms. */
async function termVariants(q: string): Promise<string[][]> {
  const terms = queryTerms(q);
  const converters = terms.some(mayBeTraditional) ? await loadConverters() : [];
  return terms.map((t) => [...new Set([t, ...simplifiedForms(t, converters).map(normalize)])]);
}

/** The bytes of a file the build gzipped (or that a host already unpacked); unreadable gzip is a LoadError. */
async function gunzipped(url: string, response: Response): Promise<Uint8Array> {
  const buf = new Uint8Array(await response.arrayBuffer());
  // A host may already have undone the gzip (Content-Encoding); only unpack real gzip data.
  if (buf[0] !== 0x1f || buf[1] !== 0x8b) return buf;
  try {
    return new Uint8Array(
      await new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
    );
  } catch (cause) {
    throw new LoadError('corrupt', url, undefined, { cause });
  }
}

/** Parses what a file holds; a file that does not parse is a LoadError ('corrupt') naming it. */
function parsed<T>(url: string, parse: () => T): T {
  try {
    return parse();
  } catch (cause) {
    throw new LoadError('corrupt', url, undefined, { cause });
  }
}

/** A promise cached only while it has not failed, so a later search tries again. */
function cachedUntilFailure<K, T>(cache: Map<K, Promise<T>>, key: K, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Posting lists kept per index (the largest are a few hundred KB of objects), oldest dropped first. */
const KEPT_LISTS = 64;

/** The search over the index under `base` (the site root URL, ending in '/'). */
export function openIndex(base = '/'): SearchIndex {
  const dir = `${base}${INDEX_DIR}/`;
  const fetching = pLimit(FETCHES_AT_ONCE);
  /** A file of the index, fetched through the pool, gunzipped. */
  const file = (name: string) =>
    fetching(async () => {
      const url = `${dir}${name}`;
      return gunzipped(url, await fetchOrFail(url));
    });
  const decoder = new TextDecoder();

  const entries = new Map<string, Promise<IndexEntry>>();
  const loadEntry = () =>
    cachedUntilFailure(entries, ENTRY_FILE, async () => {
      const url = `${dir}${ENTRY_FILE}`;
      const data = await fetching(async () => new Uint8Array(await (await fetchOrFail(url)).arrayBuffer()));
      return parsed(url, () => {
        const e = JSON.parse(decoder.decode(data)) as IndexEntry;
        if (!(e.buckets > 0)) throw new Error('not a search index entry');
        return e;
      });
    });
  const buckets = new Map<number, Promise<Map<number, TokenEntry>>>();
  const lists = new Map<number, Promise<Posting[]>>();
  const shards = new Map<number, Promise<Map<number, SectionText>>>();
  const loadedShards = new Set<number>();
  const pageFacets = new Map<string, Promise<PageFacets>>();
  const loadFacets = () =>
    cachedUntilFailure(pageFacets, FACETS_FILE, async () => {
      const data = await file(FACETS_FILE);
      return parsed(`${dir}${FACETS_FILE}`, () => {
        const f = JSON.parse(decoder.decode(data)) as PageFacets;
        if (!Array.isArray(f.paths) || FACETS.some((name) => !f.facets?.[name]))
          throw new Error('not page facets');
        return f;
      });
    });
  const titleFiles = new Map<string, Promise<string[]>>();

  const reader = (entry: IndexEntry): IndexReader => ({
    async entries(tokens) {
      const out = new Map<number, TokenEntry | undefined>();
      await Promise.all(
        [...new Set(tokens.map((t) => bucketOf(t, entry.buckets)))].map(async (k) => {
          const bucket = await cachedUntilFailure(buckets, k, async () => {
            const name = bucketFile(k);
            const data = await file(name);
            return parsed(`${dir}${name}`, () => readBucket(data));
          });
          for (const t of tokens) if (bucketOf(t, entry.buckets) === k) out.set(t, bucket.get(t));
        }),
      );
      return out;
    },
    async postings(token, tokenEntry) {
      if (tokenEntry.inline) return readPostings(tokenEntry.inline, true);
      const n = tokenEntry.list!;
      const list = cachedUntilFailure(lists, n, async () => {
        const name = listFile(n);
        const data = await file(name);
        return parsed(`${dir}${name}`, () => readPostings(data, false));
      });
      if (lists.size > KEPT_LISTS) lists.delete(lists.keys().next().value!);
      return list;
    },
    async text(section) {
      const n = shardOf(section);
      const shard = await cachedUntilFailure(shards, n, async () => {
        const name = textFile(n);
        const data = await file(name);
        const texts = parsed(`${dir}${name}`, () => {
          const list = JSON.parse(decoder.decode(data)) as SectionText[];
          return new Map(list.map((s) => [s.order, s]));
        });
        loadedShards.add(n);
        return texts;
      });
      const text = shard.get(section);
      if (!text) throw new LoadError('corrupt', `${dir}${textFile(n)}`);
      return text;
    },
    loaded: (section) => loadedShards.has(shardOf(section)),
  });

  /** The pages the filters keep (undefined: no filter); a value the index does not know keeps none. */
  function keptPages(pages: PageFacets, filters: SearchFilters): Set<number> | undefined {
    let kept: Set<number> | undefined;
    const narrow = (test: (page: number) => boolean) => {
      const all = kept ?? pages.paths.keys();
      kept = new Set([...all].filter(test));
    };
    for (const name of FACETS) {
      const value = filters[name];
      if (!value) continue;
      const i = pages.facets[name].values.indexOf(value);
      narrow((page) => pages.facets[name].pages[page].includes(i));
    }
    if (filters.doc) narrow((page) => pages.paths[page] === filters.doc);
    return kept;
  }

  async function search(q: string, filters: SearchFilters = {}, order: ResultOrder = {}): Promise<SearchRun> {
    const t0 = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string) => {
      timings[name] = Math.round(performance.now() - t0);
    };
    // The entry and the page facets load in parallel with the converter.
    const entryLoading = loadEntry();
    const facetsLoading = loadFacets();
    for (const p of [entryLoading, facetsLoading]) p.catch(() => {});
    const terms = await termVariants(q);
    lap('terms');
    const entry = await entryLoading;
    const pages = await facetsLoading;
    const kept = keptPages(pages, filters);
    lap('entry');
    const keep = (section: number) => !kept || kept.has(pageOf(section));
    const results = await searchIndex(terms, reader(entry), keep, order);
    lap('candidates');
    return {
      terms,
      results,
      pages,
      timings,
      unavailable() {
        const byFile = new Map<string, UnavailableTexts>();
        for (const { error } of results.unreadable) {
          if (!(error instanceof LoadError)) throw error;
          const part = byFile.get(error.url) ?? { error, sections: 0 };
          part.sections++;
          byFile.set(error.url, part);
        }
        return [...byFile.values()];
      },
    };
  }

  async function probe(q: string, filters: SearchFilters = {}): Promise<ResultCount> {
    const { results } = await search(q, filters);
    if (!results.count().exact) {
      await results.next(1);
      await results.settle(0); // the candidates whose text came with it: free
    }
    return results.count();
  }

  const MAX_NEAR_TRIES = 12;
  const NEAR_RESULTS = 5;
  /** Terms a query's help looks at: the parts of a longer query are too many to try. */
  const MAX_HELP_TERMS = 4;
  async function help(q: string, filters: SearchFilters = {}): Promise<SearchHelp> {
    const terms = queryTerms(q).slice(0, MAX_HELP_TERMS);
    const length = (part: string[]) => part.reduce((n, t) => n + Array.from(t).length, 0);
    const counts =
      terms.length > 1
        ? await Promise.all(terms.map(async (term) => ({ term, count: await probe(term, filters) })))
        : [];
    // Parts of the query, longest first (the most characters; in query order among equals): every
    // choice of found terms but all, and the pieces of each term not found, one character shorter each time.
    const found = new Set(counts.filter((c) => c.count.sections > 0).map((c) => c.term));
    const parts: string[][] = Array.from({ length: 2 ** terms.length - 2 }, (_, i) =>
      terms.filter((_, k) => (i + 1) & (1 << k)),
    ).filter((part) => part.every((t) => found.has(t)));
    for (const term of terms.filter((t) => !found.has(t))) {
      const chars = Array.from(term);
      let tries = 0;
      for (let len = chars.length - 1; len >= 2 && tries < MAX_NEAR_TRIES; len--)
        for (let i = 0; i + len <= chars.length && tries < MAX_NEAR_TRIES; i++, tries++)
          parts.push([chars.slice(i, i + len).join('')]);
    }
    parts.sort((a, b) => length(b) - length(a));
    for (const part of parts.slice(0, MAX_NEAR_TRIES * 2).map((p) => p.join(' '))) {
      const shown = await (await search(part, filters)).results.next(NEAR_RESULTS);
      if (shown.length) return { terms: counts, near: { part, results: shown } };
    }
    return { terms: counts };
  }

  async function titles(pages: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    await Promise.all(
      [...new Set(pages.map(titlesFile))].map(async (name) => {
        const list = await cachedUntilFailure(titleFiles, name, async () => {
          const data = await file(name);
          return parsed(`${dir}${name}`, () => JSON.parse(decoder.decode(data)) as string[]);
        });
        for (const page of pages)
          if (titlesFile(page) === name) out.set(page, list[page % TITLES_PER_FILE] ?? '');
      }),
    );
    return out;
  }

  return { search, probe, help, titles };
}
