import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { publishSite } from './scripts/integrations/publish.ts';
import { searchIndex } from './scripts/integrations/search-index.ts';
import { stagingDirFor } from './scripts/replace-dir.ts';
import { siteConfig } from './scripts/site-config.ts';
import { pinSitePaths, sitePaths } from './scripts/site-paths.ts';
import rehypeBasePath from './src/lib/rehype-base-path.ts';
import rehypeCitable from './src/lib/rehype-citable.ts';
import rehypePhraseBreaks from './src/lib/rehype-phrase-breaks.ts';
import { rehypeRestoreSource, remarkStashSource } from './src/lib/mdx-raw-positions.ts';

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
    // Astro 7's default Sätteri processor runs no remark plugins; the unified one does.
    // SmartyPants stays off: it would turn the tables' "--" and "---" into dashes, changing the text.
    // rehypeCitable adds the "#" / "¶" link control to every heading, paragraph, table and 专栏;
    // rehypeBasePath puts the base path before the body's root-relative links;
    // rehypePhraseBreaks marks where a heading may break between words;
    // remarkStashSource / rehypeRestoreSource: around the MDX pipeline's rehype-raw (mdx-raw-positions.ts).
    processor: unified({
      remarkPlugins: [remarkCjkFriendly, remarkStashSource],
      rehypePlugins: [rehypeRestoreSource, rehypeCitable, [rehypeBasePath, { base }], rehypePhraseBreaks],
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
