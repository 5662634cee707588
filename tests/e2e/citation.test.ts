/**
 * Citing a passage in a real Chromium: beside each link control, a "引" control copies the passage's
 * GB/T 7714-2015 citation (issuer. title: 文号[EB/OL]. (date)[access date]. URL#id.) to the real
 * clipboard; without SITE_URL the URL is the one the page is read at, and so is the printed 本文网址.
 * The document is any built one with a 文号, a date and the paragraph #s2-1-p3 (facts from its JSON).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import type { ExportedDocument } from '../../scripts/mdx/to-json.ts';
import { pageFiles } from '../../src/lib/downloads.ts';
import { siteInBrowser } from '../support/browser.ts';
import { distDir } from '../support/serve-dist.ts';

const live = siteInBrowser();
const PASSAGE = 's2-1-p3';

const catalog = JSON.parse(
  readFileSync(join(distDir, '..', 'src', 'generated', 'catalog.json'), 'utf8'),
) as Catalog;
const cited = catalog.pages
  .map((p) => JSON.parse(readFileSync(join(distDir, pageFiles(p.path).json), 'utf8')) as ExportedDocument)
  .find(
    (d) =>
      d.metadata.documentNumber && d.metadata.date && d.blocks.some((b) => 'id' in b && b.id === PASSAGE),
  );

/** The reader's calendar day in the browser, as the citation's access date. */
const browserDay = `(() => { const d = new Date(); const two = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()); })()`;

test(`a copied citation of #${PASSAGE} names the issuer, title, 文号, date and the paragraph’s URL`, async () => {
  assert.ok(cited, `some document has a 文号, a date and #${PASSAGE}`);
  const { issuer, title, documentNumber, date, path } = cited.metadata;
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.site.url });
    const page = await context.newPage();
    const pageUrl = `${live.site.url}/docs/${path}/`;
    await page.goto(pageUrl);
    // Without SITE_URL the printed address is the one the page is read at.
    assert.equal(await page.locator('.page-address').innerText(), pageUrl);
    const para = page.locator(`#${PASSAGE}`);
    const button = para.locator('> button.cite-ref');
    assert.equal(await button.getAttribute('aria-label'), '复制本段引文（GB/T 7714）');
    await para.hover();
    const before = (await page.evaluate(browserDay)) as string;
    await button.click();
    const after = (await page.evaluate(browserDay)) as string;
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const expected = (day: string) =>
      `${issuer}. ${title}: ${documentNumber}[EB/OL]. (${date})[${day}]. ${pageUrl}#${PASSAGE}.`;
    assert.ok(copied === expected(before) || copied === expected(after), copied);
    assert.equal(await button.getAttribute('data-copied'), '已复制引文');
    await page.waitForFunction(
      (text) => document.getElementById('live-status')?.textContent === `已复制引文：${text}`,
      copied,
    );
    // A section's control cites the section; a ?highlight= query is not part of the cited address.
    await page.goto(`${pageUrl}?highlight=${encodeURIComponent(title.slice(0, 2))}`);
    const heading = page.locator('#s2-1');
    await heading.hover();
    await heading.locator('> button.cite-ref').click();
    assert.match(
      await page.evaluate(() => navigator.clipboard.readText()),
      new RegExp(`\\. ${RegExp.escape(pageUrl)}#s2-1\\.$`, 'u'),
    );
  } finally {
    await context.close();
  }
});

test('without script there is no citation control (the link control still works)', async () => {
  assert.ok(cited);
  const context = await live.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${live.site.url}/docs/${cited.metadata.path}/`);
    assert.equal(await page.locator('button.cite-ref').count(), 0);
    assert.equal(await page.locator(`#${PASSAGE} > a.cite`).getAttribute('href'), `#${PASSAGE}`);
  } finally {
    await context.close();
  }
});
