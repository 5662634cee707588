import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';

export default defineConfig({
  site: 'https://ningbo-policy.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default Sätteri processor runs no remark plugins; the unified one does.
    // SmartyPants stays off: it would turn the tables' "--" and "---" into dashes, changing the text.
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false }),
  },
  integrations: [mdx()],
});
