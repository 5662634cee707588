/** A reader opens a document page and searches for a Chinese word, in a real Chromium against the built site. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { launchBrowser } from '../support/browser.ts';
import { serveDist, type DistServer } from '../support/serve-dist.ts';

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
  test('a Chinese word finds the page that contains it', async () => {
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('甬江科创区')}`);
    await page.locator('#search-results[aria-busy="false"] li').first().waitFor();
    const first = await page.locator('#search-results li a').first().getAttribute('href');
    assert.ok(first, 'first result has a link');
  });
});
