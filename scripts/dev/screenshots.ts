/**
 * Screenshots of the built site for a visual check: home, a district page and a document page,
 * at desktop (1280) and phone (375) widths, light and dark, into screenshots/ (gitignored); and the
 * README's, into screenshots/readme/ (committed): search results, a table on a phone, and a printed
 * section (the PDF Chromium prints after 打印本节, its first page rendered by pdf.js in Chromium).
 * Usage: npm run build && npm run screenshots [-- --full]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright';
import { serveSite } from '../serve-site.ts';
import { launchBrowser } from './chromium.ts';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, 'screenshots');
const readmeOut = join(out, 'readme');
const fullPage = process.argv.includes('--full');
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'district-beilun', path: '/district/beilun/' },
  { name: 'doc-cixi', path: '/docs/cixi-shisiwu-guihua/' },
  { name: 'doc-cixi-deeplink', path: '/docs/cixi-shisiwu-guihua/#s2-1-p2' },
  { name: 'doc-beilun-glossary', path: '/docs/beilun-2022-zhengfu-gongzuo-baogao/#g1' },
];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 800 },
];

/** The README's pictures: what a reader of each kind sees first. */
async function readmeShots(browser: Browser, siteUrl: string): Promise<void> {
  mkdirSync(readmeOut, { recursive: true });
  const shot = (name: string) => {
    const file = join(readmeOut, `${name}.png`);
    console.log(file);
    return file;
  };
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const search = await desktop.newPage();
  await search.goto(`${siteUrl}/search/?q=${encodeURIComponent('数字经济')}`);
  await search.waitForSelector('#search-results[aria-busy="false"] li');
  await search.screenshot({ path: shot('search-results') });

  const phone = await browser.newContext({
    viewport: { width: 375, height: 800 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    colorScheme: 'light',
  });
  const table = await phone.newPage();
  await table.goto(`${siteUrl}/docs/cixi-shisiwu-guihua/`);
  await table.locator('#s1-5-t1').evaluate((figure) => figure.scrollIntoView());
  // Scrolled sideways and down inside the table: the header row and the row names stay in view.
  await table.locator('#s1-5-t1 .table-scroll').evaluate((box) => box.scrollBy(240, 320));
  await table.waitForTimeout(300);
  await table.screenshot({ path: shot('table-phone') });

  // 打印本节 on a chapter: the dialog cannot open headless, so Chromium prints the page as it stands.
  const doc = await desktop.newPage();
  await doc.goto(`${siteUrl}/docs/cixi-shisiwu-guihua/`);
  await doc.evaluate(() => (window.print = () => {}));
  await doc.locator('#s5 > .print-section').click();
  const pdf = await doc.pdf({
    format: 'A4',
    margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
  });
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const viewer = await desktop.newPage();
  await viewer.route('http://pdf.local/**', (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'section.pdf')
      return route.fulfill({ body: Buffer.from(pdf), contentType: 'application/pdf' });
    if (name.endsWith('.mjs'))
      return route.fulfill({
        body: readFileSync(join(pdfjs, 'build', name)),
        contentType: 'text/javascript',
      });
    return route.fulfill({
      contentType: 'text/html',
      body: '<body style="margin:0;background:#888"><canvas></canvas></body>',
    });
  });
  await viewer.goto('http://pdf.local/');
  await viewer.evaluate(async () => {
    const lib = await import('http://pdf.local/pdf.min.mjs' as string);
    lib.GlobalWorkerOptions.workerSrc = 'http://pdf.local/pdf.worker.min.mjs';
    const document_ = await lib.getDocument('http://pdf.local/section.pdf').promise;
    const sheet = await document_.getPage(1);
    const viewport = sheet.getViewport({ scale: 1.5 });
    const canvas = document.querySelector('canvas')!;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await sheet.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
  });
  await viewer.locator('canvas').screenshot({ path: shot('printed-section') });
  await desktop.close();
  await phone.close();
}

mkdirSync(out, { recursive: true });
const site = await serveSite({ root: join(root, 'dist') });
const browser = await launchBrowser();
try {
  await readmeShots(browser, site.url);
  for (const scheme of ['light', 'dark'] as const) {
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const p of PAGES) {
        await page.goto(site.url + p.path, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        const file = join(out, `${p.name}-${vp.name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(file);
      }
      if (vp.name === 'phone') {
        await page.goto(`${site.url}/docs/cixi-shisiwu-guihua/`);
        await page.locator('.menu-toggle').click();
        const file = join(out, `menu-open-${vp.name}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
