/**
 * The tokenization contract behind the exact search, checked on the built corpus (no browser;
 * the text rules' own tests are beside them, src/lib/search/text.test.ts):
 * for any substring of a section, every Pagefind query derived from it names tokens the section's
 * index entry holds (so Pagefind's candidates are a superset of the true matches).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSite } from '../../scripts/search-records.ts';
import { distDir } from '../support/serve-dist.ts';
import { indexTokens, normalize, pagefindQueries } from '../../src/lib/search/text.ts';

/** Deterministic PRNG (mulberry32), so a failure is reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Does a Pagefind query (space-separated words, prefix-matched) hit this token set? */
function hits(query: string, tokens: string[]): boolean {
  return query.split(' ').every((w) => tokens.some((t) => t.startsWith(w)));
}

describe('tokenization on the built corpus', () => {
  test('every substring of a section retrieves that section (random sample of the built corpus)', () => {
    const site = readSite(distDir);
    const sections = site.flatMap((p) =>
      p.records.map((r) => normalize(r.blocks.map((b) => b.text).join(''))),
    );
    assert.ok(sections.length > 50);
    const next = rng(20261122);
    for (let i = 0; i < 3000; i++) {
      const s = sections[Math.floor(next() * sections.length)];
      const len = 1 + Math.floor(next() * 8);
      const at = Math.floor(next() * Math.max(1, s.length - len));
      const q = s.slice(at, at + len);
      const tokens = indexTokens(s).split(' ');
      for (const pq of pagefindQueries(q)) assert.ok(hits(pq, tokens), `${JSON.stringify(q)} → ${pq}`);
    }
  });
});
