/** Navigation data from the generated catalog: districts and kinds in display order, and their pages. */
import type { District, VocabularyEntry } from '../../scripts/manifest/schema.ts';
import type { Catalog, CatalogPage } from '../../scripts/manifest/site-data.ts';
import catalogJson from '../generated/catalog.json';
import { sitePath } from './site-url.ts';

const catalog: Catalog = catalogJson;
export const { pages } = catalog;

export const docUrl = (path: string): string => sitePath(`docs/${path}/`);
export const districtUrl = (slug: string): string => sitePath(`district/${slug}/`);

/** Pages listed under a district: its own documents and compilation articles, plus articles that mention it. */
export function pagesOf(slug: string): CatalogPage[] {
  return pages.filter((p) => p.district === slug || p.mentions?.includes(slug));
}

/** Districts that have at least one page, in display order (by level, then official order). */
export function districtsWithPages(): District[] {
  return catalog.districts.filter((d) => pagesOf(d.slug).length > 0);
}

/** Kinds that have at least one page, in display order. */
export function kindsWithPages(): VocabularyEntry[] {
  return catalog.kinds.filter((k) => pages.some((p) => p.kind === k.name));
}
