/** The generated document pages (written by scripts/build-content.ts) as a content collection. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageFrontmatterSchema } from '../scripts/manifest/site-data.ts';

const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/generated/docs' }),
  // The schema the build checks each page's frontmatter with when it writes it (strict: unknown keys fail).
  schema: pageFrontmatterSchema,
});

export const collections = { docs };
