import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeCitable from './src/lib/rehype-citable.ts';

export default defineConfig({
  site: 'https://ningbo-policy.example.org',
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
  ],
});
