/**
 * The site's navigation (src/lib/navigation.ts) over the generated catalog (src/generated/catalog.json,
 * or the content step output the environment names: scripts/site-paths.ts). Read at build time only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import { sitePaths } from '../../scripts/site-paths.ts';
import { libraryNavigation } from './navigation.ts';

export * from './navigation.ts';

const catalog = JSON.parse(readFileSync(join(sitePaths.generated, 'catalog.json'), 'utf8')) as Catalog;
export const {
  pages,
  pagesOf,
  pageAt,
  districtNameOf,
  districtsWithPages,
  countiesWithPages,
  kindsWithPages,
  newestDocuments,
  canonicalFilter,
  listingUrl,
  districtListings,
} = libraryNavigation(catalog);
