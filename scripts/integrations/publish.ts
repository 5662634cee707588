/**
 * Astro integration, last in the list: publishes the built site atomically. Astro builds into a
 * staging directory (astro.config.ts `outDir`, see scripts/replace-dir.ts); when every step before
 * it has succeeded (content, pages, search index), the built site is checked for completeness and
 * only then swapped in for dist/. A failed or interrupted build leaves dist/ as it was; what it left
 * behind is removed when the next build starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Catalog } from '../manifest/site-data.ts';
import { removeLeftovers, replaceDir } from '../replace-dir.ts';
import { REQUIRED_INDEX_FILES } from '../../src/lib/search/index-format.ts';

/** Files a complete site has: every page of the catalog, the search page and both halves of the index. */
function missingFiles(siteDir: string, catalog: Catalog): string[] {
  const required = [
    'index.html',
    '404.html',
    'search/index.html',
    ...REQUIRED_INDEX_FILES,
    ...catalog.pages.map((page) => `docs/${page.path}/index.html`),
  ];
  return required.filter((file) => !existsSync(join(siteDir, file)));
}

export function publishSite({ to, catalogFile }: { to: string; catalogFile: string }): AstroIntegration {
  let staging = '';
  return {
    name: 'publish',
    hooks: {
      'astro:config:done': ({ config }) => {
        staging = fileURLToPath(config.outDir).replace(/[/\\]$/, '');
      },
      'astro:build:start': ({ logger }) => {
        for (const leftover of removeLeftovers(to, staging))
          logger.info(`removed ${relative(process.cwd(), leftover)}, left by an interrupted build`);
      },
      'astro:build:done': ({ logger }) => {
        const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
        const missing = missingFiles(staging, catalog);
        if (missing.length)
          throw new Error(
            `the built site in ${staging} lacks ${missing.join(', ')}; ${relative(process.cwd(), to)}/ ` +
              'is left as it was. Fix the step that should have written them and build again.',
          );
        replaceDir(staging, to);
        logger.info(`published ${relative(process.cwd(), to)}/`);
      },
    },
  };
}
