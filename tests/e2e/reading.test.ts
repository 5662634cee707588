/**
 * A reader opens a document page, searches for a Chinese word and lands on the paragraph that
 * holds it; a malformed #fragment leaves the page's scripts working. In a real Chromium against
 * the built site.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { launchBrowser } from '../support/browser.ts';
import { serveDist, type DistServer } from '../support/serve-dist.ts';
import { normalize } from '../../src/lib/search/text.ts';
import { fragmentId } from '../../src/lib/url-part.ts';

let browser: Browser;
let site: DistServer;
let page: Page;

before(async () => {
  site = await serveDist();
  browser = await launchBrowser();
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('reading a document', () => {
  test('the 北仑 government work report opens with its title, parts and glossary', async () => {
    await page.goto(`${site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.locator('h1').innerText(), '政府工作报告');
    assert.match(await page.locator('#s3-4').innerText(), /^四、聚焦高效畅通/);
    assert.equal(await page.locator('.glossary li').count(), 21);
  });
});

describe('searching', () => {
  test('a Chinese word finds the page that contains it, and its link lands on the paragraph holding it', async () => {
    const word = '甬江科创区';
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(word)}`);
    await page.locator('#search-results[aria-busy="false"] li').first().waitFor();
    const href = (await page.locator('#search-results .search-result-link').first().getAttribute('href'))!;
    await page.locator('#search-results .search-result-link').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/docs/'));
    const id = fragmentId(new URL(href, site.url).hash);
    const target = page.locator(`[id="${id}"]`);
    assert.ok(normalize(await target.innerText()).includes(word), `#${id} holds “${word}”`);
    assert.ok(await target.evaluate((el) => el.matches(':target')), `#${id} is the page's target`);
    const mark = page.locator('mark.search-hit-current');
    await mark.waitFor();
    assert.ok(
      await mark.evaluate((m, id) => !!document.getElementById(id)?.contains(m), id),
      'the match is marked there',
    );
    const box = await target.boundingBox();
    assert.ok(box && box.y < page.viewportSize()!.height && box.y + box.height > 0, 'and it is in view');
  });
});

describe('a malformed #fragment', () => {
  for (const hash of ['#%', '#%E4%B8']) {
    test(`${hash}: no script error; copy-link and the "on this page" marker still work`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(`${site.url}/docs/cixi-shisiwu-guihua/${hash}`);
      const cite = tab.locator('#s1-1-p2 > a.cite');
      await cite.click();
      await tab.locator('#s1-1-p2 > a.cite[data-copied="已复制"]').waitFor({ state: 'attached' });
      assert.equal(new URL(tab.url()).hash, '#s1-1-p2');
      await tab.locator('#s2').scrollIntoViewIfNeeded();
      await tab.evaluate(() => window.scrollBy(0, 200));
      await tab.waitForFunction(() => document.querySelector('.page-toc a[aria-current="location"]'));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
