/**
 * Titles break between words, never inside one: on every document page, at a phone's and a
 * desktop's width, each place a heading (h1–h4) or an on-this-page entry wraps between two Chinese
 * characters is one of the word breaks src/lib/conventions/phrase-breaks.ts gives for its text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phraseBreaks } from '../../src/lib/conventions/phrase-breaks.ts';
import { siteInBrowser } from '../support/browser.ts';
import { builtPages } from '../support/dist-html.ts';

const live = siteInBrowser();
const docs = builtPages()
  .map((p) => p.url)
  .filter((u) => u.startsWith('/docs/'));
const HAN = /\p{Script=Han}/u;

for (const viewport of [
  { width: 375, height: 800 },
  { width: 1280, height: 900 },
]) {
  test(`headings wrap only between words (${viewport.width}px)`, { timeout: 120_000 }, async () => {
    const context = await live.browser.newContext({ viewport });
    const page = await context.newPage();
    const wrong: string[] = [];
    let wraps = 0;
    try {
      for (const url of docs) {
        await page.goto(live.site.url + url);
        // Each title's text and the offsets where its rendered lines start (by its characters' boxes).
        const titles = await page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLElement>(
              'article :is(h1, h2, h3, h4), .toc-inline a, .page-toc a',
            ),
          ]
            .filter((el) => el.getClientRects().length > 0)
            .map((el) => {
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              let text = '';
              const lineStarts: number[] = [];
              let lastTop: number | undefined;
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const data = (n as Text).data;
                for (let i = 0; i < data.length; i++) {
                  const range = document.createRange();
                  range.setStart(n, i);
                  range.setEnd(n, i + 1);
                  const top = range.getClientRects()[0]?.top;
                  if (top !== undefined && lastTop !== undefined && top > lastTop + 2)
                    lineStarts.push(text.length + i);
                  if (top !== undefined) lastTop = top;
                }
                text += data;
              }
              return { text, lineStarts };
            }),
        );
        for (const { text, lineStarts } of titles) {
          const allowed = new Set(phraseBreaks(text));
          for (const at of lineStarts) {
            if (!HAN.test(text[at - 1] ?? '') || !HAN.test(text[at])) continue;
            wraps++;
            if (!allowed.has(at)) wrong.push(`${url}: ${text.slice(0, at)}/${text.slice(at)}`);
          }
        }
      }
    } finally {
      await context.close();
    }
    assert.ok(wraps > 0, 'some titles wrap between two characters');
    assert.deepEqual(wrong, []);
  });
}
