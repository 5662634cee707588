/**
 * Astro content loader for the generated document pages (docs/**\/*.mdx, written by the content
 * step): each page's frontmatter is checked against the collection's schema and its body rendered
 * to HTML here, at content sync (src/lib/render-mdx.ts), so that `render(entry)` gives that HTML and
 * the build bundles no module per page. Every sync renders every page: the HTML depends on the
 * plugins' code and the base path as well as on the file, so a digest of the file alone cannot say
 * that a page's HTML is still right.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { createMdxRenderer } from './render-mdx.ts';
import { rehypePlugins, remarkPlugins } from './markdown-plugins.ts';

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
      const render = createMdxRenderer({
        remarkPlugins,
        rehypePlugins: rehypePlugins({ base: config.base }),
      });
      const root = fileURLToPath(config.root);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .sort();
      store.clear();
      for (const file of files) {
        const filePath = join(dir, file);
        const where = relative(root, filePath);
        const text = readFileSync(filePath, 'utf8');
        const id = file.replaceAll('\\', '/').replace(/\.mdx$/u, '');
        const { frontmatter, body } = splitPage(text);
        const data = await parseData({ id, data: frontmatter as Record<string, unknown>, filePath });
        let html: string;
        try {
          html = render(body);
        } catch (error) {
          throw new Error(
            `${where}: ${(error as Error).message}. The content step writes this file (npm run content): ` +
              'correct the source or the manifest, not the page.',
            { cause: error },
          );
        }
        store.set({ id, data, filePath: where, digest: generateDigest(text), rendered: { html } });
      }
      logger.info(`rendered ${files.length} document pages`);
    },
  };
}
