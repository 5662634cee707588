/**
 * Astro content loader for the generated document pages (docs/**\/*.mdx, written by the content
 * step): each page's frontmatter is checked against the collection's schema and its body rendered
 * to HTML here, at content sync (src/lib/render-mdx.ts, on worker threads: src/lib/render-pool.ts),
 * into a file the page reads (src/lib/rendered-pages.ts), so that the build bundles no module per
 * page and the content store holds only the pages' facts. Every sync renders every page: the HTML
 * depends on the plugins' code as well as on the file, which a digest of the file cannot see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseFrontmatter } from 'astro/markdown';
import pLimit from 'p-limit';
import { createRenderPool, RenderError } from './render-pool.ts';
import { removeOtherRenderedPages, writeRenderedPage } from './rendered-pages.ts';

const CONTENT_STEP_HINT =
  '. The content step writes this file (npm run content): correct the source or the manifest, not the page.';

export function mdxPagesLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'mdx-pages',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const root = fileURLToPath(config.root);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .sort();
      const pool = createRenderPool({ base: config.base });
      // A few pages in flight per thread: the texts waiting to be rendered stay few.
      const limit = pLimit(pool.size * 2);
      const pages = await Promise.all(
        files.map((file) =>
          limit(async () => {
            const filePath = join(dir, file);
            const where = relative(root, filePath);
            const fail = (error: Error, hint = '') =>
              new Error(`${where}: ${error.message}${hint}`, { cause: error });
            const text = readFileSync(filePath, 'utf8');
            const id = file.replaceAll('\\', '/').replace(/\.mdx$/u, '');
            // Astro's own reader, which the content step writes for (scripts/mdx/frontmatter.ts); the
            // body keeps its lines' numbers, for the renderer's messages.
            let page: ReturnType<typeof parseFrontmatter>;
            try {
              page = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
            } catch (error) {
              throw fail(error as Error, CONTENT_STEP_HINT);
            }
            const data = await parseData({ id, data: page.frontmatter, filePath });
            const html = await pool.render(page.content).catch((error: Error) => {
              throw fail(error, error instanceof RenderError ? CONTENT_STEP_HINT : '');
            });
            // What the HTML was rendered from: the page and the base path its links carry.
            const digest = generateDigest(`${config.base}\n${text}`);
            writeRenderedPage(id, digest, html);
            return { id, data, filePath: where, digest };
          }),
        ),
      ).finally(() => pool.close());
      removeOtherRenderedPages(pages);
      store.clear();
      for (const page of pages) store.set(page);
      logger.info(`rendered ${files.length} document pages on ${pool.size} threads`);
    },
  };
}
