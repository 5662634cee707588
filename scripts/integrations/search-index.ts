/**
 * Astro integration: once the pages are built (astro:build:done), indexes them for search, in the
 * build's output directory (the staging directory, see publish.ts). Model: Starlight's
 * integrations/pagefind.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../build-search-index.ts';
import type { Catalog } from '../manifest/site-data.ts';
import { INDEX_DIR } from '../../src/lib/search/index-format.ts';

export function searchIndex({ catalogFile }: { catalogFile: string }): AstroIntegration {
  let base = '/';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
        logger.info(`indexing ${catalog.pages.length} document pages…`);
        const s = await buildSearchIndex({ siteDir: fileURLToPath(dir), catalog, base });
        logger.info(
          `${s.pages} pages, ${s.sections} sections, ${s.characters} characters, ${s.tokens} tokens; ` +
            `lists ${Math.round(s.indexBytes / 1024)} KB and texts ${Math.round(s.textBytes / 1024)} KB gzip ` +
            `in ${s.files} files in /${INDEX_DIR}/`,
        );
      },
    },
  };
}
