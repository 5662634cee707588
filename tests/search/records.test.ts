/**
 * Index hygiene: the search records hold the document text only — no breadcrumbs, meta, 整理说明,
 * and none of the folded repeats (<details class="repeat">) — and every block keeps a stable id.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { readSite } from '../../scripts/search-records.ts';
import { normalize } from '../../src/lib/search/text.ts';
import { distDir } from '../support/serve-dist.ts';
import { readHtml } from '../support/site-text.ts';

const site = readSite(distDir);
const textOf = (path: string) =>
  normalize(
    site
      .find((p) => p.path === path)!
      .records.flatMap((r) => r.blocks.map((b) => b.text))
      .join(''),
  );
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

test('every document page is cut into sections with ids', () => {
  assert.ok(site.length >= 10);
  for (const p of site) {
    assert.ok(p.records.length >= 1, p.path);
    for (const r of p.records)
      for (const b of r.blocks) assert.match(b.id, /^[\w-]+$/, `${p.path}: block without id`);
  }
});

test('page chrome inside the article (breadcrumbs, meta, 整理说明 …) is not indexed', () => {
  for (const p of site) {
    const article = select('[data-search-body]', readHtml(join(distDir, 'docs', p.path, 'index.html')))!;
    const indexed = textOf(p.path);
    // Everything the page marks as not document text, except folded repeats (next test: their text is the document's).
    const chrome = selectAll('[data-search-ignore]', article).filter(
      (el) => !(el.tagName === 'details' && String(el.properties.className).includes('repeat')),
    );
    const checked = new Set<string>();
    for (const el of chrome) {
      const text = normalize(toText(el));
      if (text.length < 4) continue;
      const name = `${el.tagName}.${String(el.properties.className ?? '')}`;
      assert.ok(!indexed.includes(text), `${p.path}: ${name} “${text.slice(0, 30)}…” is indexed`);
      checked.add(name);
    }
    assert.ok(checked.size >= 2, `${p.path}: only ${[...checked].join(', ')} checked`);
  }
});

test('paragraphs of folded repeats are not indexed again', () => {
  let checked = 0;
  for (const p of site) {
    const tree = readHtml(join(distDir, 'docs', p.path, 'index.html'));
    const repeats = selectAll('details.repeat p', tree);
    const ignoredTotal = selectAll('[data-search-ignore]', tree).map((n) => normalize(toText(n)));
    const body = textOf(p.path);
    for (const para of repeats) {
      const t = normalize(toText(para));
      if (t.length < 12) continue;
      // Occurrences outside the ignored parts of the page = occurrences in the whole article minus inside ignored parts.
      const article = normalize(toText(selectAll('[data-search-body]', tree)[0]));
      const outside = count(article, t) - ignoredTotal.reduce((n, ig) => n + count(ig, t), 0);
      assert.equal(count(body, t), Math.max(0, outside), `${p.path}: ${t.slice(0, 20)}…`);
      checked++;
    }
  }
  assert.ok(checked > 10, `checked ${checked} repeated paragraphs`);
});
