import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { publishSite } from './scripts/integrations/publish.ts';
import { searchIndex } from './scripts/integrations/search-index.ts';
import { stagingDirFor } from './scripts/replace-dir.ts';
import rehypeCitable from './src/lib/rehype-citable.ts';

const dist = fileURLToPath(new URL('./dist', import.meta.url));
const catalogFile = fileURLToPath(new URL('./src/generated/catalog.json', import.meta.url));

export default defineConfig({
  site: 'https://ningbo-policy.example.org',
  // Astro builds into a fresh staging directory; the publish integration swaps it in for dist/
  // once the site is complete, so an interrupted or failed build never touches the published site.
  outDir: stagingDirFor(dist),
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default Sätteri processor runs no remark plugins; the unified one does.
    // SmartyPants stays off: it would turn the tables' "--" and "---" into dashes, changing the text.
    // rehypeCitable adds the "#" / "¶" link control to every heading, paragraph, table and 专栏.
    processor: unified({
      remarkPlugins: [remarkCjkFriendly],
      rehypePlugins: [rehypeCitable],
      smartypants: false,
    }),
  },
  integrations: [
    mdx(),
    // Source downloads (/sources/*.txt) are files, not pages.
    sitemap({ filter: (page) => !page.includes('/sources/') && !page.includes('/404') }),
    searchIndex({ catalogFile }),
    publishSite({ to: dist, catalogFile }),
  ],
});
