/** The site's navigation (src/lib/navigation.ts) over the generated catalog (src/generated/catalog.json). */
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import catalogJson from '../generated/catalog.json';
import { libraryNavigation } from './navigation.ts';

export * from './navigation.ts';

const catalog: Catalog = catalogJson;
export const {
  pages,
  pagesOf,
  pageAt,
  districtNameOf,
  districtsWithPages,
  kindsWithPages,
  newestDocuments,
  canonicalFilter,
  listingUrl,
  districtListings,
} = libraryNavigation(catalog);
