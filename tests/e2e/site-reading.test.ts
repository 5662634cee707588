/**
 * The reading site in a real Chromium against the built dist/: navigation by district, copying a
 * passage's link, arriving by deep link, the phone menu, no horizontal overflow at 375px, no-script
 * reading and the theme toggle.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright';
import { DESKTOP, siteInBrowser, withPage } from '../support/browser.ts';
import { builtPages } from '../support/dist-html.ts';

const live = siteInBrowser();

const desktop = DESKTOP;
const phone = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };

/** Where an element sits relative to the viewport's top edge. */
const topOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);

describe('navigating by district', () => {
  test('home → district → document → section via the sidebar', async () => {
    await withPage(live, desktop, async (page) => {
      await page.goto(`${live.site.url}/`);
      assert.equal(await page.locator('h1').innerText(), '宁波政策文库');
      await page.locator('.district-card h3 a', { hasText: '北仑区' }).click();
      await page.waitForURL('**/district/beilun/');
      assert.equal(await page.locator('h1').innerText(), '北仑区');
      await page.locator('.doc-list a', { hasText: '政府工作报告' }).click();
      await page.waitForURL('**/docs/beilun-2022-zhengfu-gongzuo-baogao/');
      assert.equal(await page.locator('h1').innerText(), '政府工作报告');
      assert.match(await page.locator('.breadcrumbs').innerText(), /首页\s*北仑区\s*政府工作报告/);
      // The current document is expanded to its chapters in the sidebar.
      const chapter = page.locator('.sidebar .sidebar-chapters a', {
        hasText: '今后五年的奋斗目标和主要任务',
      });
      await chapter.click();
      await page.waitForURL('**/docs/beilun-2022-zhengfu-gongzuo-baogao/#s2');
      assert.equal(await page.locator('#s2').evaluate((el) => el.matches(':target')), true);
      const top = await topOf(page, '#s2');
      assert.ok(top >= 40 && top < 200, `the section is below the sticky header, at ${top}px`);
      // The "on this page" list and the breadcrumbs follow the reader.
      await page.waitForFunction(
        () => document.querySelector('.page-toc a[aria-current="location"]')?.getAttribute('href') === '#s2',
      );
      assert.match(await page.locator('.crumb-chapter').innerText(), /今后五年/);
    });
  });

  test('previous / next stay within the district', async () => {
    await withPage(live, desktop, async (page) => {
      await page.goto(`${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/`);
      // 北仑区 lists its 政府工作报告 before the 理论文章汇编 article (the order of content/vocabularies/kinds.yaml).
      const next = page.locator('.pager a[rel="next"]');
      assert.equal(await next.getAttribute('href'), '/docs/jingcai-pianzhang/beilun/');
      assert.equal(await page.locator('.pager a[rel="prev"]').count(), 0);
    });
  });
});

describe('filtering a district', () => {
  test('a district page narrows to a kind without script, and back to all', async () => {
    await withPage(live, { ...desktop, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${live.site.url}/district/cixi/`);
      const listed = page.locator('main .doc-list > li');
      const all = await listed.count();
      await page.locator('.listing-filters a', { hasText: '规划纲要' }).click();
      await page.waitForURL((url) => decodeURIComponent(url.pathname) === '/district/cixi/规划纲要/');
      const kinds = await page.locator('main .doc-list .doc-info').allInnerTexts();
      assert.ok(kinds.length > 0 && kinds.length < all, `${kinds.length} of ${all} listed`);
      assert.ok(
        kinds.every((info) => info.startsWith('规划纲要')),
        kinds.join(' / '),
      );
      const current = page.locator('.listing-filters a[aria-current="page"]');
      assert.match(await current.first().innerText(), /规划纲要/);
      await page.locator('.listing-filters a', { hasText: '全部' }).first().click();
      await page.waitForURL('**/district/cixi/');
      assert.equal(await listed.count(), all);
    });
  });

  test('the sidebar groups a district by kind, and a group folds without script', async () => {
    await withPage(live, { ...desktop, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      const group = page.locator('#site-nav details', { hasText: '规划纲要' });
      const current = group.locator('a[aria-current="page"]');
      assert.ok(await current.isVisible(), 'the current document is shown in its open group');
      await group.locator('summary').click();
      assert.equal(await current.isVisible(), false, 'the group folds');
    });
  });
});

describe('citing a passage', () => {
  test('the ¶ control appears on hover and focus, and copies the full URL', async () => {
    await withPage(live, desktop, async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.site.url });
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      const para = page.locator('#s1-1-p2');
      const cite = para.locator('> a.cite');
      assert.equal(await cite.getAttribute('href'), '#s1-1-p2');
      assert.equal(await cite.getAttribute('aria-label'), '复制本段链接');
      assert.equal(await cite.evaluate((el) => getComputedStyle(el).opacity), '0');
      // The glyph is drawn, yet it is not part of the paragraph's text (copying the paragraph copies no ¶).
      assert.equal(await cite.evaluate((el) => getComputedStyle(el, '::before').content), '"¶"');
      assert.ok(!(await para.innerText()).includes('¶'));
      await para.hover();
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('#s1-1-p2 > .cite')!).opacity === '1',
      );
      await cite.click();
      const expected = `${live.site.url}/docs/cixi-shisiwu-guihua/#s1-1-p2`;
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
      assert.equal(await cite.getAttribute('data-copied'), '已复制');
      await page.waitForFunction(
        (url) => document.getElementById('live-status')?.textContent === `已复制链接：${url}`,
        expected,
      );
      assert.equal(page.url(), expected);
      // Keyboard focus shows the control too.
      const headingCite = page.locator('#s1-2 > a.cite');
      await headingCite.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('#s1-2 > .cite')!).opacity === '1',
      );
      await page.keyboard.press('Enter');
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        `${live.site.url}/docs/cixi-shisiwu-guihua/#s1-2`,
      );
    });
  });

  test('a deep link lands on its paragraph and highlights it', async () => {
    await withPage(live, desktop, async (page) => {
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/#s2-1-p2`);
      const para = page.locator('#s2-1-p2');
      assert.equal(await para.evaluate((el) => el.matches(':target')), true);
      assert.equal(await para.evaluate((el) => el.classList.contains('is-flash')), true);
      const top = await topOf(page, '#s2-1-p2');
      assert.ok(top >= 40 && top < 200, `the paragraph is just below the sticky header, at ${top}px`);
      const bg = await para.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the target paragraph is highlighted');
      await page.waitForFunction(
        () =>
          document.querySelector('.page-toc a[aria-current="location"]')?.getAttribute('href') === '#s2-1',
      );
    });
  });

  test('a link without the trailing slash reaches the page and its paragraph, as on a real host', async () => {
    await withPage(live, desktop, async (page) => {
      const response = await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua#s2-1-p2`);
      assert.equal(response?.status(), 200);
      assert.equal(page.url(), `${live.site.url}/docs/cixi-shisiwu-guihua/#s2-1-p2`);
      assert.equal(await page.locator('#s2-1-p2').evaluate((el) => el.matches(':target')), true);
    });
  });

  test('a deep link into a folded repeat opens it', async () => {
    await withPage(live, desktop, async (page) => {
      await page.goto(`${live.site.url}/docs/jingcai-pianzhang/haishu/#s15`);
      assert.equal(
        await page.locator('#s15').evaluate((el) => (el.closest('details') as HTMLDetailsElement).open),
        true,
      );
      assert.ok(await page.locator('#s15').isVisible());
    });
  });
});

/** The WCAG contrast ratio of an element's text colour (with its opacity) against the background behind it. */
function controlContrast(el: Element): number {
  const rgba = (css: string) => {
    const [r, g, b, a = 1] = css.match(/[\d.]+/g)!.map(Number);
    return { r, g, b, a };
  };
  let bg = { r: 255, g: 255, b: 255, a: 1 };
  for (let at: Element | null = el; at; at = at.parentElement) {
    const c = rgba(getComputedStyle(at).backgroundColor);
    if (c.a > 0) {
      bg = c;
      break;
    }
  }
  const style = getComputedStyle(el);
  const fg = rgba(style.color);
  const alpha = fg.a * Number(style.opacity);
  const mix = (k: 'r' | 'g' | 'b') => fg[k] * alpha + bg[k] * (1 - alpha);
  const luminance = (c: { r: number; g: number; b: number }) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  };
  const [l1, l2] = [luminance({ r: mix('r'), g: mix('g'), b: mix('b') }), luminance(bg)].sort(
    (a, b) => b - a,
  );
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('controls a reader can find and hit', () => {
  test('a link copied after arriving from a search is the clean address, without ?highlight=', async () => {
    await withPage(live, desktop, async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.site.url });
      const clean = `${live.site.url}/docs/cixi-shisiwu-guihua/`;
      await page.goto(`${clean}?highlight=${encodeURIComponent('十三五')}#s1-1-p2`);
      await page.locator('#s1-1-p2').hover();
      await page.locator('#s1-1-p2 > a.cite').click();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${clean}#s1-1-p2`);
      assert.equal(page.url(), `${clean}#s1-1-p2`, 'the address bar holds the same link');
    });
  });

  for (const [name, options] of [
    ['phone, light', { ...phone, colorScheme: 'light' }],
    ['phone, dark', { ...phone, colorScheme: 'dark' }],
    ['desktop, light, on hover', { ...desktop, colorScheme: 'light' }],
    ['desktop, dark, on hover', { ...desktop, colorScheme: 'dark' }],
  ] as const) {
    test(`¶ / # controls and note numbers: at least 3:1 against the page and 44px targets (${name})`, async () => {
      await withPage(live, options, async (page) => {
        for (const url of ['/docs/beilun-2022-zhengfu-gongzuo-baogao/', '/docs/cixi-shisiwu-guihua/']) {
          await page.goto(live.site.url + url);
          const cites = page.locator('.doc-body a.cite');
          const count = await cites.count();
          assert.ok(count > 50);
          // Passages of each kind: headings, paragraphs, items, tables, boxes.
          for (const selector of ['h2', 'h3', 'p', 'li', 'figure', 'aside']) {
            const id = await page.evaluate(
              (s) => document.querySelector(`.doc-body ${s}[id] > a.cite`)?.parentElement?.id,
              selector,
            );
            if (!id) continue;
            const passage = page.locator(`[id="${id}"]`);
            // The link control, and the citation control beside it.
            for (const control of ['a.cite', 'button.cite-ref']) {
              const cite = passage.locator(`> ${control}`);
              await cite.scrollIntoViewIfNeeded();
              if (!('isMobile' in options)) await passage.hover();
              await page.waitForTimeout(200); // the fade-in
              const ratio = await cite.evaluate(controlContrast);
              assert.ok(ratio >= 3, `${url} ${selector} ${control}: ${ratio.toFixed(2)}:1`);
              const box = (await cite.boundingBox())!;
              assert.ok(
                box.width >= 44 && box.height >= 44,
                `${url} ${selector} ${control}: ${box.width}×${box.height}`,
              );
              // The glyph is drawn by CSS: no text to copy with the passage.
              assert.equal(await cite.innerText(), '');
              assert.match(
                await cite.evaluate((el) => getComputedStyle(el, '::before').content),
                /^"[¶#引]"$/u,
              );
            }
          }
        }
        // A note number: the point 20px from its centre, each way, still opens the note.
        await page.goto(`${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/`);
        const note = page.locator('.note-ref').first();
        await note.scrollIntoViewIfNeeded();
        const hits = await note.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
          return [
            [-20, 0],
            [20, 0],
            [0, -20],
            [0, 20],
          ].map(([dx, dy]) => document.elementFromPoint(x + dx, y + dy)?.closest('.note-ref') === el);
        });
        assert.deepEqual(hits, [true, true, true, true], 'a 44px target around the note number');
        assert.ok((await note.evaluate(controlContrast)) >= 3);
      });
    });
  }

  test('Tab reaches 本页目录 before the passages of the text', async () => {
    await withPage(live, desktop, async (page) => {
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      for (let presses = 1; presses <= 400; presses++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() =>
          document.activeElement?.closest('.page-toc')
            ? 'toc'
            : document.activeElement?.closest('.doc-body')
              ? 'text'
              : '',
        );
        assert.notEqual(where, 'text', `Tab ${presses} reached the text before 本页目录`);
        if (where === 'toc') return;
      }
      assert.fail('400 Tabs never reached 本页目录');
    });
  });
});

describe('on a phone', () => {
  test('the sidebar is a menu that opens and closes from the keyboard', async () => {
    await withPage(live, phone, async (page) => {
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      const button = page.locator('.menu-toggle');
      const nav = page.locator('#site-nav');
      assert.ok(await button.isVisible());
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await button.getAttribute('aria-controls'), 'site-nav');
      assert.equal(await nav.isVisible(), false);
      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'menu-toggle');
      await page.keyboard.press('Enter');
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      assert.ok(await nav.isVisible());
      assert.equal(
        await page.evaluate(() => !!document.activeElement?.closest('#site-nav')),
        true,
        'focus moves into the menu',
      );
      await page.keyboard.press('Escape');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await nav.isVisible(), false);
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        'menu-toggle',
        'focus returns to the button',
      );
      await page.keyboard.press('Space');
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      await nav.locator('a', { hasText: '北仑区' }).click();
      await page.waitForURL('**/district/beilun/');
    });
  });

  test('closing the menu without choosing keeps the reader’s place', async () => {
    await withPage(live, phone, async (page) => {
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      const place = await page.evaluate(() => {
        scrollTo(0, Math.round(document.documentElement.scrollHeight * 0.6));
        return scrollY;
      });
      assert.ok(place > 10_000);
      const button = page.locator('.menu-toggle');
      await button.click();
      assert.ok(await page.locator('#site-nav').isVisible());
      assert.equal(await page.evaluate(() => scrollY), place, 'opening the menu does not move the page');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#site-nav').isVisible(), false);
      assert.equal(await page.evaluate(() => scrollY), place, 'closed by Escape, the page is where it was');
      await button.click();
      await button.click();
      assert.equal(await page.locator('#site-nav').isVisible(), false);
      assert.equal(
        await page.evaluate(() => scrollY),
        place,
        'closed by its button, the page is where it was',
      );
    });
  });

  test('本页目录 stays at hand under the header, names the current section, and folds after a choice', async () => {
    await withPage(live, phone, async (page) => {
      await page.goto(`${live.site.url}/docs/cixi-shisiwu-guihua/`);
      // The header's menu is the site's navigation, not a second 目录.
      assert.doesNotMatch(await page.locator('.menu-toggle').innerText(), /目录/);
      await page.evaluate(() => document.getElementById('s3-2')!.scrollIntoView());
      const bar = page.locator('.toc-inline');
      const headerBottom = await page
        .locator('.site-header')
        .evaluate((el) => el.getBoundingClientRect().bottom);
      const barTop = await topOf(page, '.toc-inline');
      assert.ok(
        Math.abs(barTop - headerBottom) <= 1,
        `the bar sits under the header (${barTop} vs ${headerBottom})`,
      );
      await page.waitForFunction(() => document.querySelector('.toc-inline-current')?.textContent !== '');
      assert.equal(
        await page.locator('.toc-inline-current').innerText(),
        (await page.locator('#s3-2').innerText()).trim(),
      );
      await bar.locator('summary').click();
      await bar.locator('a[href="#s5"]').click();
      await page.waitForURL('**/#s5');
      assert.equal(await bar.locator('details').evaluate((d) => (d as HTMLDetailsElement).open), false);
      const top = await topOf(page, '#s5');
      const barBottom = await bar.evaluate((el) => el.getBoundingClientRect().bottom);
      assert.ok(top >= barBottom - 1, `the chosen section is not under the bar (${top} < ${barBottom})`);
    });
  });

  test('a document’s text starts within the first screen', async () => {
    const docs = builtPages()
      .map((p) => p.url)
      .filter((u) => u.startsWith('/docs/'));
    await withPage(live, phone, async (page) => {
      for (const url of docs) {
        await page.goto(live.site.url + url);
        const start = await topOf(page, '.doc-body > :first-child');
        assert.ok(start < phone.viewport.height, `${url}: the text starts at ${Math.round(start)}px`);
      }
    });
  });

  test('the header leaves no empty band on pages without its search field', async () => {
    await withPage(live, phone, async (page) => {
      for (const url of ['/', '/search/']) {
        await page.goto(live.site.url + url);
        const band = await page.locator('.site-header').evaluate((header) => {
          const bottom = Math.max(...[...header.children].map((c) => c.getBoundingClientRect().bottom));
          return header.getBoundingClientRect().bottom - bottom;
        });
        assert.ok(band <= 12, `${url}: ${Math.round(band)}px below the header's controls`);
      }
    });
  });

  test('no page is wider than a 375px screen', async () => {
    const urls = builtPages()
      .map((p) => p.url)
      .filter((u) => u.startsWith('/docs/') || u.startsWith('/district/') || u === '/' || u === '/search/');
    assert.ok(urls.filter((u) => u.startsWith('/docs/')).length >= 10);
    await withPage(live, phone, async (page) => {
      const wide: string[] = [];
      for (const url of urls) {
        await page.goto(live.site.url + url);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth) wide.push(`${url}: ${scrollWidth}px > ${innerWidth}px`);
        // With the menu open too.
        await page.locator('.menu-toggle').click();
        const open = await page.evaluate(() => document.documentElement.scrollWidth);
        if (open > 375) wide.push(`${url} (menu open): ${open}px`);
      }
      assert.deepEqual(wide, []);
    });
  });
});

describe('without script', () => {
  test('a document reads fully and the navigation is still reachable', async () => {
    await withPage(live, { ...phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${live.site.url}/docs/beilun-2022-zhengfu-gongzuo-baogao/`);
      assert.equal(await page.locator('.menu-toggle').isVisible(), false);
      assert.ok(await page.locator('#site-nav').isVisible(), 'the sidebar is shown (after the content)');
      const navTop = await topOf(page, '#site-nav');
      const mainBottom = await page.locator('main').evaluate((el) => el.getBoundingClientRect().bottom);
      assert.ok(navTop >= mainBottom - 1, 'on a phone the navigation follows the content');
      assert.equal(
        await page.locator('.doc-body h2').count(),
        await page.locator('.doc-body h2 > a.cite').count(),
      );
      assert.equal(await page.locator('#s3-4 > a.cite').getAttribute('href'), '#s3-4');
    });
  });
});

describe('theme', () => {
  test('the toggle switches to dark and the choice survives a reload without a flash', async () => {
    await withPage(live, { ...desktop, colorScheme: 'light' }, async (page) => {
      await page.goto(`${live.site.url}/`);
      const bgLight = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const toggle = page.locator('.theme-toggle');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
      const bgDark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.notEqual(bgDark, bgLight);
      await page.goto(`${live.site.url}/district/cixi/`, { waitUntil: 'commit' });
      await page.waitForSelector('body', { state: 'attached' });
      assert.equal(
        await page.locator('html').getAttribute('data-theme'),
        'dark',
        'set by the inline head script, before the page script runs',
      );
    });
  });

  test('the system dark preference is followed', async () => {
    await withPage(live, { ...desktop, colorScheme: 'dark' }, async (page) => {
      await page.goto(`${live.site.url}/`);
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
        'rgb(22, 21, 20)',
      );
      assert.equal(await page.locator('.theme-toggle').getAttribute('aria-pressed'), 'true');
    });
  });
});
