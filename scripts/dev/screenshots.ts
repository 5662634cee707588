/**
 * Screenshots of the built site for a visual check: home, a district page and a document page,
 * at desktop (1280) and phone (375) widths, light and dark, into screenshots/ (gitignored).
 * Usage: npm run build && npm run screenshots [-- --full]
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveSite } from '../serve-site.ts';
import { launchBrowser } from './chromium.ts';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, 'screenshots');
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

mkdirSync(out, { recursive: true });
const site = await serveSite({ root: join(root, 'dist') });
const browser = await launchBrowser();
try {
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
