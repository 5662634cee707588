/**
 * Navigation whose weight does not grow with the library, on the built site: a document page's
 * navigation links to the districts and to its own district's pages only, at most a bounded number
 * of titles; the home page lists a bounded number of documents; and still every page is reachable
 * from the home page in three clicks (home → district → group → page), every page of a district from
 * its district page in two. Properties of any library: the bounds come from src/lib/navigation.ts,
 * the pages from the catalog the build wrote.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import {
  HOME_NEWEST,
  SIDEBAR_TITLE_LIMIT,
  docUrl,
  districtUrl,
  libraryNavigation,
} from '../../src/lib/navigation.ts';
import { builtPages } from '../support/dist-html.ts';

const catalog = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'src', 'generated', 'catalog.json'), 'utf8'),
) as Catalog;
const nav = libraryNavigation(catalog);
const site = new Map(builtPages().map((p) => [p.url, p.tree]));
const built = (url: string): Root => {
  const tree = site.get(url);
  assert.ok(tree, `${url} is built`);
  return tree;
};

/** Site paths (decoded, without fragment) of the links under an element. */
const linksIn = (tree: Root | Element, selector = 'a[href]'): string[] =>
  (selectAll(selector, tree) as Element[])
    .map((a) => new URL(String(a.properties.href), 'http://site.invalid/').pathname)
    .map((path) => decodeURIComponent(path));
const docLinks = (links: string[]) => links.filter((path) => path.startsWith('/docs/'));

test('a document page navigates to its own district’s pages only, and to at most a bounded number of them', () => {
  const problems: string[] = [];
  for (const page of nav.pages) {
    const url = docUrl(page.path);
    const sidebar = select('#site-nav', built(url));
    assert.ok(sidebar, `${url} has the site navigation`);
    const own = new Set(nav.pagesOf(page.district).map((p) => docUrl(p.path)));
    const listed = new Set(docLinks(linksIn(sidebar)));
    for (const link of listed)
      if (!own.has(link))
        problems.push(`${url}: the navigation links to ${link}, not a page of ${page.district}`);
    if (listed.size > SIDEBAR_TITLE_LIMIT)
      problems.push(`${url}: the navigation lists ${listed.size} pages (at most ${SIDEBAR_TITLE_LIMIT})`);
    if (!listed.has(url)) problems.push(`${url}: the navigation does not show the current page`);
    // Every district, each once.
    const districts = linksIn(sidebar, '.sidebar-district');
    assert.deepEqual(
      districts,
      nav.districtsWithPages().map((d) => districtUrl(d.slug)),
      `${url}: the districts`,
    );
  }
  assert.deepEqual(problems, []);
});

test('a small district’s pages are all in the navigation of each of its pages', () => {
  for (const district of nav.districtsWithPages()) {
    const pages = nav.pagesOf(district.slug);
    if (pages.length > SIDEBAR_TITLE_LIMIT) continue;
    for (const page of pages.filter((p) => p.district === district.slug)) {
      const listed = new Set(docLinks(linksIn(select('#site-nav', built(docUrl(page.path)))!)));
      assert.deepEqual(
        [...listed].sort(),
        pages.map((p) => docUrl(p.path)).sort(),
        `${docUrl(page.path)}: every page of ${district.name}`,
      );
    }
  }
});

test('the home page lists a bounded number of documents and links to every district', () => {
  const home = built('/');
  const listed = new Set(docLinks(linksIn(home, 'main a[href]')));
  assert.ok(
    listed.size <= HOME_NEWEST,
    `the home page links to ${listed.size} pages (at most ${HOME_NEWEST})`,
  );
  assert.deepEqual(
    linksIn(home, '.district-card h3 a'),
    nav.districtsWithPages().map((d) => districtUrl(d.slug)),
  );
});

/** Breadth-first over the links in <main> of the built pages: each page's distance in clicks. */
function clicksFrom(start: string): Map<string, number> {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length) {
    const url = queue.shift()!;
    const tree = site.get(url);
    const main = tree && select('main', tree);
    if (!main) continue;
    for (const link of linksIn(main))
      if (!distance.has(link) && site.has(link)) {
        distance.set(link, distance.get(url)! + 1);
        queue.push(link);
      }
  }
  return distance;
}

test('every page is reachable from the home page in three clicks, and from its district page in two', () => {
  const fromHome = clicksFrom('/');
  const far = nav.pages
    .map((p) => docUrl(p.path))
    .filter((url) => !((fromHome.get(url) ?? Infinity) <= 3))
    .map((url) => `${url}: ${fromHome.get(url) ?? 'unreachable'}`);
  assert.deepEqual(far, [], 'pages more than three clicks from the home page');
  for (const district of nav.districtsWithPages()) {
    const fromDistrict = clicksFrom(districtUrl(district.slug));
    const farther = nav
      .pagesOf(district.slug)
      .map((p) => docUrl(p.path))
      .filter((url) => !((fromDistrict.get(url) ?? Infinity) <= 2));
    assert.deepEqual(farther, [], `pages more than two clicks from ${districtUrl(district.slug)}`);
  }
});

test('a district’s filters lead to listings of exactly the pages they name', () => {
  for (const { district, filter, pages } of nav.districtListings()) {
    const url = nav.listingUrl(district.slug, filter);
    const listed = docLinks(linksIn(built(url), 'main .doc-list a'));
    // A listing shows every title, or the newest of each group and a link to the group's listing.
    for (const link of listed)
      assert.ok(
        pages.some((p) => docUrl(p.path) === link),
        `${url} lists ${link}, which is not ${JSON.stringify(filter)}`,
      );
    const reach = clicksFrom(url);
    for (const page of pages)
      assert.ok((reach.get(docUrl(page.path)) ?? Infinity) <= 2, `${url}: ${page.path} is within two clicks`);
  }
});
