/**
 * The built index (dist/search-index/) says what the built texts hold: for a sample of tokens of
 * every kind (one, two and three characters, across the end of a section too), each section's
 * posting counts exactly the occurrences that start in its own text and in the text that follows,
 * and flags the heading (a page head's: the title) exactly when it holds the token.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  bucketFile,
  bucketOf,
  ENTRY_FILE,
  INDEX_DIR,
  listFile,
  readBucket,
  readPostings,
  tokenOf,
  type IndexEntry,
  type Posting,
} from '../../src/lib/search/index-format.ts';
import type { SectionText } from '../../src/lib/search/section-text.ts';
import { findAll, normalize } from '../../src/lib/search/text.ts';
import { distDir } from '../support/serve-dist.ts';

const dir = join(distDir, INDEX_DIR);
const read = (file: string) => {
  const data = readFileSync(join(dir, file));
  return new Uint8Array(data[0] === 0x1f ? gunzipSync(data) : data);
};
const entry = JSON.parse(readFileSync(join(dir, ENTRY_FILE), 'utf8')) as IndexEntry;
const sections = readdirSync(join(dir, 'text')).flatMap(
  (f) => JSON.parse(new TextDecoder().decode(read(`text/${f}`))) as SectionText[],
);

function postingsOf(token: number): Posting[] {
  const found = readBucket(read(bucketFile(bucketOf(token, entry.buckets)))).get(token);
  if (!found) return [];
  return found.inline ? readPostings(found.inline, true) : readPostings(read(listFile(found.list!)), false);
}

/** Deterministic PRNG (mulberry32), so a failure is reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('every sampled token: the posting of each section counts its own and following occurrences, and its heading', () => {
  assert.equal(entry.sections, sections.length);
  const next = rng(20261201);
  for (let i = 0; i < 400; i++) {
    const s = sections[Math.floor(next() * sections.length)];
    const own = normalize(s.blocks.map(([, t]) => t).join(''));
    const all = Array.from(own + s.tail);
    const length = 1 + Math.floor(next() * 3);
    // Mostly in the section's own text, sometimes at its end or just after.
    const ownLength = Array.from(own).length;
    const at =
      next() < 0.3
        ? Math.max(0, ownLength - 2 + Math.floor(next() * 3))
        : Math.floor(next() * Math.max(1, ownLength - length));
    const piece = all.slice(at, at + length).join('');
    if (Array.from(piece).length !== length) continue;
    const token = tokenOf(
      Array.from(piece, (c) => c.codePointAt(0)!),
      0,
      length,
    );
    if (token === undefined) continue;
    const postings = postingsOf(token);
    for (const other of [s, sections[Math.floor(next() * sections.length)]]) {
      const otherOwn = normalize(other.blocks.map(([, t]) => t).join(''));
      const starts = findAll(otherOwn + other.tail, piece);
      const expected = {
        own: starts.filter((p) => p < otherOwn.length).length,
        tail: starts.filter((p) => p >= otherOwn.length).length,
        heading: normalize(other.heading || other.title).includes(piece),
      };
      const p = postings.find((x) => x.section === other.order);
      const label = `“${piece}” in ${other.url}`;
      if (!expected.own && !expected.tail) assert.equal(p, undefined, label);
      else assert.deepEqual(p && { own: p.own, tail: p.tail, heading: p.heading }, expected, label);
    }
  }
});
