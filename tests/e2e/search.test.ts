/**
 * Exact full-text search in a real Chromium against the built site: header field and shortcuts,
 * /search/?q= with filters, traditional characters, either punctuation width, AND, no result,
 * hostile and over-long queries, index and shard failures, landing on the highlighted match, the
 * highlight on every page, and agreement with a plain substring scan on a few queries (the
 * thousands of generated ones run in Node: tests/search/agreement.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright';
import { readSite } from '../../scripts/search-records.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import { MAX_QUERY_LENGTH } from '../../src/lib/search/query-length.ts';
import { PAGE_SIZE } from '../../src/lib/search/count-message.ts';
import { ENTRY_FILE, INDEX_DIR } from '../../src/lib/search/index-format.ts';
import type { SectionText } from '../../src/lib/search/section-text.ts';
import { fragmentId } from '../../src/lib/url-part.ts';
import { siteInBrowser } from '../support/browser.ts';
import { distDir } from '../support/serve-dist.ts';

const live = siteInBrowser();

/** Ctrl+F folding, written out from its definition: widths, then whitespace, then Latin case. */
const fold = (s: string) => foldWidth(s).replace(/\s+/gu, '').toLowerCase();
/** Every section of the built site (page#anchor) with its folded text, and the section of each block. */
const site = readSite(distDir);
const sections = site.flatMap((p) =>
  p.records.map((r) => ({
    key: `${p.path}#${r.anchor}`,
    page: p.path,
    text: fold(r.blocks.map((b) => b.text).join('')),
    blocks: r.blocks,
  })),
);
const blockSection = new Map<string, string>();
for (const s of sections)
  for (const b of s.blocks)
    if (!blockSection.has(`${s.page}#${b.id}`)) blockSection.set(`${s.page}#${b.id}`, s.key);
/** The section a result link points into (page#anchor). */
function sectionOf(href: string): string {
  const u = new URL(href, 'http://site');
  return blockSection.get(`${u.pathname.replace(/^\/docs\/|\/$/g, '')}#${fragmentId(u.hash)}`) ?? href;
}
/** The first printed passage of the site that matches: a real query for any library. */
function passage(pattern: RegExp): string {
  for (const p of site)
    for (const r of p.records)
      for (const b of r.blocks) {
        const m = pattern.exec(b.text);
        if (m) return m[0];
      }
  throw new Error(`no passage of the built site matches ${pattern}`);
}

async function fresh(): Promise<Page> {
  const ctx = await live.browser.newContext();
  return ctx.newPage();
}

/** Opens /search/ with the given parameters and waits for the complete result list (every "更多结果" followed). */
async function search(page: Page, params: Record<string, string>): Promise<string[]> {
  await page.goto(`${live.site.url}/search/?${new URLSearchParams(params)}`);
  return results(page);
}
const settled = (page: Page) =>
  page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
/** The section links shown, in order (results are grouped by document: #search-results > li is a document). */
const shownHrefs = (page: Page) =>
  page
    .locator('#search-results .search-result > a.search-result-link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
async function results(page: Page): Promise<string[]> {
  await settled(page);
  for (const more = page.locator('#search-more'); await more.isVisible();) {
    await more.click();
    await settled(page);
  }
  return shownHrefs(page);
}
/**
 * Every section a search reaches: the results grouped by document (every "更多结果" followed), and
 * for a document showing only its best sections, all of them ("查看本文档全部", a search narrowed to it).
 */
async function everySection(page: Page, params: Record<string, string>): Promise<string[]> {
  const grouped = await search(page, params);
  const rest = await page
    .locator('#search-results .search-doc-rest:not([hidden])')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const all = new Set(grouped);
  for (const href of rest) {
    await page.goto(new URL(href, live.site.url).href);
    for (const h of await results(page)) all.add(h);
  }
  return [...all];
}

describe('header search', () => {
  test('"/" and Ctrl+K open the field; Enter searches; no search code loads before', async () => {
    const page = await fresh();
    const searchRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/search-index\/|engine|opencc|t2cn/.test(r.url())) searchRequests.push(r.url());
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
    assert.match(await first.locator('.search-doc-meta .search-crumbs').innerText(), /^宁波市/);
    assert.deepEqual(
      [
        ...new Set(
          await first.locator('.search-result').first().locator('.search-excerpt mark').allInnerTexts(),
        ),
      ],
      ['甬江科创区'],
    );
    assert.match(await page.locator('#search-status').innerText(), /甬江科创区/);
    await page.context().close();
  });

  test('filters by district and kind narrow the results and are kept in the URL', async () => {
    const page = await fresh();
    const all = await everySection(page, { q: '十四五' });
    assert.ok(new Set(all.map((h) => h.split('/')[2])).size >= 2, 'unfiltered: several documents');

    const cixi = await everySection(page, { q: '十四五', district: 'cixi', kind: '规划纲要' });
    assert.ok(cixi.length > 0);
    assert.ok(
      cixi.every((h) => h.startsWith('/docs/cixi-shisiwu-guihua/')),
      cixi.join(' '),
    );
    assert.deepEqual(
      cixi.toSorted(),
      all.filter((h) => h.startsWith('/docs/cixi-shisiwu-guihua/')).toSorted(),
    );
    await search(page, { q: '十四五', district: 'cixi', kind: '规划纲要' });
    assert.equal(await page.locator('#search-district').inputValue(), 'cixi');
    assert.equal(await page.locator('#search-kind').inputValue(), '规划纲要');

    // Changing a filter applies once the form is sent, with a new URL.
    await page.locator('#search-district').selectOption('yinzhou');
    await page.locator('.search-filters button[type="submit"]').click();
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
    // Two terms of the site such that some sections hold both and some only the first.
    const han = /^\p{Script=Han}+$/u;
    let pair: { a: string; b: string; onlyA: string[] } | undefined;
    for (const s of sections) {
      for (let i = 0; !pair && i + 4 <= s.text.length; i += 7) {
        const a = s.text.slice(i, i + 4);
        const withA = sections.filter((x) => x.text.includes(a));
        if (!han.test(a) || withA.length < 3) continue;
        for (let j = 0; !pair && j + 2 <= s.text.length; j += 5) {
          const b = s.text.slice(j, j + 2);
          const onlyA = withA.filter((x) => !x.text.includes(b)).map((x) => x.key);
          if (han.test(b) && !a.includes(b) && onlyA.length > 0 && onlyA.length < withA.length)
            pair = { a, b, onlyA };
        }
      }
      if (pair) break;
    }
    assert.ok(pair, 'the site has two such terms');
    const page = await fresh();
    const found = (await search(page, { q: `${pair.a} ${pair.b}` })).map(sectionOf);
    assert.ok(found.length > 0);
    for (const key of found) {
      const text = sections.find((x) => x.key === key)!.text;
      assert.ok(text.includes(pair.a) && text.includes(pair.b), `${key} holds “${pair.a}” and “${pair.b}”`);
    }
    for (const key of pair.onlyA) assert.ok(!found.includes(key), `${key} holds only “${pair.a}”`);
    await page.context().close();
  });

  test('full-width and half-width punctuation find each other; the landing page marks the printed form', async () => {
    const page = await fresh();
    const pairs = [
      passage(/\p{Script=Han}{4}，\p{Script=Han}{3}/u),
      passage(/（[一二三四五六七八九十]+）\p{Script=Han}{2}/u),
      passage(/\p{Script=Han}{3},\p{Script=Han}{3}/u),
    ];
    for (const printed of pairs) {
      const other = [...printed]
        .map((ch) => ({ '，': ',', ',': '，', '（': '(', '）': ')' })[ch] ?? ch)
        .join('');
      const asPrinted = await search(page, { q: printed });
      assert.ok(asPrinted.length > 0, printed);
      assert.deepEqual(await search(page, { q: other }), asPrinted, `${other} finds what ${printed} finds`);
    }
    // Landing from the half-width query: the mark covers the text as printed, full-width commas and all.
    const printed = pairs[0];
    await search(page, { q: printed.replace('，', ',') });
    await page.locator('#search-results .search-result-link').first().click();
    await page.locator('mark.search-hit-current').waitFor();
    assert.equal(await page.locator('mark.search-hit-current').innerText(), printed);
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
    await page.route(`**/${INDEX_DIR}/**`, (route) => route.abort());
    const hrefs = await search(page, { q: '专精特新' });
    assert.deepEqual(hrefs, []);
    assert.match(await page.locator('#search-status').innerText(), /加载失败.*检查网络/);
    assert.equal(await page.locator('#search-results').getAttribute('data-error'), 'index');
    await page.context().close();
  });

  test('an index missing on the server says so, and does not blame the network', async () => {
    for (const [pattern, file] of [
      [`**/${INDEX_DIR}/${ENTRY_FILE}`, `/${INDEX_DIR}/${ENTRY_FILE}`],
      [`**/${INDEX_DIR}/tokens/**`, `/${INDEX_DIR}/tokens/`],
    ]) {
      const page = await fresh();
      await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'not found' }));
      assert.deepEqual(await search(page, { q: '专精特新' }), []);
      const status = await page.locator('#search-status').innerText();
      assert.match(status, /加载失败.*404/, pattern);
      assert.ok(status.includes(file), `${status} names ${file}`);
      assert.doesNotMatch(status, /检查网络/, pattern);
      await page.context().close();
    }
  });

  test('a text shard missing on the server fails only its part: the other results show, with a note', async () => {
    const page = await fresh();
    const all = await everySection(page, { q: '发展' });
    // The shard holding the first result's section, read from the built files.
    const first = new URL(all[0], live.site.url);
    const pagePath = first.pathname.replace(/^\/docs\/|\/$/g, '');
    const textDir = join(distDir, INDEX_DIR, 'text');
    const broken = readdirSync(textDir).find((f) =>
      (JSON.parse(gunzipSync(readFileSync(join(textDir, f))).toString('utf8')) as SectionText[]).some(
        (e) => e.page === pagePath && e.blocks.some(([id]) => id === fragmentId(first.hash)),
      ),
    )!;
    await page.route(`**/${INDEX_DIR}/text/${broken}`, (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    const shown = await everySection(page, { q: '发展' });
    assert.ok(shown.length > 0 && shown.length < all.length, `${shown.length} of ${all.length} shown`);
    assert.ok(shown.every((h) => all.includes(h)));
    assert.ok(!shown.includes(all[0]));
    await search(page, { q: '发展' });
    const note = page.locator('#search-partial');
    assert.ok(await note.isVisible());
    assert.match(
      await note.innerText(),
      new RegExp(`未能加载.*缺少文件 /${INDEX_DIR}/text/${broken.replace('.', '\\.')}`),
    );
    assert.equal(await page.locator('#search-results').getAttribute('data-error'), null);
    await page.context().close();
  });

  test('an over-long ?q= is cut to the cap and says so', async () => {
    const page = await fresh();
    const long = passage(new RegExp(`[^\\s]{${MAX_QUERY_LENGTH + 100}}`, 'u'));
    const hrefs = await search(page, { q: long });
    assert.ok(hrefs.length > 0, 'the first part of a real passage is found');
    assert.match(
      await page.locator('#search-query-cut').innerText(),
      new RegExp(`查询过长.*前 ${MAX_QUERY_LENGTH} 字`),
    );
    assert.equal(await page.locator('#search-q').inputValue(), long.slice(0, MAX_QUERY_LENGTH));
    await page.context().close();
  });

  test('a 10 000-character paste is cut by the form, with a message, and the search still runs', async () => {
    const page = await fresh();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.site.url });
    await page.goto(`${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/`);
    await page.evaluate((text) => navigator.clipboard.writeText(text), '专精特新'.repeat(2500));
    await page.locator('#site-search').focus();
    await page.keyboard.press('Control+V');
    assert.equal((await page.locator('#site-search').inputValue()).length, MAX_QUERY_LENGTH);
    const note = page.locator('.search-cut-note');
    assert.ok(await note.isVisible());
    assert.match(await note.innerText(), new RegExp(`超过 ${MAX_QUERY_LENGTH} 字`));
    const response = page.waitForResponse((r) => r.url().includes('/search/?q='));
    await page.keyboard.press('Enter');
    assert.equal((await response).status(), 200);
    await results(page);
    assert.match(await page.locator('#search-status').innerText(), /没有找到|篇文档/);
    await page.context().close();
  });
});

describe('results a page at a time', () => {
  /** The run of n characters held by the most sections of one document, with that document. */
  function commonest(n: number): { text: string; doc: string; sections: number } {
    const holders = new Map<string, Set<string>>();
    for (const sec of sections)
      for (let i = 0; i + n <= sec.text.length; i++) {
        const piece = sec.text.slice(i, i + n);
        if (!/^\p{Script=Han}+$/u.test(piece)) continue;
        const key = `${sec.page}\n${piece}`;
        if (!holders.has(key)) holders.set(key, new Set());
        holders.get(key)!.add(sec.key);
      }
    const [key, keys] = [...holders].sort((a, b) => b[1].size - a[1].size)[0];
    const [doc, text] = key.split('\n');
    return { text, doc, sections: keys.size };
  }

  test('a document’s sections come a page at a time with the exact count; "更多结果" adds the next, by keyboard too', async () => {
    const { text: q, doc, sections: holding } = commonest(2);
    assert.ok(holding > 2 * PAGE_SIZE, `${q}: ${holding} sections of ${doc}`);
    const page = await fresh();
    await page.goto(`${live.site.url}/search/?${new URLSearchParams({ q, doc })}`);
    await settled(page);
    const shown = () => page.locator('#search-results .search-result').count();
    assert.equal(await shown(), PAGE_SIZE);
    const status = await page.locator('#search-status').innerText();
    assert.match(status, new RegExp(`中的 ${holding} 节，共 \\d+ 处；已显示其中 ${PAGE_SIZE} 节`), status);
    assert.doesNotMatch(status, /至少/);
    // Keyboard: Tab from the last result link reaches the button; Enter shows the next page and
    // moves the focus to its first result.
    await page.locator('#search-results .search-result-link').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results .search-result').length === n,
      2 * PAGE_SIZE,
    );
    await settled(page);
    assert.equal(
      await page.evaluate(() =>
        [...document.querySelectorAll('#search-results .search-result')].indexOf(
          document.activeElement!.closest('li')!,
        ),
      ),
      PAGE_SIZE,
      'the focus is on the first new result',
    );
    const all = await results(page);
    assert.equal(new Set(all.map(sectionOf)).size, holding, 'every section holding it, once');
    assert.ok(!(await page.locator('#search-more').isVisible()), 'no more button once all are shown');
    await page.context().close();
  });

  test('a longer term that has more candidates than a page says "至少" until every one is checked', async () => {
    const { text: q, doc, sections: holding } = commonest(4);
    assert.ok(holding > PAGE_SIZE, `${q}: ${holding} sections of ${doc}`);
    const page = await fresh();
    // Every count the page says, in order (the status is a live region: each one is read out).
    await page.addInitScript(() => {
      const said: [string, string][] = [];
      (window as unknown as { __said: typeof said }).__said = said;
      new MutationObserver(() => {
        const status = document.getElementById('search-status');
        const list = document.getElementById('search-results');
        if (status?.textContent && said.at(-1)?.[0] !== status.textContent)
          said.push([status.textContent, list?.dataset.exact ?? '']);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${live.site.url}/search/?${new URLSearchParams({ q, doc })}`);
    const all = await results(page);
    for (const settle = page.locator('#search-settle'); await settle.isVisible();) {
      await settle.click();
      await page.waitForTimeout(200);
    }
    assert.equal(all.length, holding);
    const said = await page.evaluate(() => (window as unknown as { __said: [string, string][] }).__said);
    const counts = said.filter(([text]) => /节/.test(text));
    assert.ok(
      counts.some(([text]) => /至少 \d+ 节.*尚待核对/.test(text)),
      `a lower bound first: ${counts.map(([t]) => t).join(' | ')}`,
    );
    for (const [text, exact] of counts)
      if (!new RegExp(`中的 ${holding} 节，共`).test(text))
        assert.match(text, /至少|尚待核对/, `only the exact count goes without 至少: ${text} (${exact})`);
    assert.match(counts.at(-1)![0], new RegExp(`中的 ${holding} 节，共`));
    assert.equal(await page.locator('#search-results[data-exact="true"]').count(), 1);
    await page.context().close();
  });
});

describe('landing on a result', () => {
  test('the match is highlighted inside the linked paragraph and scrolled into view', async () => {
    const page = await fresh();
    await search(page, { q: '专精特新' });
    const href = (await page.locator('#search-results .search-result-link').first().getAttribute('href'))!;
    await page.locator('#search-results .search-result-link').first().click();
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

  test('a malformed #fragment does not stop the highlight', async () => {
    const page = await fresh();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/?highlight=${encodeURIComponent('北仑')}#%`,
    );
    const current = page.locator('mark.search-hit-current');
    await current.waitFor();
    assert.equal(await current.innerText(), '北仑');
    const box = await current.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < page.viewportSize()!.height, 'scrolled into view');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('every page marks ?highlight=, whatever its header (home and search have no header field)', async () => {
    const page = await fresh();
    for (const path of [
      '/',
      '/search/',
      '/district/beilun/',
      '/docs/beilun-2022-zhengfu-gongzuo-baogao/',
      '/404.html',
    ]) {
      await page.goto(`${live.site.url}${path}`);
      // The first words of the page's text (outside what the page marks as not its text).
      const needle = await page.evaluate(() => {
        const root = document.querySelector('[data-search-body]') ?? document.querySelector('main')!;
        const first = [...root.querySelectorAll('h1, p, li')].find(
          (el) => !el.closest('[data-search-ignore]') && el.textContent!.trim(),
        )!;
        return first.textContent!.replace(/\s+/gu, '').slice(0, 4);
      });
      await page.goto(`${live.site.url}${path}?highlight=${encodeURIComponent(needle)}`);
      await page
        .locator('mark.search-hit')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => {});
      assert.ok((await page.locator('mark.search-hit').count()) > 0, `${path}: “${needle}” marked`);
      assert.equal(fold(await page.locator('mark.search-hit').first().innerText()), fold(needle), path);
    }
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
  test('a few queries through the page: same sections as the scan, nothing more', async () => {
    // The thousands of generated queries run in Node (tests/search/agreement.test.ts); here, what
    // only the page shows: one character, digits, Latin in either case, a phrase, either width.
    const queries = [
      '一',
      '2021',
      'TOD',
      'gdp',
      '的重要',
      passage(/\p{Script=Han}{3}，\p{Script=Han}{2}/u).replace('，', ','),
    ];
    const page = await fresh();
    for (const q of queries) {
      const found = new Set((await everySection(page, { q })).map(sectionOf));
      const expected = new Set(sections.filter((s) => s.text.includes(fold(q))).map((s) => s.key));
      assert.deepEqual([...found].sort(), [...expected].sort(), `query ${JSON.stringify(q)}`);
    }
    await page.context().close();
  });
});
