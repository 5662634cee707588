/**
 * Where the document pages' body HTML waits between content sync, which renders it
 * (src/lib/mdx-pages-loader.ts), and the page that shows it (src/pages/docs/[...path].astro): one
 * file per page in Astro's cache directory. Kept out of the content store, which Astro serializes
 * whole (and, chunked, a character at a time), so that the store holds only the pages' facts.
 *
 * A file is named by the page and the digest of what it was rendered from (the page's MDX and the
 * base path), and written whole under a temporary name first: another sync on the same cache (a
 * second build, `astro check`) writes the same file for the same page, never half a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sitePaths } from '../../scripts/site-paths.ts';

const RENDERED_PAGES_DIR = join(sitePaths.astroCache, 'document-html');

const renderedPageFile = (id: string, digest: string | number): string =>
  join(RENDERED_PAGES_DIR, `${id}.${digest}.html`);

export function writeRenderedPage(id: string, digest: string | number, html: string): void {
  const file = renderedPageFile(id, digest);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, html);
  renameSync(temporary, file);
}

/** Removes the files of pages and versions no longer in the library (`kept`: id and digest of each page). */
export function removeOtherRenderedPages(kept: { id: string; digest: string | number }[]): void {
  if (!existsSync(RENDERED_PAGES_DIR)) return;
  const keep = new Set(kept.map(({ id, digest }) => renderedPageFile(id, digest)));
  for (const entry of readdirSync(RENDERED_PAGES_DIR, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.html') && !keep.has(file)) rmSync(file, { force: true });
  }
}

/** A document page's body HTML, as content sync rendered it. */
export function readRenderedPage(id: string, digest: string | number | undefined): string {
  const file = renderedPageFile(id, digest ?? '');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${file}: the body of page "${id}" was not rendered at content sync; build again (npm run build)`,
      {
        cause: error,
      },
    );
  }
}
