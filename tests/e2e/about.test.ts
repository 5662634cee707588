/**
 * 关于本站 in a real Chromium: reached from every page by its footer link (shown, on a phone too),
 * and the 网站地图 it sits beside is a page a reader can read, not raw XML.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteInBrowser } from '../support/browser.ts';
import { builtPages } from '../support/dist-html.ts';

const live = siteInBrowser();
const urls = builtPages().map((p) => p.url);

test(
  'every page links to 关于本站, which says the site is no official publication',
  { timeout: 180_000 },
  async () => {
    const context = await live.browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true });
    try {
      const page = await context.newPage();
      for (const url of urls) {
        await page.goto(live.site.url + url);
        const link = page.locator('footer.site-footer a', { hasText: '关于本站' });
        assert.equal(await link.count(), 1, `${url}: one 关于本站 link`);
        assert.ok(await link.isVisible(), `${url}: the link is shown`);
        assert.equal(
          await link.evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname),
          '/about/',
          url,
        );
      }
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      await page.locator('footer.site-footer a', { hasText: '关于本站' }).click();
      await page.waitForURL('**/about/');
      assert.equal(await page.locator('h1').innerText(), '关于本站');
      assert.match(await page.locator('main').innerText(), /不是官方出版物/);
    } finally {
      await context.close();
    }
  },
);

test('网站地图 is an HTML page listing the documents', async () => {
  const page = await live.browser.newPage();
  try {
    await page.goto(`${live.site.url}/`);
    await page.locator('footer.site-footer a', { hasText: '网站地图' }).click();
    await page.waitForURL('**/sitemap/');
    assert.equal(await page.evaluate(() => document.contentType), 'text/html');
    assert.equal(await page.locator('h1').innerText(), '网站地图');
    const docs = urls.filter((u) => u.startsWith('/docs/'));
    const linked = await page
      .locator('main a[href^="/docs/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(linked.toSorted(), docs.toSorted());
  } finally {
    await page.close();
  }
});
