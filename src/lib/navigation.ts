/**
 * Navigation over a catalog: districts and kinds in display order, their pages, and the groups
 * (kind → year) and listings the district pages and the sidebar show them in. Pure: the site binds it
 * to the generated catalog (catalog.ts); the navigation tests to the same file, read from disk.
 *
 * Navigation stays bounded as the library grows: a page links to the districts, the groups of one
 * district and, past a few dozen pages, only to the titles of one group; the district pages list
 * every title, one kind and year at a time (district/[slug]/[...filter].astro).
 */
import type { District, VocabularyEntry } from '../../scripts/manifest/schema.ts';
import type { Catalog, CatalogPage } from '../../scripts/manifest/site-data.ts';
import { sitePath } from './site-url.ts';

/** A district listing with at most this many pages shows every title. */
export const FULL_LIST_LIMIT = 60;
/** The sidebar lists every title of the current district up to this many pages; past it, one group's. */
export const SIDEBAR_TITLE_LIMIT = 30;
/** Newest documents on the home page. */
export const HOME_NEWEST = 8;
/** Titles shown per group in a district listing too long to show every title. */
export const GROUP_PREVIEW = 5;

/** The year segment and group of pages without a date. */
const UNDATED = 'undated';

export const docUrl = (path: string): string => sitePath(`docs/${path}/`);
export const districtUrl = (slug: string): string => sitePath(`district/${slug}/`);

/** A district listing narrowed to a kind, a year, or both. */
export interface ListingFilter {
  kind?: string;
  year?: string;
}
export const sameFilter = (a: ListingFilter, b: ListingFilter): boolean =>
  a.kind === b.kind && a.year === b.year;

export const yearOf = (page: CatalogPage): string => page.date?.slice(0, 4) ?? UNDATED;
export const yearLabel = (year: string): string => (year === UNDATED ? '日期未注明' : `${year}年`);

/** Newest first, undated last. */
export function compareYears(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  return b.localeCompare(a);
}

interface YearGroup {
  year: string;
  pages: CatalogPage[];
}
export interface KindGroup {
  kind: string;
  pages: CatalogPage[];
  years: YearGroup[];
}

/** Splits pages (in display order) into groups sharing a key, in order of first appearance. */
function groupBy<T>(items: readonly CatalogPage[], key: (p: CatalogPage) => T): [T, CatalogPage[]][] {
  const groups = new Map<T, CatalogPage[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return [...groups];
}

/** Pages (in display order) grouped by kind, then year. */
export function groupByKindAndYear(list: readonly CatalogPage[]): KindGroup[] {
  return groupBy(list, (p) => p.kind).map(([kind, kindPages]) => ({
    kind,
    pages: kindPages,
    years: groupBy(kindPages, yearOf).map(([year, yearPages]) => ({ year, pages: yearPages })),
  }));
}

/** Pages narrowed by a filter, in their order. */
export const filterPages = (list: readonly CatalogPage[], { kind, year }: ListingFilter): CatalogPage[] =>
  list.filter((p) => (!kind || p.kind === kind) && (!year || yearOf(p) === year));

/** At most `size` items of a list: a window around the item at `index`, clamped to the list. */
export function windowAround<T>(
  items: readonly T[],
  index: number,
  size: number,
): { items: T[]; start: number } {
  if (items.length <= size) return { items: [...items], start: 0 };
  const start = Math.min(Math.max(0, index - Math.floor(size / 2)), items.length - size);
  return { items: items.slice(start, start + size), start };
}

/** The catalog's navigation: its pages by district in display order, listings and their URLs. */
export function libraryNavigation(catalog: Catalog) {
  const { pages } = catalog;
  const kindOrder = new Map(catalog.kinds.map((k, i) => [k.name, i]));
  const catalogOrder = new Map(pages.map((p, i) => [p.path, i]));

  /** Display order: kind (vocabulary order), newest year first (undated last), newest date first, then catalog order. */
  const byDisplayOrder = (a: CatalogPage, b: CatalogPage): number =>
    kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
    compareYears(yearOf(a), yearOf(b)) ||
    (b.date ?? '').localeCompare(a.date ?? '') ||
    catalogOrder.get(a.path)! - catalogOrder.get(b.path)!;

  const pagesByDistrict = new Map<string, CatalogPage[]>();
  for (const page of pages)
    for (const slug of new Set([page.district, ...(page.mentions ?? [])])) {
      if (!pagesByDistrict.has(slug)) pagesByDistrict.set(slug, []);
      pagesByDistrict.get(slug)!.push(page);
    }
  for (const list of pagesByDistrict.values()) list.sort(byDisplayOrder);

  /** Pages listed under a district, in display order: its own documents and compilation articles, plus articles that mention it. */
  const pagesOf = (slug: string): CatalogPage[] => pagesByDistrict.get(slug) ?? [];

  const byPath = new Map(pages.map((p) => [p.path, p]));
  const districtNames = new Map(catalog.districts.map((d) => [d.slug, d.name]));

  /** The broadest filter listing the same pages: the year dropped if it narrows nothing, then the kind. */
  const canonical = new Map<string, ListingFilter>(); // every page's navigation asks for the same few
  function canonicalFilter(slug: string, filter: ListingFilter): ListingFilter {
    const key = JSON.stringify([slug, filter.kind, filter.year]);
    if (!canonical.has(key)) canonical.set(key, broadestFilter(slug, filter));
    return canonical.get(key)!;
  }
  function broadestFilter(slug: string, filter: ListingFilter): ListingFilter {
    const list = pagesOf(slug);
    const count = filterPages(list, filter).length;
    let broadest = filter;
    if (broadest.year && filterPages(list, { kind: broadest.kind }).length === count)
      broadest = { kind: broadest.kind };
    if (broadest.kind && filterPages(list, { year: broadest.year }).length === count)
      broadest = { year: broadest.year };
    return {
      ...(broadest.kind ? { kind: broadest.kind } : {}),
      ...(broadest.year ? { year: broadest.year } : {}),
    };
  }

  /** Districts that have at least one page, in display order (by level, then official order). */
  const districtsWithPages = (): District[] => catalog.districts.filter((d) => pagesOf(d.slug).length > 0);
  const countyLevels = new Set(catalog.levels.filter((l) => l.county).map((l) => l.name));

  return {
    pages,
    pagesOf,
    pageAt: (path: string): CatalogPage | undefined => byPath.get(path),
    districtNameOf: (slug: string): string => districtNames.get(slug) ?? slug,
    districtsWithPages,
    /** Of those, the 区县（市）: districts whose level is a county level (levels.yaml: county). */
    countiesWithPages: (): District[] => districtsWithPages().filter((d) => countyLevels.has(d.level)),

    /** Kinds that have at least one page, in display order. */
    kindsWithPages: (): VocabularyEntry[] =>
      catalog.kinds.filter((k) => pages.some((p) => p.kind === k.name)),

    /** Top-level documents (not compilation articles), newest first; undated ones after, in catalog order. */
    newestDocuments: (count: number): CatalogPage[] =>
      pages
        .filter((p) => !p.parent)
        .toSorted(
          (a, b) =>
            (b.date ?? '').localeCompare(a.date ?? '') ||
            catalogOrder.get(a.path)! - catalogOrder.get(b.path)!,
        )
        .slice(0, count),

    canonicalFilter,

    /**
     * /district/<slug>/[<kind>/][<year>/] — kinds are Chinese names, years four digits or "undated".
     * Always the canonical listing: a filter that narrows nothing (the district's only year, a kind's
     * only year) is dropped, so a link never leads to a copy of a broader listing.
     */
    listingUrl(slug: string, filter: ListingFilter = {}): string {
      const { kind, year } = canonicalFilter(slug, filter);
      return districtUrl(slug) + (kind ? `${kind}/` : '') + (year ? `${year}/` : '');
    },

    /** Every listing of every district: all, and each kind, year, kind and year that narrows it (canonical, non-empty). */
    districtListings(): { district: District; filter: ListingFilter; pages: CatalogPage[] }[] {
      return districtsWithPages().flatMap((district) => {
        const list = pagesOf(district.slug);
        const kinds = [...new Set(list.map((p) => p.kind))];
        const years = [...new Set(list.map(yearOf))].sort(compareYears);
        const filters: ListingFilter[] = [
          {},
          ...kinds.map((kind) => ({ kind })),
          ...years.map((year) => ({ year })),
          ...kinds.flatMap((kind) => years.map((year) => ({ kind, year }))),
        ];
        return filters
          .map((filter) => ({ district, filter, pages: filterPages(list, filter) }))
          .filter(
            (listing) =>
              listing.pages.length > 0 &&
              sameFilter(canonicalFilter(district.slug, listing.filter), listing.filter),
          );
      });
    },
  };
}
