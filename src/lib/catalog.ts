/** Navigation data: districts in official order with their documents, from the generated catalog. */
import catalog from '../generated/catalog.json';

export interface District {
  slug: string;
  name: string;
  level: string;
  order: number;
}
export interface CatalogPage {
  path: string;
  title: string;
  kind: string;
  district: string;
  date?: string;
  parent?: string;
  mentions?: string[];
}

const districts: District[] = catalog.districts;
export const pages: CatalogPage[] = catalog.pages;

export const docUrl = (path: string): string => `/docs/${path}/`;
export const districtUrl = (slug: string): string => `/district/${slug}/`;

/** Pages listed under a district: its own documents and compilation articles, plus articles that mention it. */
export function pagesOf(slug: string): CatalogPage[] {
  return pages.filter((p) => p.district === slug || p.mentions?.includes(slug));
}

/** Districts that have at least one page, 宁波市 first, then the official order. */
export function districtsWithPages(): District[] {
  return districts.filter((d) => pagesOf(d.slug).length > 0);
}
