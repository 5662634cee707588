import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import { publishSite } from './scripts/integrations/publish.ts';
import { searchIndex } from './scripts/integrations/search-index.ts';
import { stagingDirFor } from './scripts/replace-dir.ts';
import { siteConfig } from './scripts/site-config.ts';
import { pinSitePaths, sitePaths } from './scripts/site-paths.ts';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown-plugins.ts';

// dist/ and src/generated/ unless the environment names others (scripts/site-paths.ts).
const { dist, generated, astroCache } = sitePaths;
pinSitePaths();
const catalogFile = join(generated, 'catalog.json');
// Where the site is published: SITE_URL and BASE_PATH from the environment (README: Publishing).
const { site, base } = siteConfig();

export default defineConfig({
  site,
  base,
  // Astro builds into a fresh staging directory; the publish integration swaps it in for dist/
  // once the site is complete, so an interrupted or failed build never touches the published site.
  outDir: stagingDirFor(dist),
  cacheDir: astroCache,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default Sätteri processor runs no remark plugins; the unified one does. The document
    // pages do not come this way (their loader renders them: src/lib/mdx-pages-loader.ts, with the
    // same plugins); a Markdown or MDX page added under src/pages would, through mdx() below.
    // SmartyPants stays off: it would turn the tables' "--" and "---" into dashes, changing the text.
    processor: unified({
      remarkPlugins,
      rehypePlugins: rehypePlugins({ base }),
      smartypants: false,
    }),
  },
  integrations: [
    mdx(),
    // A sitemap lists absolute URLs only (sitemaps.org), so there is none without SITE_URL.
    // Downloads (/sources/*.txt, /docs/*.md …) are files, not pages.
    ...(site ? [sitemap({ filter: (page) => !/\.\w+\/?$/u.test(page) && !page.includes('/404') })] : []),
    searchIndex({ catalogFile }),
    publishSite({ to: dist, catalogFile }),
  ],
});
