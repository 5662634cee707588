/**
 * Citable passages in the built document pages: every h2–h4 of a document body has an id and its own
 * link control (a real <a class="cite" href="#id">, left out of the search index); nearly every
 * paragraph has an id, and every paragraph, 专栏 box, table and figure with one has its control.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { builtPages } from '../support/dist-html.ts';

const docs = builtPages().filter((p) => p.url.startsWith('/docs/'));

const ownCite = (el: Element): Element | undefined =>
  el.children.find(
    (c): c is Element =>
      c.type === 'element' &&
      c.tagName === 'a' &&
      (c.properties.className as string[] | undefined)?.includes('cite') === true,
  );

test('there are document pages', () => {
  assert.ok(docs.length >= 10, `found ${docs.length} document pages`);
});

test('every h2–h4 in document bodies has an id and its own link control', () => {
  const problems: string[] = [];
  let headings = 0;
  for (const page of docs) {
    const body = select('.doc-body', page.tree);
    assert.ok(body, `${page.url} has a .doc-body`);
    for (const h of selectAll('h2, h3, h4', body) as Element[]) {
      headings++;
      const id = h.properties.id;
      const cite = ownCite(h);
      if (!id) problems.push(`${page.url}: <${h.tagName}> "${toText(h).slice(0, 30)}" has no id`);
      else if (!cite) problems.push(`${page.url}#${id}: no link control`);
      else {
        if (cite.properties.href !== `#${id}`)
          problems.push(`${page.url}#${id}: control links to ${cite.properties.href}`);
        if (cite.properties.dataSearchIgnore === undefined)
          problems.push(`${page.url}#${id}: control is not data-search-ignore`);
        if (!String(cite.properties.ariaLabel ?? '').startsWith('复制'))
          problems.push(`${page.url}#${id}: control has no Chinese aria-label`);
        // The glyph is CSS: copying the heading, or scanning the page text, must not pick up "#".
        if (toText(cite) !== '')
          problems.push(`${page.url}#${id}: control adds text "${toText(cite)}" to the passage`);
        if (!cite.properties.dataSymbol) problems.push(`${page.url}#${id}: control has no data-symbol glyph`);
      }
    }
  }
  assert.ok(headings > 100, `checked ${headings} headings`);
  assert.deepEqual(problems, []);
});

test('at least 98% of paragraphs in document bodies have ids, each with its link control', () => {
  let total = 0;
  let withId = 0;
  const missingControl: string[] = [];
  for (const page of docs) {
    const body = select('.doc-body', page.tree)!;
    for (const p of selectAll('p', body) as Element[]) {
      total++;
      if (!p.properties.id) continue;
      withId++;
      const isBoxTitle = (p.properties.className as string[] | undefined)?.includes('box-title');
      if (!isBoxTitle && !ownCite(p)) missingControl.push(`${page.url}#${p.properties.id}`);
    }
  }
  assert.ok(total > 500, `checked ${total} paragraphs`);
  assert.ok(
    withId / total >= 0.98,
    `${withId} of ${total} paragraphs have ids (${((100 * withId) / total).toFixed(1)}%)`,
  );
  assert.deepEqual(missingControl, []);
});

test('专栏 boxes, tables and figures with ids have their link control', () => {
  const missing: string[] = [];
  let count = 0;
  for (const page of docs) {
    for (const el of selectAll('.doc-body aside.box[id], .doc-body figure[id]', page.tree) as Element[]) {
      count++;
      const cite = ownCite(el);
      if (cite?.properties.href !== `#${el.properties.id}`) missing.push(`${page.url}#${el.properties.id}`);
    }
  }
  assert.ok(count > 5, `checked ${count} boxes/figures`);
  assert.deepEqual(missing, []);
});

test('document pages have a title, a meta description and a source download link', () => {
  for (const page of docs) {
    const title = toText(select('title', page.tree)!);
    assert.match(title, /宁波政策文库$/, page.url);
    const description = select('meta[name="description"]', page.tree)?.properties.content;
    assert.ok(
      typeof description === 'string' && description.length > 20,
      `${page.url} has a meta description`,
    );
    assert.ok(select('a[href^="/sources/"]', page.tree), `${page.url} links to its source text`);
    assert.equal(selectAll('h1', page.tree).length, 1, `${page.url} has one h1`);
  }
});
