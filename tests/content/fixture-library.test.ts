/**
 * End to end on real texts the seed library does not hold: a library made of content/ and the
 * fixture texts of tests/fixtures/library/ (half-width punctuation, a page extracted as one line,
 * continuation pages, a 建议, a 功能区 with a kind of its own), added as a maintainer adds them
 * (files and YAML, no code change), built as npm run build builds the site, in a temporary
 * directory. Every property of tests/content/checks.ts holds for every document, the figures in
 * tests/fixtures/library/expected/ hold for the fixture texts, and the site's own search (its
 * engine over the built index, in Node) finds their text typed with either punctuation width.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { SearchIndex } from '../../src/lib/search/engine.ts';
import { fixtureDir, fixtureProject } from '../support/fixture-library.ts';
import { openBuiltIndex } from '../search/built-index.ts';
import { libraryChecks } from './checks.ts';
import { expectedFigures } from './expected.ts';

const { library, build } = fixtureProject();
before(build, { timeout: 600_000 });

libraryChecks(library);
expectedFigures(library, join(fixtureDir, 'expected'));

describe(`${library.name}: search finds text as printed and as typed in the other punctuation width`, () => {
  // [as the source prints it, as a reader with (or without) a Chinese input method types it, the page]
  const queries: Array<[string, string, string]> = [
    ['请予审议,并请', '请予审议，并请', 'ningbo-2026-zhengfu-gongzuo-baogao'],
    ['(一)提信心稳增长', '（一）提信心稳增长', 'ningbo-2024-zhengfu-gongzuo-baogao-xu'],
    ['6.7:49.1:44.2', '6.7：49.1：44.2', 'ninghai-shisiwu-guihua'],
    ['各位代表:', '各位代表：', 'xiangshan-2022-zhengfu-gongzuo-baogao'],
    ['各位代表：', '各位代表:', 'beilun-2022-zhengfu-gongzuo-baogao'],
  ];
  let index: SearchIndex;
  before(() => {
    index = openBuiltIndex(library.distDir);
  });
  for (const [printed, typed, page] of queries)
    test(`${typed} finds ${page}`, async () => {
      const pages = async (q: string) => {
        const { results } = await index.search(q);
        const urls: string[] = [];
        while (!results.done) urls.push(...(await results.next(100)).map((r) => r.url));
        return urls.sort();
      };
      const asPrinted = await pages(printed);
      assert.ok(
        asPrinted.some((url) => url.startsWith(`/docs/${page}/`)),
        `${printed} finds /docs/${page}/: ${asPrinted.join(' ')}`,
      );
      assert.deepEqual(await pages(typed), asPrinted, `${typed} finds what ${printed} finds`);
    });
});
