/**
 * Where the document pages' body HTML waits between content sync, which renders it
 * (src/lib/mdx-pages-loader.ts), and the page that shows it (src/pages/docs/[...path].astro): one
 * file per page in Astro's cache directory. Kept out of the content store, which Astro serializes
 * whole (and, chunked, a character at a time), so that the store holds only the pages' facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sitePaths } from '../../scripts/site-paths.ts';

export const RENDERED_PAGES_DIR = join(sitePaths.astroCache, 'document-html');

export const renderedPageFile = (id: string): string => join(RENDERED_PAGES_DIR, `${id}.html`);

/** A document page's body HTML, as content sync rendered it. */
export function readRenderedPage(id: string): string {
  try {
    return readFileSync(renderedPageFile(id), 'utf8');
  } catch (error) {
    throw new Error(
      `${renderedPageFile(id)}: the body of page "${id}" was not rendered at content sync; build again (npm run build)`,
      { cause: error },
    );
  }
}
