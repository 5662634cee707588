/**
 * The files of the search index, as the build writes them (scripts/build-search-index.ts) and the
 * search reads them (engine.ts): where they are, how a section is numbered, how a token finds its
 * bucket, and the byte layout of posting lists. No I/O here.
 *
 *   search-index/index.json          the entry: format version, number of token buckets, filter values
 *   search-index/tokens/<k>.gz       bucket k: the tokens whose hash is k, each with its document
 *                                    frequency and its posting list (inline, or the number of its own file)
 *   search-index/lists/<n>.gz        the posting list of one frequent token
 *   search-index/text/<shard>.gz     the texts of a run of consecutive sections of one page (JSON)
 *   search-index/pages.gz            per page: its path and its district(s), kind and year (PageFacets):
 *                                    what the filters keep and the result distribution sums, a few
 *                                    bytes a page
 *   search-index/titles/<k>.gz       the titles of pages k × TITLES_PER_FILE …, for the documents a
 *                                    distribution names before their results are shown
 *
 * A query reads the entry, one bucket per token it looks up (and a token's list file when it is
 * frequent), the page facets, then the text shards of the results it shows: nothing whose size
 * grows with the library faster than a few bytes a document, except the lists of the tokens it asks for.
 */

export const INDEX_DIR = 'search-index';
export const ENTRY_FILE = 'index.json';
export const FORMAT_VERSION = 2;

/** Files every built index has, for a check that the site is complete. */
export const REQUIRED_INDEX_FILES = [`${INDEX_DIR}/${ENTRY_FILE}`];

export interface IndexEntry {
  version: number;
  /** Number of token buckets (tokens/<0 … buckets-1>.gz). */
  buckets: number;
  sections: number;
  pages: number;
}

export const bucketFile = (k: number) => `tokens/${k}.gz`;
export const listFile = (n: number) => `lists/${n}.gz`;
export const textFile = (shard: number) => `text/${shard}.gz`;
export const FACETS_FILE = 'pages.gz';
export const TITLES_PER_FILE = 64;
export const titlesFile = (page: number) => `titles/${Math.floor(page / TITLES_PER_FILE)}.gz`;

/**
 * What a result can be filtered and counted by: a page's district (its own and those it mentions, as
 * the district pages list it), its kind and its year (navigation.ts yearOf: four digits or 'undated').
 */
export const FACETS = ['district', 'kind', 'year'] as const;
export type Facet = (typeof FACETS)[number];
/** pages.gz (gzip JSON): per page, by index, its catalog path and the indexes of its values of each facet. */
export interface PageFacets {
  paths: string[];
  facets: Record<Facet, { values: string[]; pages: number[][] }>;
}

/**
 * A section's number says where it is: page index × 2¹⁴ + shard of the page × 2⁶ + slot in the
 * shard. Numbers grow in reading order (so they rank ties), and the page and the text shard of a
 * result follow from its number alone, without a table that would grow with the library.
 */
export const SLOTS_PER_SHARD = 64;
export const SHARDS_PER_PAGE = 256;
const SECTIONS_PER_PAGE = SLOTS_PER_SHARD * SHARDS_PER_PAGE;
export const sectionNumber = (page: number, shard: number, slot: number) =>
  page * SECTIONS_PER_PAGE + shard * SLOTS_PER_SHARD + slot;
export const pageOf = (section: number) => Math.floor(section / SECTIONS_PER_PAGE);
/** The text shard of a section: the same number for every section of one shard. */
export const shardOf = (section: number) => Math.floor(section / SLOTS_PER_SHARD);

/**
 * A token is one, two or three adjacent characters of normalized text (text.ts), as a number:
 * the code point; first × 0x110000 + second (above every code point); or, for three characters of
 * the Basic Multilingual Plane, 2⁴⁸ + first × 2³² + second × 2¹⁶ + third (above every pair). Three
 * characters of which one lies outside it (rare CJK extensions) are no token: a term holding one is
 * looked up by its pairs.
 */
export const LONGEST_TOKEN = 3;
const CODE_POINTS = 0x110000;
const BMP = 0x10000;
const TRIGRAMS = 2 ** 48;
export function tokenOf(cps: readonly number[], at: number, length: number): number | undefined {
  if (at + length > cps.length) return undefined;
  if (length === 1) return cps[at];
  if (length === 2) return cps[at] * CODE_POINTS + cps[at + 1];
  const [a, b, c] = [cps[at], cps[at + 1], cps[at + 2]];
  return a < BMP && b < BMP && c < BMP ? TRIGRAMS + a * BMP * BMP + b * BMP + c : undefined;
}

/** The bucket of a token: FNV-1a over the bytes of its number, so the build and the browser agree. */
export function bucketOf(token: number, buckets: number): number {
  let h = 0x811c9dc5;
  for (let rest = token; rest > 0; rest = Math.floor(rest / 256)) {
    h ^= rest % 256;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

// ── Bytes ───────────────────────────────────────────────────────────────────────────────────────

/** A growing byte buffer of unsigned LEB128 varints. */
export class ByteWriter {
  bytes = new Uint8Array(64);
  length = 0;
  uint(n: number): void {
    if (this.length + 10 > this.bytes.length) this.grow(10);
    const b = this.bytes;
    let at = this.length;
    for (; n > 0x7fffffff; n = Math.floor(n / 0x80)) b[at++] = (n % 0x80) | 0x80;
    for (; n > 0x7f; n >>>= 7) b[at++] = (n & 0x7f) | 0x80;
    b[at++] = n;
    this.length = at;
  }
  private grow(needed: number): void {
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  append(b: Uint8Array): void {
    if (this.length + b.length > this.bytes.length) this.grow(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }
  byte(n: number): void {
    if (this.length + 1 > this.bytes.length) this.grow(1);
    this.bytes[this.length++] = n;
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; a read past the end is a corrupt file. */
export class ByteReader {
  readonly bytes: Uint8Array;
  readonly end: number;
  at: number;
  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
  }
  get done(): boolean {
    return this.at >= this.end;
  }
  byte(): number {
    if (this.at >= this.end) throw new RangeError('truncated index data');
    return this.bytes[this.at++];
  }
  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.end) throw new RangeError('truncated index data');
      const b = this.bytes[this.at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }
}

// ── Posting lists ───────────────────────────────────────────────────────────────────────────────

/**
 * Where a token occurs in one section: `own` times starting in the section's own text, `tail`
 * times starting in the text that follows it (a match may run on into the next sections), whether
 * the section's heading (a page head's: the page title) holds it, and `positions`: bit i set when
 * an occurrence starts at a character offset ≡ i (mod 8) — a term's pairs can only be adjacent
 * where these line up (all bits set when the list does not carry them).
 */
export interface Posting {
  section: number;
  own: number;
  tail: number;
  heading: boolean;
  positions: number;
}
export const POSITION_BITS = 8;
export const ALL_POSITIONS = (1 << POSITION_BITS) - 1;

/**
 * A token's postings, in increasing section order: gap, then own × 4 + heading × 2 + (tail > 0),
 * then tail if any, then (in lists that carry them) the position bits as one byte.
 */
export function writePosting(
  w: ByteWriter,
  previous: number,
  section: number,
  own: number,
  tail: number,
  heading: boolean,
  positions?: number,
): void {
  w.uint(section - previous);
  w.uint(own * 4 + (heading ? 2 : 0) + (tail > 0 ? 1 : 0));
  if (tail > 0) w.uint(tail);
  if (positions !== undefined) w.byte(positions);
}

export function readPostings(bytes: Uint8Array, withPositions: boolean): Posting[] {
  const r = new ByteReader(bytes);
  const out: Posting[] = [];
  let section = -1;
  while (!r.done) {
    section += r.uint();
    const flags = r.uint();
    const tail = flags & 1 ? r.uint() : 0;
    const positions = withPositions ? r.byte() : ALL_POSITIONS;
    out.push({ section, own: Math.floor(flags / 4), tail, heading: (flags & 2) !== 0, positions });
  }
  return out;
}

/**
 * One token as its bucket describes it: how many sections hold it, and where its postings are.
 * Postings kept in the bucket (rare tokens) carry their position bits; a list file does not.
 */
export interface TokenEntry {
  sections: number;
  /** The postings when they are in the bucket itself. */
  inline?: Uint8Array;
  /** Else the number of their list file. */
  list?: number;
}

/**
 * A bucket: count, then per token (token, sections, byte length, list file + 1 or 0 when inline),
 * then the inline posting bytes in the same order.
 */
export function writeBucket(
  tokens: { token: number; sections: number; postings: Uint8Array; list?: number }[],
) {
  const w = new ByteWriter();
  w.uint(tokens.length);
  for (const t of tokens) {
    w.uint(t.token);
    w.uint(t.sections);
    w.uint(t.list === undefined ? t.postings.length : 0);
    w.uint(t.list === undefined ? 0 : t.list + 1);
  }
  for (const t of tokens) if (t.list === undefined) w.append(t.postings);
  return w.result();
}

export function readBucket(bytes: Uint8Array): Map<number, TokenEntry> {
  const r = new ByteReader(bytes);
  const n = r.uint();
  const heads = Array.from({ length: n }, () => ({
    token: r.uint(),
    sections: r.uint(),
    length: r.uint(),
    list: r.uint(),
  }));
  const out = new Map<number, TokenEntry>();
  let at = r.at;
  for (const h of heads) {
    if (h.list) out.set(h.token, { sections: h.sections, list: h.list - 1 });
    else {
      if (at + h.length > bytes.length) throw new RangeError('truncated index bucket');
      out.set(h.token, { sections: h.sections, inline: bytes.subarray(at, at + h.length) });
      at += h.length;
    }
  }
  return out;
}
