/**
 * The exact search agrees with a plain substring scan, on thousands of generated queries, in Node:
 * the search page's own engine over the real built index (tests/search/built-index.ts) against
 * Ctrl+F over the section texts cut from the built pages (scripts/search-records.ts).
 *
 * The scan: a section holds a term when an occurrence of it starts in the section's text (it may
 * run on into the next section), after removing whitespace and folding widths and Latin case.
 * A query of several terms needs them all in one section; a filter keeps the pages the district
 * and kind pages list (and a year, a document's date). Every query: the same sections, the same number of hits in each, a link to
 * the block where the first hit starts, and marks on text that reads as the query; results read page
 * by page (as the page's "更多结果" does) come best first, and the count is honest (checkCount).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import { readSite } from '../../scripts/search-records.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import { byRank, type ResultCount, type SearchResult } from '../../src/lib/search/core.ts';
import { PAGE_SIZE, PER_DOCUMENT } from '../../src/lib/search/count-message.ts';
import type { SearchFilters } from '../../src/lib/search/engine.ts';
import { highlightNeedles } from '../../src/lib/search/highlight-param.ts';
import { MAX_QUERY_LENGTH } from '../../src/lib/search/query-length.ts';
import { yearOf } from '../../src/lib/navigation.ts';
import { fragmentId } from '../../src/lib/url-part.ts';
import { distDir } from '../support/serve-dist.ts';
import { openBuiltIndex } from './built-index.ts';

/** Ctrl+F folding, written out from its definition: widths, then whitespace, then Latin case. */
const fold = (s: string) => foldWidth(s).replace(/\s+/gu, '').toLowerCase();

/** Deterministic PRNG (mulberry32), so a failure is reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Section {
  key: string; // page#anchor
  page: string;
  text: string; // folded
  start: number; // offset in the page's folded text
  firstBlockAt: Map<number, string>; // folded offset where a block starts → block id
}
const catalog = JSON.parse(
  readFileSync(join(distDir, '..', 'src', 'generated', 'catalog.json'), 'utf8'),
) as Catalog;
const pages = readSite(distDir).map((p) => {
  let text = '';
  const sections: Section[] = p.records.map((r) => {
    const firstBlockAt = new Map<number, string>();
    const start = text.length;
    for (const b of r.blocks) {
      if (!firstBlockAt.has(text.length - start)) firstBlockAt.set(text.length - start, b.id);
      text += fold(b.text);
    }
    return { key: `${p.path}#${r.anchor}`, page: p.path, text: text.slice(start), start, firstBlockAt };
  });
  return { path: p.path, text, sections };
});
/** Which section (key) each block id of a page belongs to: a result links to a block. */
const sectionOfBlock = new Map<string, string>();
for (const p of readSite(distDir))
  for (const r of p.records)
    for (const b of r.blocks)
      if (!sectionOfBlock.has(`${p.path}#${b.id}`))
        sectionOfBlock.set(`${p.path}#${b.id}`, `${p.path}#${r.anchor}`);

interface Expected {
  hits: number; // occurrences of every term starting in the section
  firstBlock: string; // the block where the first one starts
}
/** The scan: sections holding every term, with their hit counts and first-hit block. */
function scan(terms: string[], filters: SearchFilters): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const page of pages) {
    const cat = catalog.pages.find((c) => c.path === page.path)!;
    if (filters.district && cat.district !== filters.district && !cat.mentions?.includes(filters.district))
      continue;
    if (filters.kind && cat.kind !== filters.kind) continue;
    if (filters.year && yearOf(cat) !== filters.year) continue;
    // Per section: where each term starts in it.
    const starts = page.sections.map(() => terms.map(() => [] as number[]));
    for (const [t, term] of terms.entries()) {
      for (let at = page.text.indexOf(term); at !== -1; at = page.text.indexOf(term, at + 1)) {
        const k = page.sections.findLastIndex((s) => s.start <= at);
        starts[k][t].push(at - page.sections[k].start);
      }
    }
    for (const [k, s] of page.sections.entries()) {
      if (starts[k].some((at) => !at.length)) continue;
      const all = starts[k].flat();
      const first = Math.min(...all);
      const blockStart = Math.max(...[...s.firstBlockAt.keys()].filter((o) => o <= first));
      out.set(s.key, { hits: all.length, firstBlock: s.firstBlockAt.get(blockStart)! });
    }
  }
  return out;
}

const FULL_QUOTES: Record<string, string[]> = { '"': ['“', '”'], "'": ['‘', '’'] };
/** The query as a reader might type it: each character in either width, Latin in either case. */
function retype(term: string, next: () => number): string {
  return Array.from(term, (ch) => {
    if (next() < 0.5) return ch;
    if (FULL_QUOTES[ch]) return FULL_QUOTES[ch][Math.floor(next() * 2)];
    const code = ch.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e)
      return String.fromCharCode(code + 0xfee0).replace(/[ａ-ｚ]/u, (c) =>
        next() < 0.5 ? c.toUpperCase() : c,
      );
    return ch;
  }).join('');
}

/**
 * A piece of a page's text, 1 to maxLength characters; `across`: running on from one section into
 * the next ones. Few of one character: each costs Pagefind a prefix scan (~20 ms).
 */
function window(next: () => number, across: boolean, maxLength = 10): string {
  const page = pages[Math.floor(next() * pages.length)];
  const len = next() < 0.04 ? 1 : 2 + Math.floor(next() * (maxLength - 1));
  let at: number;
  if (across && page.sections.length > 1) {
    // Start in the last characters of a section, run on into the next one.
    const s = page.sections[1 + Math.floor(next() * (page.sections.length - 1))];
    at = Math.max(0, s.start - 1 - Math.floor(next() * (len - 1)));
  } else {
    const s = page.sections[Math.floor(next() * page.sections.length)];
    at = s.start + Math.floor(next() * Math.max(1, s.text.length - len));
  }
  return Array.from(page.text.slice(at, at + len * 2))
    .slice(0, len)
    .join('');
}

function checkResults(query: string, terms: string[], filters: SearchFilters, results: SearchResult[]) {
  const label = `query ${JSON.stringify(query)} ${JSON.stringify(filters)}`;
  const expected = scan(terms, filters);
  const found = new Map<string, SearchResult>();
  for (const r of results) {
    const url = new URL(r.url, 'http://site');
    const page = url.pathname.replace(/^\/docs\/|\/$/gu, '');
    const key = sectionOfBlock.get(`${page}#${fragmentId(url.hash)}`);
    assert.ok(key, `${label}: ${r.url} links to no block`);
    assert.ok(!found.has(key), `${label}: ${key} twice`);
    found.set(key, r);
  }
  assert.deepEqual([...found.keys()].sort(), [...expected.keys()].sort(), label);
  for (const [key, r] of found) {
    const want = expected.get(key)!;
    assert.equal(r.count, want.hits, `${label}: hits in ${key}`);
    assert.equal(r.block.id, want.firstBlock, `${label}: block of the first hit in ${key}`);
    assert.equal(fragmentId(new URL(r.url, 'http://site').hash), r.block.id, label);
    assert.deepEqual(
      highlightNeedles(new URL(r.url, 'http://site').search).sort(),
      [...new Set(terms)].sort(),
      label,
    );
    assert.ok(r.block.hits.length > 0, `${label}: no mark in ${key}`);
    for (const h of r.block.hits) {
      const marked = fold(r.block.text.slice(h.start, h.end));
      assert.ok(
        terms.some((t) => marked && t.startsWith(marked)),
        `${label}: marked “${r.block.text.slice(h.start, h.end)}”`,
      );
    }
  }
}

/**
 * Results come best first, and the count is honest: exact once every page is read, and before
 * that either exact (the index decides terms of up to three characters) or a lower bound.
 */
function checkCount(query: string, before: ResultCount, after: ResultCount, results: SearchResult[]) {
  for (let i = 1; i < results.length; i++)
    assert.ok(byRank(results[i - 1], results[i]) < 0, `query ${JSON.stringify(query)}: rank order at ${i}`);
  const truth = {
    sections: results.length,
    exact: true,
    unchecked: 0,
    pages: new Set(results.map((r) => r.page)).size,
    hits: results.reduce((n, r) => n + r.count, 0),
  };
  assert.deepEqual(after, truth, `query ${JSON.stringify(query)}: the count once all is read`);
  if (before.exact) assert.deepEqual(before, truth, `query ${JSON.stringify(query)}: exact from the start`);
  else {
    assert.ok(before.sections <= truth.sections, `query ${JSON.stringify(query)}: a lower bound`);
    assert.ok(
      before.sections + before.unchecked >= truth.sections,
      `query ${JSON.stringify(query)}: unchecked`,
    );
  }
}

/**
 * Grouped by document (the search page's order): the documents in the rank of their best section,
 * each with its best PER_DOCUMENT sections, read page by page; each document's count, once settled,
 * is what the results hold; narrowed to one document, all of its sections.
 */
async function checkGrouped(query: string, filters: SearchFilters, ranked: SearchResult[]) {
  const label = `query ${JSON.stringify(query)} ${JSON.stringify(filters)}, grouped`;
  const byDocument = Map.groupBy(ranked, (r) => r.page);
  const run = await search.search(query, filters, { perDocument: PER_DOCUMENT });
  const got: SearchResult[] = [];
  while (!run.results.done) got.push(...(await run.results.next(PAGE_SIZE)));
  assert.deepEqual(
    got.map((r) => r.url),
    [...byDocument.values()].flatMap((rs) => rs.slice(0, PER_DOCUMENT)).map((r) => r.url),
    label,
  );
  await run.results.settle(Infinity);
  const counts = run.results.byPage();
  for (const rs of byDocument.values()) {
    const page = run.pages.paths.indexOf(rs[0].page);
    assert.deepEqual(
      counts.get(page),
      { sections: rs.length, hits: rs.reduce((n, r) => n + r.count, 0), unchecked: 0 },
      `${label}: ${rs[0].page}`,
    );
  }
  const [first] = byDocument.keys();
  if (first === undefined) return;
  const one = await search.search(query, { ...filters, doc: first }, { perDocument: Infinity });
  const inDocument: SearchResult[] = [];
  while (!one.results.done) inDocument.push(...(await one.results.next(PAGE_SIZE)));
  assert.deepEqual(
    inDocument.map((r) => r.url),
    byDocument.get(first)!.map((r) => r.url),
    `${label}: narrowed to ${first}`,
  );
}

const search = openBuiltIndex();
const districts = [...new Set(catalog.pages.flatMap((p) => [p.district, ...(p.mentions ?? [])]))];
const kinds = [...new Set(catalog.pages.map((p) => p.kind))];
const years = [...new Set(catalog.pages.map(yearOf))];

test(
  'generated queries: the same sections, hits, links and marks as a substring scan',
  { timeout: 300_000 },
  async () => {
    const next = rng(20260517);
    let withResults = 0;
    const QUERIES = 2000;
    for (let i = 0; i < QUERIES; i++) {
      const roll = next();
      let terms: string[];
      if (roll < 0.6) terms = [window(next, false)];
      else if (roll < 0.7) terms = [window(next, true)];
      else if (roll < 0.75) terms = [window(next, next() < 0.5, MAX_QUERY_LENGTH)];
      else if (roll < 0.85)
        terms = [Array.from(window(next, false)).reverse().join('')]; // mostly found nowhere
      else terms = [window(next, false), window(next, false)];
      terms = [...new Set(terms.filter(Boolean))];
      if (!terms.length) continue;
      const filters: SearchFilters = {};
      if (next() < 0.2) filters.district = districts[Math.floor(next() * districts.length)];
      if (next() < 0.1) filters.kind = kinds[Math.floor(next() * kinds.length)];
      if (next() < 0.1) filters.year = years[Math.floor(next() * years.length)];
      const query = terms.map((t) => retype(t, next)).join(' ');
      const run = await search.search(query, filters);
      const before = run.results.count();
      const results: SearchResult[] = [];
      while (!run.results.done) results.push(...(await run.results.next(PAGE_SIZE)));
      assert.deepEqual(run.unavailable(), []);
      checkResults(query, terms, filters, results);
      checkCount(query, before, run.results.count(), results);
      if (results.length) withResults++;
      if (i % 5 === 0) await checkGrouped(query, filters, results);
    }
    assert.ok(withResults > QUERIES / 2, `only ${withResults} of ${QUERIES} queries found something`);
  },
);
