/**
 * A built site → its exact-substring Chinese search index (dist/search-index/, layout in
 * src/lib/search/index-format.ts).
 *
 * Stock Pagefind segments Chinese into words, so it misses substrings and returns loose matches;
 * used as a mere token lookup (the former design) its per-record metadata, one file per section and
 * its loosening of a query with an absent word made every query's cost grow with the library. Here:
 *  - each document page is cut into sections (scripts/search-records.ts: the page head, then each
 *    heading with what follows); a section is numbered by page, text shard and slot (index-format.ts);
 *  - every character and every pair of adjacent characters of a section's normalized text (text.ts:
 *    whitespace dropped, widths and Latin case folded) is a token; a token's posting list holds, per
 *    section, how often it starts in the section's own text, how often in the text that follows (a
 *    match may run on into the next sections) and whether the section's heading holds it. A query of
 *    one or two characters is answered by one list, exactly, counts and ranking included; a longer
 *    one intersects lists of its pairs, and its candidates are checked on their text;
 *  - lists are grouped into buckets by a hash of the token (the bucket count is in the entry file),
 *    a frequent token's list in a file of its own, so that a rare token costs a small file;
 *  - the texts (blocks with their ids, heading, breadcrumb, the following text) are gzip JSON shards
 *    of consecutive sections of one page, fetched only for results shown;
 *  - the facets a result is filtered and counted by (district: a page's own and the districts it
 *    mentions, as the district pages list them; kind; year) are one small file for every page
 *    (pages.gz), and page titles files of TITLES_PER_FILE pages.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { join } from 'node:path';
import { gzip, gzipSync } from 'node:zlib';
import { districtName, type Catalog } from './manifest/site-data.ts';
import { readSite } from './search-records.ts';
import {
  bucketFile,
  bucketOf,
  ALL_POSITIONS,
  ByteWriter,
  POSITION_BITS,
  ENTRY_FILE,
  FACETS,
  FACETS_FILE,
  FORMAT_VERSION,
  INDEX_DIR,
  listFile,
  sectionNumber,
  shardOf,
  SHARDS_PER_PAGE,
  SLOTS_PER_SHARD,
  textFile,
  tokenOf,
  LONGEST_TOKEN,
  writeBucket,
  titlesFile,
  TITLES_PER_FILE,
  writePosting,
  type Facet,
  type IndexEntry,
  type PageFacets,
} from '../src/lib/search/index-format.ts';
import type { SectionText } from '../src/lib/search/section-text.ts';
import { followingText, normalize } from '../src/lib/search/text.ts';
import { yearOf } from '../src/lib/navigation.ts';

const gzipAsync = promisify(gzip);

/** Target size of a text shard (JSON characters before gzip): a result shown costs its shard. */
const SHARD_CHARS = 8_000;
/** A posting list longer than this (bytes before gzip) gets a file of its own, so that its bucket stays small. */
const OWN_FILE_BYTES = 32_768;
/** Target size of a bucket as sent (gzip): a query pays one per token it looks up. */
const BUCKET_GZIP_BYTES = 8_192;

export interface SearchIndexOptions {
  /** The built site whose document pages (docs/<path>/index.html) are indexed. */
  siteDir: string;
  catalog: Catalog;
  /** Where search-index/ is written; the site itself by default. */
  outDir?: string;
  /** The site's base path ('/' or '/sub/', Astro's `base`): results link to the pages under it. */
  base?: string;
}

export interface SearchIndexSummary {
  pages: number;
  sections: number;
  characters: number;
  tokens: number;
  files: number;
  /** gzip bytes of the token buckets and lists, and of the section texts. */
  indexBytes: number;
  textBytes: number;
}

/**
 * Counts the tokens of each section, section after section, into one stream of postings; then
 * writes each token's list. Typed arrays and an open-addressing table rather than an object per
 * token: the per-token buffers of the first version were written in random order and took most of
 * the build's time.
 */
export class TokenCounter {
  /** Token keys (index-format.ts) by token number; the table maps a key to its number. */
  private keys: number[] = [];
  private table = new Int32Array(1 << 16).fill(-1);
  /** Per token number: the section it was last seen in, and its counts there. */
  private seenIn = new Float64Array(1 << 12).fill(-1);
  private own = new Int32Array(1 << 12);
  private tail = new Int32Array(1 << 12);
  private heading = new Uint8Array(1 << 12);
  private positions = new Uint8Array(1 << 12);
  private touched: number[] = [];
  private section = -1;
  /** The stream of postings, in section order, four numbers each: token, section, own, (tail × 256 + position bits) × 2 + heading. */
  private stream = new Int32Array(1 << 18);
  private streamLength = 0;

  get tokens(): number {
    return this.keys.length;
  }

  private number(key: number): number {
    const mask = this.table.length - 1;
    // Spread the key (up to 2⁴¹) over the table: its two halves mixed.
    let slot = (Math.imul((key / 0x100000) | 0, 0x9e3779b1) ^ Math.imul(key % 0x100000, 0x85ebca6b)) & mask;
    for (;;) {
      const n = this.table[slot];
      if (n < 0) break;
      if (this.keys[n] === key) return n;
      slot = (slot + 1) & mask;
    }
    const n = this.keys.length;
    this.keys.push(key);
    this.table[slot] = n;
    if (this.keys.length * 2 > this.table.length) this.rehash();
    if (n >= this.seenIn.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      const seen = grow(this.seenIn);
      seen.fill(-1, this.seenIn.length);
      this.seenIn = seen;
      this.own = grow(this.own);
      this.tail = grow(this.tail);
      this.heading = grow(this.heading);
      this.positions = grow(this.positions);
    }
    return n;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const keys = this.keys;
    this.keys = [];
    for (const key of keys) this.number(key);
  }

  startSection(section: number): void {
    this.flushSection();
    this.section = section;
  }

  /** One occurrence of a token at a character offset, in the section's own text or in the text that follows it. */
  count(key: number, offset: number, own: boolean): void {
    const n = this.number(key);
    if (this.seenIn[n] !== this.section) {
      this.seenIn[n] = this.section;
      this.own[n] = this.tail[n] = this.heading[n] = this.positions[n] = 0;
      this.touched.push(n);
    }
    if (own) this.own[n]++;
    else this.tail[n]++;
    this.positions[n] |= 1 << (offset % POSITION_BITS);
  }

  /** A token of the section's heading (its page title for a page head): flagged where the section holds it. */
  flagHeading(key: number): void {
    const n = this.number(key);
    if (this.seenIn[n] === this.section) this.heading[n] = 1;
  }

  private flushSection(): void {
    const needed = this.streamLength + 4 * this.touched.length;
    if (needed > this.stream.length) {
      const grown = new Int32Array(Math.max(this.stream.length * 2, needed));
      grown.set(this.stream);
      this.stream = grown;
    }
    const s = this.stream;
    let at = this.streamLength;
    for (const n of this.touched) {
      s[at++] = n;
      s[at++] = this.section;
      s[at++] = this.own[n];
      s[at++] = ((this.tail[n] << 8) | this.positions[n]) * 2 + this.heading[n];
    }
    this.streamLength = at;
    this.touched = [];
  }

  /** Every token's key, number of sections and encoded posting list. */
  *lists(): Generator<{ token: number; sections: number; postings: Uint8Array; ownFile: boolean }> {
    this.flushSection();
    const s = this.stream;
    const postings = this.streamLength / 4;
    const tokens = this.keys.length;
    // Counting sort of the stream by token, stable, so each token's postings stay in section order.
    const start = new Int32Array(tokens + 1);
    for (let i = 0; i < postings; i++) start[s[4 * i] + 1]++;
    for (let t = 0; t < tokens; t++) start[t + 1] += start[t];
    const order = new Int32Array(postings);
    const fill = start.slice(0, tokens);
    for (let i = 0; i < postings; i++) order[fill[s[4 * i]]++] = 4 * i;
    const w = new ByteWriter();
    const encode = (t: number, withPositions: boolean) => {
      w.length = 0;
      let previous = -1;
      for (let k = start[t]; k < start[t + 1]; k++) {
        const i = order[k];
        const packed = s[i + 3];
        writePosting(
          w,
          previous,
          s[i + 1],
          s[i + 2],
          packed >>> 9,
          (packed & 1) === 1,
          withPositions ? (packed >>> 1) & ALL_POSITIONS : undefined,
        );
        previous = s[i + 1];
      }
      return w.result();
    };
    for (let t = 0; t < tokens; t++) {
      const sections = start[t + 1] - start[t];
      // A rare token's list stays in its bucket with its position bits; a frequent one's goes to a
      // file of its own without them (what a two-character query reads whole).
      // (The bits add one byte a posting: the size with them is known without writing it.)
      const without = encode(t, false);
      yield without.length + sections <= OWN_FILE_BYTES
        ? { token: this.keys[t], sections, postings: encode(t, true), ownFile: false }
        : { token: this.keys[t], sections, postings: without, ownFile: true };
    }
  }
}

/**
 * Counts a section's tokens: every run of one to three characters of its normalized text and of the
 * text that follows it, at its offset; then flags those its heading (normalized) holds.
 */
export function countTokens(
  counter: TokenCounter,
  section: number,
  own: string,
  tail: string,
  heading: string,
) {
  counter.startSection(section);
  const cps = Array.from(own + tail, (c) => c.codePointAt(0)!);
  const ownLength = cps.length - Array.from(tail).length;
  for (let at = 0; at < cps.length; at++)
    for (let length = 1; length <= LONGEST_TOKEN; length++) {
      const token = tokenOf(cps, at, length);
      if (token !== undefined) counter.count(token, at, at < ownLength);
    }
  const headingCps = Array.from(heading, (c) => c.codePointAt(0)!);
  for (let at = 0; at < headingCps.length; at++)
    for (let length = 1; length <= LONGEST_TOKEN; length++) {
      const token = tokenOf(headingCps, at, length);
      if (token !== undefined) counter.flagHeading(token);
    }
}

export async function buildSearchIndex({
  siteDir,
  catalog,
  outDir = siteDir,
  base = '/',
}: SearchIndexOptions): Promise<SearchIndexSummary> {
  const site = readSite(siteDir);
  const catalogPage = new Map(catalog.pages.map((p) => [p.path, p]));
  const counter = new TokenCounter();

  const dir = join(outDir, INDEX_DIR);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['tokens', 'lists', 'text', 'titles']) mkdirSync(join(dir, sub), { recursive: true });
  // Files are compressed and written a few at a time off the main thread (zlib and fs use libuv's
  // pool): on a slow disk, opening thousands of small files one after the other took seconds.
  const bytes = { index: 0, text: 0 };
  let files = 1;
  const writing = pLimit(8);
  const inFlight = new Set<Promise<void>>();
  const write = async (file: string, data: Uint8Array | string, kind: keyof typeof bytes) => {
    const done = writing(async () => {
      const gz = await gzipAsync(data, { level: 9 });
      await writeFile(join(dir, file), gz);
      bytes[kind] += gz.length;
      files++;
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done)).catch(() => {});
    if (inFlight.size > 64) await Promise.race(inFlight);
  };

  const facetValues = Object.fromEntries(FACETS.map((f) => [f, [] as string[][]])) as Record<
    Facet,
    string[][]
  >;
  const titles: string[] = [];
  let sections = 0;
  let characters = 0;
  for (const [pageIndex, page] of site.entries()) {
    const cat = catalogPage.get(page.path);
    if (!cat)
      throw new Error(
        `search index: docs/${page.path}/index.html is not in the catalog (src/generated/catalog.json); build the content step again`,
      );
    // As on the district pages (src/lib/navigation.ts pagesOf): a district lists its own documents and the articles that mention it.
    facetValues.district.push([...new Set([cat.district, ...(cat.mentions ?? [])])]);
    facetValues.kind.push([cat.kind]);
    facetValues.year.push([yearOf(cat)]);
    titles.push(page.title);
    const parent = cat.parent ? catalogPage.get(cat.parent) : undefined;
    const crumbs = [
      districtName(catalog.districts, cat.district),
      ...(parent ? [parent.title] : []),
      page.title,
    ];
    const norms = page.records.map((r) => normalize(r.blocks.map((b) => b.text).join('')));

    // Shards: consecutive sections of this page, up to SHARD_CHARS of JSON and SLOTS_PER_SHARD sections.
    let shard: SectionText[] = [];
    let shardIndex = 0;
    let shardChars = 0;
    const closeShard = async () => {
      if (!shard.length) return;
      await write(textFile(shardOf(sectionNumber(pageIndex, shardIndex, 0))), JSON.stringify(shard), 'text');
      shard = [];
      shardChars = 0;
      shardIndex++;
    };
    const seen = new Set<string>();
    for (const [i, rec] of page.records.entries()) {
      if (seen.has(rec.anchor))
        throw new Error(`search index: docs/${page.path}/index.html has two sections at #${rec.anchor}`);
      seen.add(rec.anchor);
      const text: SectionText = {
        url: `${base}docs/${page.path}/#${rec.anchor}`,
        title: page.title,
        heading: rec.heading,
        crumbs: crumbs.join(' › '),
        page: page.path,
        order: 0,
        blocks: rec.blocks.map((b) => [b.id, b.text.replace(/\s+/gu, ' ')]),
        tail: followingText(norms, i),
      };
      const size = JSON.stringify(text).length;
      if (shard.length && (shardChars + size > SHARD_CHARS || shard.length === SLOTS_PER_SHARD))
        await closeShard();
      if (shardIndex >= SHARDS_PER_PAGE)
        throw new Error(
          `search index: docs/${page.path}/index.html needs more than ${SHARDS_PER_PAGE} text shards; raise SHARDS_PER_PAGE in src/lib/search/index-format.ts`,
        );
      const section = sectionNumber(pageIndex, shardIndex, shard.length);
      text.order = section;
      shard.push(text);
      shardChars += size;
      sections++;
      characters += norms[i].length;

      countTokens(counter, section, norms[i], text.tail, normalize(rec.heading || page.title));
    }
    await closeShard();
  }

  // Posting lists: frequent tokens in files of their own, the rest in buckets by hash.
  let nextList = 0;
  let inlineBytes = 0;
  const tokens: { token: number; sections: number; postings: Uint8Array; list?: number }[] = [];
  for (const { token, sections, postings, ownFile } of counter.lists()) {
    if (ownFile) {
      const n = nextList++;
      await write(listFile(n), postings, 'index');
      tokens.push({ token, sections, postings: new Uint8Array(0), list: n });
    } else {
      inlineBytes += postings.length;
      tokens.push({ token, sections, postings });
    }
  }
  // As many buckets as it takes for each to be about BUCKET_GZIP_BYTES as sent: the compression
  // ratio (measured on a sample of buckets) varies several-fold between libraries.
  const sampleBuckets = Math.max(1, Math.ceil(inlineBytes / BUCKET_GZIP_BYTES));
  const sample = Array.from({ length: Math.min(sampleBuckets, 16) }, () => [] as typeof tokens);
  for (const t of tokens)
    if (t.list === undefined && bucketOf(t.token, sampleBuckets) < sample.length)
      sample[bucketOf(t.token, sampleBuckets)].push(t);
  // Bytes sent per byte of postings (the token headers included).
  const postingBytes = sample.flat().reduce((n, t) => n + t.postings.length, 0);
  const ratio = postingBytes
    ? sample.reduce((n, b) => n + gzipSync(writeBucket(b)).length, 0) / postingBytes
    : 1;
  const buckets = Math.max(1, Math.ceil((inlineBytes * ratio) / BUCKET_GZIP_BYTES));
  const byBucket = Array.from({ length: buckets }, () => [] as typeof tokens);
  for (const t of tokens) byBucket[bucketOf(t.token, buckets)].push(t);
  for (const [k, inBucket] of byBucket.entries()) await write(bucketFile(k), writeBucket(inBucket), 'index');

  const facets = {} as PageFacets['facets'];
  for (const f of FACETS) {
    const values = [...new Set(facetValues[f].flat())].sort();
    const index = new Map(values.map((v, i) => [v, i]));
    facets[f] = { values, pages: facetValues[f].map((vs) => vs.map((v) => index.get(v)!)) };
  }
  const pageFacets: PageFacets = { paths: site.map((p) => p.path), facets };
  await write(FACETS_FILE, JSON.stringify(pageFacets), 'index');
  for (let first = 0; first < titles.length; first += TITLES_PER_FILE)
    await write(titlesFile(first), JSON.stringify(titles.slice(first, first + TITLES_PER_FILE)), 'index');
  const entry: IndexEntry = { version: FORMAT_VERSION, buckets, sections, pages: site.length };
  await Promise.all(inFlight);
  // The entry last: an index without it is incomplete, and says so.
  writeFileSync(join(dir, ENTRY_FILE), JSON.stringify(entry));
  return {
    pages: site.length,
    sections,
    characters,
    tokens: tokens.length,
    files,
    indexBytes: bytes.index,
    textBytes: bytes.text,
  };
}
