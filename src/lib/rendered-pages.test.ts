import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

// The module reads Astro's cache directory from the environment when it is loaded.
const cache = mkdtempSync(join(tmpdir(), 'rendered-pages-'));
process.env.SITE_CACHE_DIR = cache;
const { readRenderedPage, removeOtherRenderedPages, writeRenderedPage } = await import('./rendered-pages.ts');
after(() => rmSync(cache, { recursive: true, force: true }));

test('a page reads the HTML rendered from its own version; other versions and removed pages are cleared', () => {
  writeRenderedPage('jingcai-pianzhang/beilun', 'd1', '<p>旧</p>');
  writeRenderedPage('jingcai-pianzhang/beilun', 'd2', '<p>新</p>');
  writeRenderedPage('removed', 'd3', '<p>删</p>');
  assert.equal(readRenderedPage('jingcai-pianzhang/beilun', 'd2'), '<p>新</p>');
  removeOtherRenderedPages([{ id: 'jingcai-pianzhang/beilun', digest: 'd2' }]);
  const left = readdirSync(join(cache, 'document-html'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.html'),
  );
  assert.deepEqual(left, ['jingcai-pianzhang/beilun.d2.html']);
  assert.throws(
    () => readRenderedPage('removed', 'd3'),
    /"removed" was not rendered at content sync; build again/u,
  );
});
