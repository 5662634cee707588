/**
 * Printing, as Chromium prints (A4 PDF, read back with pdf.js): every document's text starts on
 * page 1 (no page of metadata and blank), each passage's id is printed in the margin beside it,
 * links print their full address, and 打印本节 prints one section alone.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright';
import { DESKTOP, siteInBrowser, withPage } from '../support/browser.ts';
import { builtPages } from '../support/dist-html.ts';
import { printToSheets, type PrintedSheet, type PrintedText } from '../support/pdf.ts';

const live = siteInBrowser();
// Documents (a compilation's articles share their compilation's header).
const documents = builtPages().filter((p) => /^\/docs\/[^/]+\/$/.test(p.url));
const documentPages = documents.map((p) => p.url);
/** The longest document page (the most sheets): what a reader would most want to print in part. */
const LONGEST = documents.reduce((a, b) => (statSync(b.file).size > statSync(a.file).size ? b : a)).url;

const withDesktopPage = <T>(run: (page: Page) => Promise<T>) => withPage(live, DESKTOP, run);

/** A passage id as printed in the margin: "#s2-1-p3". */
const PRINTED_ID = /^#[a-z][a-z0-9-]*$/;
const idsOn = (sheets: PrintedSheet[]) =>
  sheets.flatMap((s) => s.texts.filter((t) => PRINTED_ID.test(t.text)).map((t) => t.text));

/** The ids of the passages the print style shows (their link controls, in the order of the page). */
const shownPassageIds = (page: Page, within = '.doc-body') =>
  page.evaluate(
    (within) =>
      [...document.querySelectorAll<HTMLAnchorElement>(`${within} a.cite`)]
        .filter((a) => a.getClientRects().length > 0)
        .map((a) => a.getAttribute('href')!),
    within,
  );

describe('printing a document', () => {
  test(
    'the text starts on page 1, which is filled: no page of metadata and blank',
    { timeout: 300_000 },
    async () => {
      assert.ok(documentPages.length >= 5);
      await withDesktopPage(async (page) => {
        for (const url of documentPages) {
          await page.goto(live.site.url + url);
          const sheets = await printToSheets(page);
          const [first] = sheets;
          const firstPassage = (await page.evaluate(() =>
            document.querySelector('.doc-body a.cite')?.getAttribute('href'),
          ))!;
          assert.ok(
            first.texts.some((t) => t.text === firstPassage),
            `${url}: the first passage (${firstPassage}) is printed on page 1`,
          );
          if (sheets.length === 1) continue;
          const bottom = Math.max(...first.texts.map((t) => t.y + t.height));
          assert.ok(
            bottom >= first.height * 0.75,
            `${url}: page 1 of ${sheets.length} is filled (its text ends at ${Math.round((bottom / first.height) * 100)}% of the sheet)`,
          );
        }
      });
    },
  );

  test(
    'each passage’s id is printed in the margin, on the line where the passage starts',
    { timeout: 120_000 },
    async () => {
      await withDesktopPage(async (page) => {
        await page.goto(live.site.url + LONGEST);
        const sheets = await printToSheets(page);
        await page.emulateMedia({ media: 'print' });
        const shown = await shownPassageIds(page);
        assert.ok(shown.length > 300);
        assert.deepEqual(
          idsOn(sheets).toSorted(),
          shown.toSorted(),
          'every passage shown on paper has its id',
        );
        for (const sheet of sheets) {
          const passageText = sheet.texts.filter((t) => !PRINTED_ID.test(t.text));
          for (const id of sheet.texts.filter((t) => PRINTED_ID.test(t.text))) {
            // The passage's first line: the text beside the id (its line box overlaps the id's).
            const beside = passageText.filter(
              (t: PrintedText) => t.y < id.y + id.height && id.y < t.y + t.height,
            );
            assert.ok(beside.length > 0, `${id.text}: printed beside its passage’s first line`);
            const textStart = Math.min(...beside.map((t) => t.x));
            assert.ok(id.x + id.width <= textStart + 0.5, `${id.text}: in the margin, left of the text`);
          }
        }
      });
    },
  );

  test('links print their full address', { timeout: 120_000 }, async () => {
    await withDesktopPage(async (page) => {
      await page.goto(live.site.url + LONGEST);
      const printed = (await printToSheets(page)).map((s) => s.text).join('');
      const addresses = [...printed.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
      assert.ok(addresses.length >= 3, `the page's links print their addresses (found ${addresses.length})`);
      for (const address of addresses)
        assert.ok(URL.canParse(address) && /^https?:/.test(address), `a full address, not "${address}"`);
    });
  });
});

describe('打印本节', () => {
  test(
    'prints only that section, under the title; reached by keyboard; absent from the printout',
    { timeout: 120_000 },
    async () => {
      await withDesktopPage(async (page) => {
        await page.goto(live.site.url + LONGEST);
        const section = 's2';
        // By keyboard: from the section's link control, Tab reaches its 打印本节 control.
        await page.locator(`#${section} > a.cite`).focus();
        for (let presses = 0; presses < 3; presses++) {
          if (await page.evaluate(() => document.activeElement?.classList.contains('print-section'))) break;
          await page.keyboard.press('Tab');
        }
        assert.equal(
          await page.evaluate(() => document.activeElement?.closest('h2, h3')?.id),
          section,
          'Tab reaches the section’s 打印本节 control',
        );
        assert.match(
          (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))!,
          /^打印本节/,
        );
        // The print dialog cannot open in a headless browser (its print() keeps the page printing, and
        // page.pdf would wait): the dialog alone is replaced by a count of its calls.
        await page.evaluate(() => {
          window.print = () =>
            void (document.body.dataset.printCalls = String(
              Number(document.body.dataset.printCalls ?? 0) + 1,
            ));
        });
        await page.keyboard.press('Enter');
        assert.equal(
          await page.evaluate(() => document.body.dataset.printCalls),
          '1',
          'the control opens printing',
        );
        const sheets = await printToSheets(page);

        await page.emulateMedia({ media: 'screen' });
        const all = await shownPassageIds(page);
        const ofSection = all.filter((href) => href === `#${section}` || href.startsWith(`#${section}-`));
        assert.ok(ofSection.length > 10 && ofSection.length < all.length / 2);
        assert.deepEqual(
          idsOn(sheets).toSorted(),
          ofSection.toSorted(),
          'the section’s passages, and no other',
        );
        const printed = sheets.map((s) => s.text).join('');
        assert.ok(printed.includes('本文网址'), 'the page’s address is printed with it');
        assert.ok(!printed.includes('打印本节'), 'the control is not printed');
        assert.ok(sheets.length < 10, `a section, not the whole document (${sheets.length} pages)`);
      });
    },
  );
});
