/**
 * The distribution of a query's results over the library: per district, kind and year (the page
 * facets of the index, index-format.ts) and per document, summed from the per-page counts the
 * search knows (core.ts `byPage`) — exact when the search's count is, else lower bounds with the
 * sections still to check. No text is read for it.
 */
import type { PageCount } from './core.ts';
import type { Facet, PageFacets } from './index-format.ts';

/** The results under one facet value (a page listed under several values counts under each). */
export interface ValueCount {
  value: string;
  documents: number;
  sections: number;
  hits: number;
  /** Sections not yet checked that may add to it (0 when the count is exact). */
  unchecked: number;
}

/** Per value of a facet, the pages holding results and their counts; values without any left out. Most hits first. */
export function facetCounts(
  byPage: ReadonlyMap<number, PageCount>,
  pages: PageFacets,
  facet: Facet,
): ValueCount[] {
  const { values, pages: valuesOf } = pages.facets[facet];
  const out = new Map<number, ValueCount>();
  for (const [page, c] of byPage)
    for (const i of valuesOf[page] ?? []) {
      const v = out.get(i) ?? { value: values[i], documents: 0, sections: 0, hits: 0, unchecked: 0 };
      if (c.sections) v.documents++;
      v.sections += c.sections;
      v.hits += c.hits;
      v.unchecked += c.unchecked;
      out.set(i, v);
    }
  return [...out.values()].sort((a, b) => b.hits - a.hits || b.unchecked - a.unchecked);
}

/** The pages holding results (or that may), most hits first, then in reading order. */
export function documentCounts(byPage: ReadonlyMap<number, PageCount>): [page: number, count: PageCount][] {
  return [...byPage].sort(([pa, a], [pb, b]) => b.hits - a.hits || b.unchecked - a.unchecked || pa - pb);
}
