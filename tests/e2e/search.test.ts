/**
 * Exact full-text search in a real Chromium against the built site: header field and shortcuts,
 * /search/?q= with filters, traditional characters, no result, hostile queries, index failure,
 * landing on the highlighted match, and agreement with a plain substring scan on sampled queries.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright';
import { readSite } from '../../scripts/search-records.ts';
import { siteInBrowser } from '../support/browser.ts';
import { distDir } from '../support/serve-dist.ts';

const live = siteInBrowser();

async function fresh(): Promise<Page> {
  const ctx = await live.browser.newContext();
  return ctx.newPage();
}

/** Opens /search/ with the given parameters and waits for the complete result list. */
async function search(page: Page, params: Record<string, string>): Promise<string[]> {
  await page.goto(`${live.site.url}/search/?${new URLSearchParams(params)}`);
  return results(page);
}
async function results(page: Page): Promise<string[]> {
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
  return page
    .locator('#search-results > li')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('a[href]')!.getAttribute('href')!));
}

describe('header search', () => {
  test('"/" and Ctrl+K open the field; Enter searches; no search code loads before', async () => {
    const page = await fresh();
    const searchRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/pagefind|opencc|t2cn/.test(r.url())) searchRequests.push(r.url());
    });
    await page.goto(`${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(searchRequests, [], 'a document page loads no search index');

    await page.locator('body').press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
    await page.locator('#site-search').blur();
    await page.keyboard.press('Control+k');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');

    await page.keyboard.type('专精特新');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    assert.equal(new URL(page.url()).searchParams.get('q'), '专精特新');
    const hrefs = await results(page);
    assert.ok(hrefs.length >= 4, `found ${hrefs.length}`);
    assert.equal(await page.locator('#search-q').inputValue(), '专精特新');
    await page.context().close();
  });

  test('on the home and search pages, which have no header field, "/" opens their own field', async () => {
    const page = await fresh();
    for (const [path, id] of [
      ['/', 'home-search'],
      ['/search/?q=%E5%8D%81%E5%9B%9B%E4%BA%94', 'search-q'],
    ]) {
      await page.goto(`${live.site.url}${path}`);
      assert.equal(await page.locator('#site-search').count(), 0, `${path}: one search field, not two`);
      await page.locator('body').press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), id, path);
    }
    await page.context().close();
  });

  test('"/" typed inside a field stays a character', async () => {
    const page = await fresh();
    await page.goto(`${live.site.url}/search/`);
    await page.locator('#search-q').click();
    await page.keyboard.type('a/b');
    assert.equal(await page.locator('#search-q').inputValue(), 'a/b');
    await page.context().close();
  });
});

describe('/search/?q=', () => {
  test('every result holds the exact text, links into the matching paragraph, with breadcrumb and marked excerpt', async () => {
    const page = await fresh();
    const hrefs = await search(page, { q: '甬江科创区' });
    assert.ok(hrefs.length >= 1);
    for (const href of hrefs) assert.match(href, /^\/docs\/[^?#]+\/\?highlight=[^#]+#[\w-]+$/);
    const first = page.locator('#search-results > li').first();
    assert.match(await first.locator('.search-crumbs').innerText(), /^宁波市 › /);
    assert.deepEqual(await first.locator('.search-excerpt mark').allInnerTexts(), ['甬江科创区']);
    assert.match(await page.locator('#search-status').innerText(), /甬江科创区/);
    await page.context().close();
  });

  test('filters by district and kind narrow the results and are kept in the URL', async () => {
    const page = await fresh();
    const all = await search(page, { q: '十四五' });
    assert.ok(new Set(all.map((h) => h.split('/')[2])).size >= 2, 'unfiltered: several documents');

    const cixi = await search(page, { q: '十四五', district: 'cixi', kind: '规划纲要' });
    assert.ok(cixi.length > 0);
    assert.ok(
      cixi.every((h) => h.startsWith('/docs/cixi-shisiwu-guihua/')),
      cixi.join(' '),
    );
    assert.equal(await page.locator('#search-district').inputValue(), 'cixi');
    assert.equal(await page.locator('#search-kind').inputValue(), '规划纲要');
    assert.equal(cixi.length, all.filter((h) => h.startsWith('/docs/cixi-shisiwu-guihua/')).length);

    // Changing a filter searches again with a new URL.
    await page.locator('#search-district').selectOption('yinzhou');
    await page.waitForURL(/district=yinzhou/);
    const yinzhou = await results(page);
    assert.ok(yinzhou.length > 0 && yinzhou.every((h) => h.startsWith('/docs/yinzhou-shisiwu-guihua/')));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), '十四五');
    assert.equal(url.searchParams.get('kind'), '规划纲要');

    const none = await search(page, { q: '十四五', kind: '政府工作报告', district: 'cixi' });
    assert.deepEqual(none, []);
    await page.context().close();
  });

  test('a traditional-character query finds what its simplified form finds', async () => {
    const page = await fresh();
    const simplified = await search(page, { q: '准独角兽' });
    const traditional = await search(page, { q: '準獨角獸' });
    assert.ok(simplified.length > 0);
    assert.deepEqual(traditional, simplified);
    assert.deepEqual(
      await page.locator('#search-results .search-excerpt mark').first().innerText(),
      '准独角兽',
    );
    await page.context().close();
  });

  test('Taiwan and Hong Kong character forms count too (著 for 着, 衞 for 卫)', async () => {
    const page = await fresh();
    for (const [traditional, simplified] of [
      ['著力推', '着力推'],
      ['醫療衞生', '医疗卫生'],
    ]) {
      const expected = await search(page, { q: simplified });
      assert.ok(expected.length > 0, simplified);
      assert.deepEqual(await search(page, { q: traditional }), expected, traditional);
    }
    await page.context().close();
  });

  test('several terms must all occur in the section', async () => {
    const page = await fresh();
    const both = await search(page, { q: '专精特新 小巨人' });
    const one = await search(page, { q: '专精特新' });
    assert.ok(both.length > 0 && both.length <= one.length);
    await page.context().close();
  });

  test('a query found nowhere says so; near misses are listed apart, marked as not exact', async () => {
    const page = await fresh();
    const hrefs = await search(page, { q: '量子计算机' });
    assert.deepEqual(hrefs, []);
    assert.match(await page.locator('#search-status').innerText(), /没有找到/);
    const near = page.locator('#search-near');
    await near.waitFor({ timeout: 15_000 });
    assert.match(await near.locator('h2').innerText(), /不是完全匹配/);
    assert.equal(
      await page.locator('#search-results #search-near, #search-results #search-near-results').count(),
      0,
    );
    await page.context().close();
  });

  test('a query with markup stays text', async () => {
    const page = await fresh();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    const q = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">专精特新';
    await search(page, { q });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('main img, #search-status script, #search-results script').count(), 0);
    assert.match(await page.locator('#search-status').innerText(), /<script>/);
    assert.equal(await page.locator('#search-q').inputValue(), q);
    await page.context().close();
  });

  test('an index that fails to load shows an error, not an empty result', async () => {
    const page = await fresh();
    await page.route('**/pagefind/**', (route) => route.abort());
    const hrefs = await search(page, { q: '专精特新' });
    assert.deepEqual(hrefs, []);
    assert.match(await page.locator('#search-status').innerText(), /加载失败/);
    assert.equal(await page.locator('#search-results').getAttribute('data-error'), 'index');
    await page.context().close();
  });
});

describe('landing on a result', () => {
  test('the match is highlighted inside the linked paragraph and scrolled into view', async () => {
    const page = await fresh();
    await search(page, { q: '专精特新' });
    const href = (await page.locator('#search-results > li a').first().getAttribute('href'))!;
    await page.locator('#search-results > li a').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/docs/'));
    const current = page.locator('mark.search-hit-current');
    await current.waitFor();
    assert.equal(await current.innerText(), '专精特新');
    const id = decodeURIComponent(href.split('#')[1]);
    assert.ok(
      await current.evaluate((m, id) => !!document.getElementById(id)?.contains(m), id),
      'inside the linked paragraph',
    );
    assert.ok(await current.isVisible());
    const box = await current.boundingBox();
    const vh = page.viewportSize()!.height;
    assert.ok(box && box.y >= 0 && box.y < vh, 'in the viewport');
    assert.ok((await page.locator('mark.search-hit').count()) >= 1);
    await page.context().close();
  });

  test('a highlight parameter never injects markup', async () => {
    const page = await fresh();
    await page.goto(
      `${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/?highlight=${encodeURIComponent('<b>x</b> 王程')}#front-p5`,
    );
    await page.locator('mark.search-hit-current').waitFor();
    assert.equal(await page.locator('mark.search-hit-current').textContent(), '王  程');
    assert.equal(await page.locator('.doc-body b').count(), 0);
    await page.context().close();
  });
});

describe('agreement with a plain substring scan', () => {
  /** Sections (page#anchor) whose whitespace-free text contains q, and the block → section map. */
  const pages = readSite(distDir);
  const sections = pages.flatMap((p) =>
    p.records.map((r) => ({
      key: `${p.path}#${r.anchor}`,
      text: r.blocks
        .map((b) => b.text)
        .join('')
        .replace(/\s+/gu, ''),
      blocks: r.blocks.map((b) => b.id),
      page: p.path,
    })),
  );
  const blockSection = new Map<string, string>();
  for (const s of sections)
    for (const b of s.blocks)
      if (!blockSection.has(`${s.page}#${b}`)) blockSection.set(`${s.page}#${b}`, s.key);

  test('sampled unseen queries: same sections as the scan, nothing more', { timeout: 120_000 }, async () => {
    // Deterministic sample: windows of 2–7 characters from every 9th section, plus a few fixed edge cases.
    const queries = ['一', '段', '2021', 'TOD', 'gdp', '的重要'];
    sections.forEach((s, i) => {
      if (i % 9) return;
      const len = 2 + (i % 6);
      const at = Math.floor(((s.text.length - len) * ((i * 37) % 100)) / 100);
      if (at >= 0) queries.push(s.text.slice(at, at + len));
    });
    const page = await fresh();
    for (const q of queries) {
      const hrefs = await search(page, { q });
      const found = new Set(
        hrefs.map((h) => {
          const u = new URL(h, live.site.url);
          return blockSection.get(
            `${u.pathname.replace(/^\/docs\/|\/$/g, '')}#${decodeURIComponent(u.hash.slice(1))}`,
          );
        }),
      );
      const needle = q.toLowerCase();
      const expected = new Set(
        sections.filter((s) => s.text.toLowerCase().includes(needle)).map((s) => s.key),
      );
      assert.deepEqual([...found].sort(), [...expected].sort(), `query ${JSON.stringify(q)}`);
    }
    await page.context().close();
  });
});
