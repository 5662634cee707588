/**
 * Tables in a real Chromium, on every built page that has one: listed in 本页目录, the header row and
 * the row-naming column stay in view while the table scrolls, the table takes the whole column on
 * a desktop, and copying it gives whole rows (each line as many fields as the table has columns,
 * a merged value in every row it spans).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectAll } from 'hast-util-select';
import type { Browser, Page } from 'playwright';
import { siteInBrowser } from '../support/browser.ts';
import { builtPages } from '../support/dist-html.ts';

const live = siteInBrowser();
const pagesWithTables = builtPages()
  .map((p) => ({
    url: p.url,
    tables: selectAll('figure.table-figure', p.tree).map((f) => String(f.properties.id)),
  }))
  .filter((p) => p.tables.length > 0);

async function withPage<T>(options: Parameters<Browser['newContext']>[0], run: (page: Page) => Promise<T>) {
  const context = await live.browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.site.url });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** TSV as spreadsheets read it: tab-separated fields, a field in quotes may hold tabs, line breaks and "" . */
function parseTsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      const end = text.indexOf('"', i + 1);
      let j = i + 1;
      let quoted = '';
      for (let k = end; ; k = text.indexOf('"', k + 2)) {
        quoted += text.slice(j, k);
        if (text[k + 1] !== '"') {
          i = k;
          break;
        }
        quoted += '"';
        j = k + 2;
      }
      field = quoted;
    } else if (ch === '\t') {
      rows.at(-1)!.push(field);
      field = '';
    } else if (ch === '\n') {
      rows.at(-1)!.push(field);
      rows.push([]);
      field = '';
    } else field += ch;
  }
  rows.at(-1)!.push(field);
  return rows;
}

test('the seed library has tables to check', () => {
  assert.ok(pagesWithTables.length > 0);
});

describe('tables', () => {
  test('every table is listed in 本页目录 (the column and the folded list) by its caption', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      for (const { url, tables } of pagesWithTables) {
        await page.goto(live.site.url + url);
        for (const id of tables) {
          const caption = (await page.locator(`#${id} > figcaption`).innerText()).trim();
          for (const toc of ['.page-toc', '.toc-inline'])
            assert.equal(
              (await page.locator(`${toc} a[href="#${id}"]`).textContent())?.trim(),
              caption,
              `${url} ${toc} lists #${id}`,
            );
        }
      }
    });
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 375, height: 800 },
  ]) {
    test(`the header row and the row-naming column stay in view while a table scrolls (${viewport.name})`, async () => {
      await withPage(
        { viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 },
        async (page) => {
          for (const { url, tables } of pagesWithTables) {
            await page.goto(live.site.url + url);
            for (const id of tables) {
              const box = page.locator(`#${id} .table-scroll`);
              await box.scrollIntoViewIfNeeded();
              const moved = await box.evaluate((el) => {
                el.scrollTop = el.scrollHeight;
                el.scrollLeft = el.scrollWidth;
                return { down: el.scrollTop, right: el.scrollLeft };
              });
              assert.ok(
                moved.down > 0,
                `${url} #${id}: the table is taller than its box and scrolls inside it`,
              );
              const at = await box.evaluate((el) => {
                const edge = el.getBoundingClientRect();
                const top = (sel: string) => el.querySelector(sel)!.getBoundingClientRect();
                const lastRowHeader = [...el.querySelectorAll('tbody th[scope="row"]')]
                  .at(-1)!
                  .getBoundingClientRect();
                return {
                  headTop: top('thead th').top - edge.top - el.clientTop,
                  rowHeaderLeft: lastRowHeader.left - edge.left - el.clientLeft,
                  headRowHeaderLeft: top('thead th.row-header').left - edge.left - el.clientLeft,
                };
              });
              assert.ok(
                Math.abs(at.headTop) < 1,
                `${url} #${id}: the header row is at the top of the box (${at.headTop})`,
              );
              if (moved.right > 0) {
                assert.ok(
                  Math.abs(at.rowHeaderLeft) < 1,
                  `${url} #${id}: the row names stay at the left edge (${at.rowHeaderLeft})`,
                );
                assert.ok(Math.abs(at.headRowHeaderLeft) < 1, `${url} #${id}: and their column header too`);
              }
            }
          }
          if (viewport.name === 'phone')
            assert.ok(
              await page
                .locator('.table-scroll')
                .first()
                .evaluate((el) => el.scrollWidth > el.clientWidth),
              'on a phone a table scrolls sideways',
            );
        },
      );
    });
  }

  test('on a desktop a table takes the whole text column, wider than the reading measure', async () => {
    // 1100px: no 本页目录 column, so the text column is wider than the 40rem measure of paragraphs.
    await withPage({ viewport: { width: 1100, height: 900 } }, async (page) => {
      for (const { url, tables } of pagesWithTables) {
        await page.goto(live.site.url + url);
        const column = await page.locator('.doc-body').evaluate((el) => el.clientWidth);
        const paragraph = await page
          .locator('.doc-body > p')
          .first()
          .evaluate((el) => (el as HTMLElement).offsetWidth);
        assert.ok(
          column > paragraph,
          `${url}: the column (${column}px) is wider than a paragraph (${paragraph}px)`,
        );
        for (const id of tables) {
          const width = await page
            .locator(`#${id} .table-scroll`)
            .evaluate((el) => (el as HTMLElement).offsetWidth);
          assert.equal(width, column, `${url} #${id} fills the column`);
        }
      }
    });
  });

  test('copying a table gives whole rows: as many fields as columns, a merged value in every row it spans', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      for (const { url, tables } of pagesWithTables) {
        await page.goto(live.site.url + url);
        for (const id of tables) {
          const table = page.locator(`#${id} table`);
          // Each row's cells as the page holds them: text, spans.
          const rows = await table.evaluate((el) =>
            [...(el as HTMLTableElement).rows].map((tr) =>
              [...tr.cells].map((c) => ({
                text: c.innerText.trim(),
                rowSpan: c.rowSpan,
                colSpan: c.colSpan,
              })),
            ),
          );
          const columns = Math.max(...rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
          await table.evaluate((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            getSelection()!.removeAllRanges();
            getSelection()!.addRange(range);
          });
          await page.keyboard.press('ControlOrMeta+C');
          const lines = parseTsv(await page.evaluate(() => navigator.clipboard.readText()));
          assert.equal(lines.length, rows.length, `${url} #${id}: one line per row`);
          for (const [r, line] of lines.entries())
            assert.equal(
              line.length,
              columns,
              `${url} #${id} line ${r + 1}: ${columns} fields, got ${JSON.stringify(line)}`,
            );
          // A cell spanning rows holds its text at the same field in each of them.
          for (const [r, row] of rows.entries()) {
            for (const cell of row.filter((c) => c.rowSpan > 1)) {
              const field = lines[r].indexOf(cell.text);
              assert.ok(field >= 0, `${url} #${id}: "${cell.text}" is on line ${r + 1}`);
              for (let d = 1; d < cell.rowSpan; d++)
                assert.equal(
                  lines[r + d][field],
                  cell.text,
                  `${url} #${id}: "${cell.text}" on line ${r + d + 1}`,
                );
            }
          }
        }
      }
    });
  });
});
