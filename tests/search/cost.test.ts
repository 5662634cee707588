/**
 * What a search fetches, in Node, over the built index (built-index.ts counts the requests): the
 * first page of results reads the texts of the results it shows and no other; a phrase found
 * nowhere reads no text and no posting list; and however many results a query has, no more than
 * FETCHES_AT_ONCE requests are open at once (Chromium fails requests past ~1,370 concurrent ones).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, test } from 'node:test';
import { TOKENS_PER_ROUND } from '../../src/lib/search/core.ts';
import { PAGE_SIZE } from '../../src/lib/search/count-message.ts';
import { FETCHES_AT_ONCE } from '../../src/lib/search/engine.ts';
import { INDEX_DIR, shardOf, textFile } from '../../src/lib/search/index-format.ts';
import { readSite } from '../../scripts/search-records.ts';
import { normalize } from '../../src/lib/search/text.ts';
import { distDir } from '../support/serve-dist.ts';
import { fetched, openBuiltIndex } from './built-index.ts';

const files = (kind: string) =>
  fetched.urls.filter((u) => u.includes(`/${INDEX_DIR}/${kind}/`)).map((u) => u.split(`/${INDEX_DIR}/`)[1]);
beforeEach(() => {
  fetched.urls = [];
  fetched.mostOpen = 0;
});

/** The most frequent character of the site's text: the query with the most results. */
const site = readSite(distDir);
const counts = new Map<string, number>();
for (const p of site)
  for (const r of p.records)
    for (const ch of normalize(r.blocks.map((b) => b.text).join('')))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
const commonest = [...counts].sort((a, b) => b[1] - a[1])[0][0];

test('the first page reads the texts of the results it shows, and no other', async () => {
  const shards = readdirSync(join(distDir, INDEX_DIR, 'text')).length;
  for (const q of [commonest, '发展', '数字经济']) {
    fetched.urls = [];
    const run = await openBuiltIndex().search(q);
    const shown = await run.results.next(PAGE_SIZE);
    assert.equal(shown.length, PAGE_SIZE, `${q} has more than a page of results`);
    const needed = new Set(shown.map((r) => textFile(shardOf(r.order))));
    assert.deepEqual(new Set(files('text')), needed, `${q}: texts read (of ${shards} shards)`);
  }
});

test('a phrase found nowhere reads no text and no posting list, only the buckets of a round of its tokens', async () => {
  for (const q of ['沙漠治理', '火星基地建设研究', '量子引力']) {
    fetched.urls = [];
    const run = await openBuiltIndex().search(q);
    assert.deepEqual(await run.results.next(PAGE_SIZE), [], q);
    assert.deepEqual([...files('text'), ...files('lists')], [], q);
    assert.ok(files('tokens').length <= TOKENS_PER_ROUND, `${q}: ${files('tokens').join(' ')}`);
  }
});

test(`at most ${FETCHES_AT_ONCE} requests are open at once, whatever the number of results`, async () => {
  const run = await openBuiltIndex().search(commonest);
  let shown = 0;
  while (!run.results.done) shown += (await run.results.next(100)).length;
  assert.ok(shown > 100, `${commonest}: ${shown} results`);
  assert.ok(files('text').length > FETCHES_AT_ONCE, 'many texts read');
  assert.ok(fetched.mostOpen <= FETCHES_AT_ONCE, `${fetched.mostOpen} requests open at once`);
});
