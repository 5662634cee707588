/**
 * Faults on the server, in Node: a copy of the built index with files removed or damaged, searched
 * with the search page's own engine (built-index.ts). A missing or corrupt text shard fails only
 * the results it holds, and says which file; a missing or damaged index file fails the search,
 * saying which.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { SearchResult } from '../../src/lib/search/core.ts';
import type { SearchIndex } from '../../src/lib/search/engine.ts';
import {
  bucketFile,
  bucketOf,
  ENTRY_FILE,
  INDEX_DIR,
  shardOf,
  textFile,
  tokenOf,
} from '../../src/lib/search/index-format.ts';
import { distDir } from '../support/serve-dist.ts';
import { openBuiltIndex } from './built-index.ts';

const copies: string[] = [];
/** dist/'s index in a fresh directory, changed by `damage`. */
function damagedCopy(damage: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-faults-'));
  copies.push(dir);
  cpSync(join(distDir, INDEX_DIR), join(dir, INDEX_DIR), { recursive: true });
  damage(join(dir, INDEX_DIR));
  return dir;
}
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every result of a query, every page read. */
async function allResults(index: SearchIndex, q: string) {
  const run = await index.search(q);
  const results: SearchResult[] = [];
  while (!run.results.done) results.push(...(await run.results.next(20)));
  return { results, unavailable: run.unavailable() };
}

const intact = openBuiltIndex();
/** Queries whose results come from several shards: the broken shard holds some, not all. */
const QUERIES = ['发展', '创新', '建设', '十四五', '专精特新', '数字经济', '共同富裕'];

for (const [fault, damage] of [
  ['missing', (file: string) => rmSync(file)],
  ['corrupt', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 40))],
] as const) {
  test(`a ${fault} text shard fails only the results it holds, and says which file`, async () => {
    // The shard holding the first result of the first query: a shard that matters.
    const first = (await allResults(intact, QUERIES[0])).results[0];
    const broken = shardOf(first.order);
    const damaged = openBuiltIndex(damagedCopy((d) => damage(join(d, textFile(broken)))));
    let partial = 0;
    let silent = 0;
    for (const q of QUERIES) {
      const expected = (await allResults(intact, q)).results;
      const { results, unavailable } = await allResults(damaged, q);
      const kept = expected.filter((r) => shardOf(r.order) !== broken);
      assert.deepEqual(
        results.map((r) => r.url),
        kept.map((r) => r.url),
        `${q}: every result outside shard ${broken}, in order`,
      );
      if (kept.length < expected.length) {
        partial++;
        assert.equal(unavailable.length, 1, q);
        assert.equal(unavailable[0].error.failure, fault, q);
        assert.ok(
          unavailable[0].error.url.endsWith(`/${INDEX_DIR}/${textFile(broken)}`),
          unavailable[0].error.url,
        );
        assert.equal(unavailable[0].sections, expected.length - kept.length, q);
      }
      if (!unavailable.length) silent++;
    }
    assert.ok(partial >= 1, `no query touched shard ${broken}`);
    assert.ok(silent >= 1, 'a query that needs nothing from the broken shard is whole and says nothing');
  });
}

test('a missing or damaged index file fails the search with a LoadError naming it', async () => {
  const entry = JSON.parse(readFileSync(join(distDir, INDEX_DIR, ENTRY_FILE), 'utf8')) as { buckets: number };
  const bucket = bucketFile(
    bucketOf(
      tokenOf(
        Array.from('专精特', (c) => c.codePointAt(0)!),
        0,
        3,
      )!,
      entry.buckets,
    ),
  );
  for (const [file, failure, damage] of [
    [ENTRY_FILE, 'missing', rmSync],
    [ENTRY_FILE, 'corrupt', (f: string) => writeFileSync(f, '<html>')],
    [bucket, 'missing', rmSync],
    [bucket, 'corrupt', (f: string) => writeFileSync(f, readFileSync(f).subarray(0, 40))],
  ] as const) {
    const dir = damagedCopy((d) => damage(join(d, file)));
    await assert.rejects(
      openBuiltIndex(dir)
        .search('专精特新')
        .then(async (run) => run.results.next(20)),
      (e: Error & { failure?: string; url?: string }) => {
        assert.equal(e.failure, failure, `${file}: ${e}`);
        assert.ok(e.url?.endsWith(`/${INDEX_DIR}/${file}`), `${file}: ${e.url}`);
        return true;
      },
    );
  }
});
