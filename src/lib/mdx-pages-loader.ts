/**
 * Astro content loader for the generated document pages (docs/**\/*.mdx, written by the content
 * step): each page's frontmatter is checked against the collection's schema and its body rendered
 * to HTML here, at content sync (src/lib/render-mdx.ts, on worker threads: src/lib/render-pool.ts),
 * into a file the page reads (src/lib/rendered-pages.ts), so that the build bundles no module per
 * page and the content store holds only the pages' facts. Every sync renders every page: the HTML depends on the
 * plugins' code and the base path as well as on the file, so a digest of the file alone cannot say
 * that a page's HTML is still right.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import pLimit from 'p-limit';
import { createRenderPool } from './render-pool.ts';
import { RENDERED_PAGES_DIR, renderedPageFile } from './rendered-pages.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u;

/** A page file's frontmatter (YAML) and body; the body keeps its lines' numbers (blank lines in place). */
function splitPage(text: string): { frontmatter: unknown; body: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) return { frontmatter: {}, body: text };
  const lines = match[0].split('\n').length - 1;
  return { frontmatter: parseYaml(match[1]!) ?? {}, body: '\n'.repeat(lines) + text.slice(match[0].length) };
}

export function mdxPagesLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'mdx-pages',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const root = fileURLToPath(config.root);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .sort();
      rmSync(RENDERED_PAGES_DIR, { recursive: true, force: true });
      const pool = createRenderPool({ base: config.base });
      // A few pages in flight per worker: the texts waiting to be rendered stay few.
      const limit = pLimit(pool.size * 2);
      const pages = await Promise.all(
        files.map((file) =>
          limit(async () => {
            const filePath = join(dir, file);
            const where = relative(root, filePath);
            const text = readFileSync(filePath, 'utf8');
            const id = file.replaceAll('\\', '/').replace(/\.mdx$/u, '');
            const { frontmatter, body } = splitPage(text);
            const data = await parseData({ id, data: frontmatter as Record<string, unknown>, filePath });
            const html = await pool.render(body).catch((error: Error) => {
              throw new Error(
                `${where}: ${error.message}. The content step writes this file (npm run content): ` +
                  'correct the source or the manifest, not the page.',
                { cause: error },
              );
            });
            const htmlFile = renderedPageFile(id);
            mkdirSync(dirname(htmlFile), { recursive: true });
            writeFileSync(htmlFile, html);
            return { id, data, filePath: where, digest: generateDigest(text) };
          }),
        ),
      ).finally(() => pool.close());
      store.clear();
      for (const page of pages) store.set(page);
      logger.info(`rendered ${files.length} document pages on ${pool.size} threads`);
    },
  };
}
