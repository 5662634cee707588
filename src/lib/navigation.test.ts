/**
 * Navigation over libraries larger than the seed site: generated catalogs of up to 2,000 pages over
 * the real districts and kinds (content/). Every link a listing can make leads to a listing that is
 * built and lists the same pages; listings partition nothing away; the sidebar's window is bounded.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadContent } from '../../scripts/manifest/load-content.ts';
import type { Catalog, CatalogPage } from '../../scripts/manifest/site-data.ts';
import {
  filterPages,
  groupByKindAndYear,
  libraryNavigation,
  windowAround,
  yearOf,
  type ListingFilter,
} from './navigation.ts';

const { kinds, levels, districts } = loadContent(join(import.meta.dirname, '..', '..', 'content'));

/** A catalog of `count` pages spread over the districts, kinds and 15 years (every seventh undated). */
function generatedCatalog(count: number): Catalog {
  const pages: CatalogPage[] = Array.from({ length: count }, (_, i) => ({
    path: `doc-${i}`,
    title: `文本 ${i}`,
    kind: kinds[(i * 7) % kinds.length].name,
    // Half the pages in the city's district: one district with hundreds of pages.
    district: i % 2 === 0 ? districts[0].slug : districts[i % districts.length].slug,
    ...(i % 7 === 0 ? {} : { date: `${2010 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}` }),
    ...(i % 11 === 0 ? { mentions: [districts[(i + 3) % districts.length].slug] } : {}),
  }));
  return { kinds, levels, districts, pages };
}

for (const size of [5, 200, 2000]) {
  test(`${size} pages: every listing link leads to a built listing of the same pages`, () => {
    const nav = libraryNavigation(generatedCatalog(size));
    const built = new Map(nav.districtListings().map((l) => [nav.listingUrl(l.district.slug, l.filter), l]));
    for (const district of nav.districtsWithPages()) {
      const list = nav.pagesOf(district.slug);
      const kindsHere = [undefined, ...new Set(list.map((p) => p.kind))];
      const yearsHere = [undefined, ...new Set(list.map(yearOf))];
      for (const kind of kindsHere)
        for (const year of yearsHere) {
          const filter: ListingFilter = { kind, year };
          const wanted = filterPages(list, filter);
          if (wanted.length === 0) continue;
          const url = nav.listingUrl(district.slug, filter);
          const listing = built.get(url);
          assert.ok(listing, `${JSON.stringify(filter)} of ${district.slug} → ${url}, which is built`);
          assert.deepEqual(listing.pages, wanted, `${url} lists the pages of ${JSON.stringify(filter)}`);
        }
    }
  });

  test(`${size} pages: a district's pages are in its groups once each, in display order`, () => {
    const nav = libraryNavigation(generatedCatalog(size));
    for (const district of nav.districtsWithPages()) {
      const list = nav.pagesOf(district.slug);
      const grouped = groupByKindAndYear(list).flatMap((k) => k.years.flatMap((y) => y.pages));
      assert.deepEqual(grouped, list);
      const kindOrder = list.map((p) => kinds.findIndex((k) => k.name === p.kind));
      assert.deepEqual(
        kindOrder,
        kindOrder.toSorted((a, b) => a - b),
      );
    }
  });
}

test('the window around an item holds it and at most the size asked', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);
  for (const index of [0, 1, 14, 15, 50, 85, 99]) {
    const { items: shown, start } = windowAround(items, index, 30);
    assert.equal(shown.length, 30);
    assert.ok(shown.includes(index), `${index} is in ${start}…${start + 29}`);
    assert.equal(shown[0], start);
  }
  assert.deepEqual(windowAround(items.slice(0, 10), 3, 30).items, items.slice(0, 10));
});
