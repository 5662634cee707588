/** The generated document pages (written by scripts/build-content.ts) as a content collection. */
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { sitePaths } from '../scripts/site-paths.ts';
import { pageFrontmatterSchema } from '../scripts/manifest/site-data.ts';
import { mdxPagesLoader } from './lib/mdx-pages-loader.ts';

const docs = defineCollection({
  // src/generated/docs/ unless the environment names another content step output (scripts/site-paths.ts);
  // each page's body is rendered to HTML as it is loaded (src/lib/mdx-pages-loader.ts).
  loader: mdxPagesLoader({ dir: join(sitePaths.generated, 'docs') }),
  // The schema the build checks each page's frontmatter with when it writes it (strict: unknown keys fail).
  schema: pageFrontmatterSchema,
});

export const collections = { docs };
