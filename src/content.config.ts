/** The generated document pages (written by scripts/build-content.ts) as a content collection. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sitePaths } from '../scripts/site-paths.ts';
import { pageFrontmatterSchema } from '../scripts/manifest/site-data.ts';

const docs = defineCollection({
  // src/generated/docs/ unless the environment names another content step output (scripts/site-paths.ts).
  loader: glob({ pattern: '**/*.mdx', base: pathToFileURL(join(sitePaths.generated, 'docs/')) }),
  // The schema the build checks each page's frontmatter with when it writes it (strict: unknown keys fail).
  schema: pageFrontmatterSchema,
});

export const collections = { docs };
