/**
 * Where the build reads and writes, defined once for the content step, Astro and the tools: this
 * project's content/, src/generated/ and dist/ (and Astro's cache), unless the environment names
 * other directories. The scale benchmark (scripts/dev/bench-scale.ts) builds synthetic libraries in
 * a temporary directory this way, with the same code:
 *
 *   SITE_CONTENT_DIR=/tmp/x/content SITE_GENERATED_DIR=/tmp/x/generated SITE_DIST_DIR=/tmp/x/dist \
 *   SITE_CACHE_DIR=/tmp/x/cache npm run build
 */
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fromEnv = (name: string, fallback: string) => resolve(process.env[name] || fallback);

/**
 * Sets the environment to these paths, for code that Astro bundles into its build output (pages,
 * content config): there this module's own location is the bundle's, not scripts/. astro.config.ts
 * calls it before the build starts.
 */
export function pinSitePaths(): void {
  process.env.SITE_CONTENT_DIR = sitePaths.content;
  process.env.SITE_GENERATED_DIR = sitePaths.generated;
  process.env.SITE_DIST_DIR = sitePaths.dist;
  process.env.SITE_CACHE_DIR = sitePaths.astroCache;
}

export const sitePaths = {
  root,
  /** The manifest, vocabularies and sources. */
  content: fromEnv('SITE_CONTENT_DIR', join(root, 'content')),
  /** The content step's output: docs/**\/*.mdx and catalog.json. */
  generated: fromEnv('SITE_GENERATED_DIR', join(root, 'src', 'generated')),
  /** The published site. */
  dist: fromEnv('SITE_DIST_DIR', join(root, 'dist')),
  /** Astro's cache (its content layer's data store among others). */
  astroCache: fromEnv('SITE_CACHE_DIR', join(root, 'node_modules', '.astro')),
};
