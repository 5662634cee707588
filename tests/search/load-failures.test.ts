/**
 * Faults on the server, in Node: a copy of the built index with files removed or damaged, searched
 * with the search page's own engine (built-index.ts). A missing or corrupt text shard fails only
 * the candidates it holds, and says which file; a missing index file fails the search, saying so.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { SearchResult } from '../../src/lib/search/core.ts';
import type { ShardEntry } from '../../src/lib/search/section-text.ts';
import { TEXT_DIR, TEXT_EXT } from '../../src/lib/search/text.ts';
import { distDir } from '../support/serve-dist.ts';
import { openBuiltIndex } from './built-index.ts';

const copies: string[] = [];
/** dist/'s index files in a fresh directory, changed by `damage`. */
function damagedCopy(damage: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-faults-'));
  copies.push(dir);
  for (const sub of ['pagefind', TEXT_DIR]) cpSync(join(distDir, sub), join(dir, sub), { recursive: true });
  damage(dir);
  return dir;
}
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const shardCount = readdirSync(join(distDir, TEXT_DIR)).filter((f) => f.endsWith(TEXT_EXT)).length;
const intact = openBuiltIndex();
/** Queries whose results come from several shards: the broken shard holds some, not all. */
const QUERIES = ['发展', '创新', '建设', '十四五', '专精特新', '数字经济', '共同富裕'];

/** The shard of a result's section: the shard entry of its page whose blocks hold the linked block. */
function shardOf(r: SearchResult, entries: Map<number, ShardEntry[]>): number {
  for (const [n, list] of entries)
    if (list.some((e) => e.page === r.page && e.blocks.some(([id]) => id === r.block.id))) return n;
  throw new Error(`no shard holds ${r.url}`);
}
const entries = new Map<number, ShardEntry[]>();
for (let n = 0; n < shardCount; n++)
  entries.set(
    n,
    JSON.parse(
      gunzipSync(readFileSync(join(distDir, TEXT_DIR, `${n}${TEXT_EXT}`))).toString('utf8'),
    ) as ShardEntry[],
  );

for (const [fault, damage] of [
  ['missing', (file: string) => rmSync(file)],
  ['corrupt', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 40))],
] as const) {
  test(`a ${fault} text shard fails only the queries that need it, and only its part`, async () => {
    // The shard holding the first result of the first query: a shard that matters.
    const first = (await intact.search(QUERIES[0])).results[0];
    const broken = shardOf(first, entries);
    const dir = damagedCopy((d) => damage(join(d, TEXT_DIR, `${broken}${TEXT_EXT}`)));
    const damaged = openBuiltIndex(dir);
    let partial = 0;
    let silent = 0;
    for (const q of QUERIES) {
      const expected = (await intact.search(q)).results;
      const { results, unavailable } = await damaged.search(q);
      const kept = expected.filter((r) => shardOf(r, entries) !== broken);
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
          unavailable[0].error.url.endsWith(`/${TEXT_DIR}/${broken}${TEXT_EXT}`),
          unavailable[0].error.url,
        );
        assert.ok(unavailable[0].sections >= expected.length - kept.length, q);
      }
      if (!unavailable.length) silent++;
    }
    assert.ok(partial >= 1, `no query touched shard ${broken}`);
    assert.ok(silent >= 1, 'a query that needs nothing from the broken shard is whole and says nothing');
  });
}

test('a missing index file fails the search with a LoadError naming it', async () => {
  for (const [file, failure] of [
    [join('pagefind', 'pagefind-entry.json'), 'missing'],
    [join(TEXT_DIR, 'shards.json'), 'missing'],
  ] as const) {
    const dir = damagedCopy((d) => rmSync(join(d, file)));
    await assert.rejects(
      openBuiltIndex(dir).search('专精特新'),
      (e: Error & { failure?: string; url?: string }) => {
        assert.equal(e.failure, failure, `${file}: ${e}`);
        assert.ok(e.url?.endsWith(file.replaceAll('\\', '/')), `${file}: ${e.url}`);
        return true;
      },
    );
  }
});
