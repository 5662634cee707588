/**
 * The Atom feeds: /feed.xml lists every page that has a date, newest first, each entry with its
 * district and kind as categories, a stable urn:uuid id and links to the page, its Markdown and its
 * JSON; /feeds/<district>.xml lists what the district's page lists (its own pages and the articles
 * that mention it) that has a date, and the district page links to it. Pages without a date are in
 * no feed (Atom requires a date per entry; the library invents none).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Element, ElementContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { select } from 'hast-util-select';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import { builtPages } from '../support/dist-html.ts';
import { distDir } from '../support/serve-dist.ts';

const catalog = JSON.parse(
  readFileSync(join(distDir, '..', 'src', 'generated', 'catalog.json'), 'utf8'),
) as Catalog;
const dated = catalog.pages.filter((p) => p.date);

const children = (el: Element, name: string) =>
  el.children.filter((c: ElementContent): c is Element => c.type === 'element' && c.name === name);
const text = (el: Element) => el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

interface Entry {
  id: string;
  title: string;
  updated: string;
  links: Map<string, string>;
  categories: { term: string; label: string }[];
}

function readFeed(file: string): { feed: Element; entries: Entry[] } {
  const root = fromXml(readFileSync(join(distDir, file), 'utf8'));
  const feed = root.children.find((c): c is Element => c.type === 'element')!;
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attributes.xmlns, 'http://www.w3.org/2005/Atom');
  for (const required of ['id', 'title', 'updated'])
    assert.equal(children(feed, required).length, 1, required);
  const entries = children(feed, 'entry').map((entry) => ({
    id: text(children(entry, 'id')[0]),
    title: text(children(entry, 'title')[0]),
    updated: text(children(entry, 'updated')[0]),
    links: new Map(
      children(entry, 'link').map((l) => [String(l.attributes.type), String(l.attributes.href)]),
    ),
    categories: children(entry, 'category').map((c) => ({
      term: String(c.attributes.term),
      label: String(c.attributes.label),
    })),
  }));
  return { feed, entries };
}

/** The catalog path an entry's page link names. */
const pathOf = (entry: Entry) => entry.links.get('text/html')!.replace(/^\/docs\/|\/$/gu, '');

function checkEntries(file: string, expected: typeof dated): void {
  const { feed, entries } = readFeed(file);
  assert.deepEqual(
    entries.map(pathOf).toSorted(),
    expected.map((p) => p.path).toSorted(),
    `${file}: its dated pages`,
  );
  const times = entries.map((e) => Date.parse(e.updated));
  assert.deepEqual(
    times,
    times.toSorted((a, b) => b - a),
    `${file}: newest first`,
  );
  assert.equal(
    text(children(feed, 'updated')[0]),
    entries[0].updated,
    `${file}: updated with its newest entry`,
  );
  for (const entry of entries) {
    const page = catalog.pages.find((p) => p.path === pathOf(entry))!;
    assert.match(entry.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    assert.equal(entry.updated, `${page.date}T00:00:00+08:00`);
    const html = fromHtml(readFileSync(join(distDir, entry.links.get('text/html')!, 'index.html'), 'utf8'));
    assert.equal(entry.title, toText(select('h1', html)!).trim());
    for (const type of ['text/markdown', 'application/json'])
      assert.ok(existsSync(join(distDir, entry.links.get(type)!)), `${file}: ${type} of ${page.path}`);
    const district = catalog.districts.find((d) => d.slug === page.district)!;
    assert.deepEqual(entry.categories, [
      { term: district.slug, label: district.name },
      { term: page.kind, label: page.kind },
    ]);
  }
}

test('/feed.xml: every dated page, newest first, with district and kind', () => {
  assert.ok(dated.length > 0, 'some page has a date');
  checkEntries('feed.xml', dated);
});

test('entry ids are the same in every feed and differ between pages', () => {
  const ids = new Map(readFeed('feed.xml').entries.map((e) => [pathOf(e), e.id]));
  assert.equal(new Set(ids.values()).size, ids.size);
  for (const district of catalog.districts) {
    const file = `feeds/${district.slug}.xml`;
    if (existsSync(join(distDir, file)))
      for (const e of readFeed(file).entries) assert.equal(e.id, ids.get(pathOf(e)));
  }
});

test('each district’s feed lists its page’s dated documents; its page links to it', () => {
  const pages = new Map(builtPages().map((p) => [p.url, p.tree]));
  let feeds = 0;
  for (const district of catalog.districts) {
    const listed = dated.filter((p) => p.district === district.slug || p.mentions?.includes(district.slug));
    const file = `feeds/${district.slug}.xml`;
    const link = pages.has(`/district/${district.slug}/`)
      ? select(`link[rel=alternate][href="/${file}"]`, pages.get(`/district/${district.slug}/`)!)
      : undefined;
    if (!listed.length) {
      assert.equal(existsSync(join(distDir, file)), false, `${file}: no dated document, no feed`);
      assert.equal(link, undefined);
      continue;
    }
    feeds++;
    checkEntries(file, listed);
    assert.ok(link, `/district/${district.slug}/ links to ${file}`);
  }
  assert.ok(feeds > 0);
});

test('every page links to the library’s feed', () => {
  for (const [url, tree] of builtPages().map((p) => [p.url, p.tree] as const))
    assert.ok(select('link[rel=alternate][type="application/atom+xml"][href="/feed.xml"]', tree), url);
});
