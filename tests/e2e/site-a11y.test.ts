/**
 * axe-core scan: no serious or critical violations (WCAG 2.1 A/AA + best practices). Every kind of
 * page (home, district, a district narrowed to a kind, documents, a compilation article, search, 404)
 * in desktop light; dark and
 * phone, which change colours and layout but not the markup, on two representative pages: the
 * longest document (tables, 专栏, notes, the on-this-page list) and the search page (form, filters).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { siteInBrowser } from '../support/browser.ts';

const live = siteInBrowser();

const PAGES = [
  '/',
  '/district/beilun/',
  '/district/cixi/规划纲要/',
  '/docs/beilun-2022-zhengfu-gongzuo-baogao/',
  '/docs/cixi-shisiwu-guihua/',
  '/docs/jingcai-pianzhang/beilun/',
  '/search/',
  '/404.html',
];
const REPRESENTATIVE = ['/docs/cixi-shisiwu-guihua/', '/search/'];
const SETTINGS = [
  {
    name: 'desktop light',
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light' as const,
    pages: PAGES,
  },
  {
    name: 'desktop dark',
    viewport: { width: 1280, height: 900 },
    colorScheme: 'dark' as const,
    pages: REPRESENTATIVE,
  },
  {
    name: 'phone light',
    viewport: { width: 375, height: 800 },
    colorScheme: 'light' as const,
    pages: REPRESENTATIVE,
  },
];

for (const setting of SETTINGS) {
  test(`axe: no serious or critical violations (${setting.name})`, { timeout: 180_000 }, async () => {
    const context = await live.browser.newContext({
      viewport: setting.viewport,
      colorScheme: setting.colorScheme,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      for (const path of setting.pages) {
        await page.goto(live.site.url + path);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        for (const v of results.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          problems.push(
            `${path}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join('\n    ')}`,
          );
        }
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}
