/**
 * content/ → src/generated/: normalizes every document in the manifest and writes one MDX page per
 * document (and per article of a compilation), plus catalog.json for navigation.
 * Output is written to a temporary folder and swapped in only when every document succeeded,
 * so a bad source leaves the previous generated output untouched.
 *
 *   npm run content            (part of npm run build)
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from './manifest/load-content.ts';
import { buildCatalog, pageFrontmatter } from './mdx/frontmatter.ts';
import { toMdx } from './mdx/to-mdx.ts';
import { normalizeDocument, type NormalizedSource } from './normalize/pipeline.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
}

export function buildContent({ contentDir, outDir }: BuildOptions): NormalizedSource[] {
  const { districts, documents } = loadContent(contentDir);
  const sources = documents.map((document) => normalizeDocument(document, contentDir));
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const source of sources) {
      for (const page of source.pages) {
        const file = join(staging, 'docs', `${page.path}.mdx`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, toMdx(page.tree, pageFrontmatter(page, source, districts)));
      }
    }
    writeFileSync(
      join(staging, 'catalog.json'),
      `${JSON.stringify(buildCatalog(sources, districts), null, 2)}\n`,
    );
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(staging, outDir);
  return sources;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const sources = buildContent({
      contentDir: join(root, 'content'),
      outDir: join(root, 'src', 'generated'),
    });
    const pages = sources.reduce((n, s) => n + s.pages.length, 0);
    console.log(`content: ${sources.length} sources → ${pages} pages in src/generated/`);
  } catch (error) {
    console.error(`content build failed:\n${(error as Error).message}`);
    process.exit(1);
  }
}
