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
import { searchIndex, type IndexReader, type ResultPages, type SearchResult } from './core.ts';
import {
  bucketFile,
  bucketOf,
  ENTRY_FILE,
  filterFile,
  INDEX_DIR,
  listFile,
  pageOf,
  readBucket,
  readPages,
  readPostings,
  shardOf,
  textFile,
  type IndexEntry,
  type Posting,
  type TokenEntry,
} from './index-format.ts';
import { fetchOrFail, LoadError } from './load-error.ts';
import type { SectionText } from './section-text.ts';
import { loadConverters, mayBeTraditional, simplifiedForms } from './simplify.ts';
import { normalize, queryTerms } from './text.ts';

export interface SearchFilters {
  district?: string;
  kind?: string;
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
  /** The text files that failed so far, with the number of results each held. */
  unavailable(): UnavailableTexts[];
  timings: Record<string, number>;
}
interface NearMisses {
  piece: string;
  results: SearchResult[];
}
export interface SearchIndex {
  /** Starts an exact search; results come page by page. Rejects with a LoadError when the index itself does not load. */
  search(q: string, filters?: SearchFilters): Promise<SearchRun>;
  /**
   * Near misses for a query with no exact result: sections holding the longest pieces of the first
   * term (halves, then shorter), clearly not exact. Returns the piece used and its first results.
   */
  nearMisses(q: string, filters?: SearchFilters): Promise<NearMisses | undefined>;
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
        if (!(e.buckets > 0) || typeof e.filters !== 'object') throw new Error('not a search index entry');
        return e;
      });
    });
  const buckets = new Map<number, Promise<Map<number, TokenEntry>>>();
  const lists = new Map<number, Promise<Posting[]>>();
  const shards = new Map<number, Promise<Map<number, SectionText>>>();
  const filterPages = new Map<string, Promise<Set<number>>>();

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
        return parsed(`${dir}${name}`, () => {
          const list = JSON.parse(decoder.decode(data)) as SectionText[];
          return new Map(list.map((s) => [s.order, s]));
        });
      });
      const text = shard.get(section);
      if (!text) throw new LoadError('corrupt', `${dir}${textFile(n)}`);
      return text;
    },
  });

  /** The pages a filter keeps (undefined: no filter); a value the index does not know keeps none. */
  async function keptPages(entry: IndexEntry, filters: SearchFilters): Promise<Set<number>[]> {
    const sets: Set<number>[] = [];
    for (const [name, value] of Object.entries(filters)) {
      if (!value) continue;
      const i = entry.filters[name]?.indexOf(value) ?? -1;
      if (i < 0) {
        sets.push(new Set());
        continue;
      }
      sets.push(
        await cachedUntilFailure(filterPages, `${name}-${i}`, async () => {
          const fileName = filterFile(name, i);
          const data = await file(fileName);
          return parsed(`${dir}${fileName}`, () => readPages(data));
        }),
      );
    }
    return sets;
  }

  async function search(q: string, filters: SearchFilters = {}): Promise<SearchRun> {
    const t0 = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string) => {
      timings[name] = Math.round(performance.now() - t0);
    };
    // The entry loads in parallel with the converter.
    const entryLoading = loadEntry();
    entryLoading.catch(() => {});
    const terms = await termVariants(q);
    lap('terms');
    const entry = await entryLoading;
    const kept = await keptPages(entry, filters);
    lap('entry');
    const keep = (section: number) => kept.every((pages) => pages.has(pageOf(section)));
    const results = await searchIndex(terms, reader(entry), keep);
    lap('candidates');
    return {
      terms,
      results,
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

  const MAX_NEAR_TRIES = 12;
  const NEAR_RESULTS = 5;
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
        const shown = await (await search(piece, filters)).results.next(NEAR_RESULTS);
        if (shown.length) return { piece, results: shown };
      }
    }
    return undefined;
  }

  return { search, nearMisses };
}
