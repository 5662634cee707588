/**
 * content/ → src/generated/: normalizes every document in the manifest and writes one MDX page per
 * document (and per article of a compilation), its reusable files (text, Markdown, JSON, CSV per
 * table: scripts/mdx/exports.ts), plus catalog.json for navigation.
 * Output is written to a staging folder and swapped in only when every document succeeded
 * (scripts/replace-dir.ts), so a bad source or an interrupted run leaves the previous generated
 * output untouched. Source files that no manifest entry names are reported: they are not published.
 *
 *   npm run content            (part of npm run build)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, loadContent, type ManifestDocument } from './manifest/load-content.ts';
import { EXPORT_DIR, pageExports } from './mdx/exports.ts';
import { sourceFiles } from './manifest/schema.ts';
import { buildCatalog, pageFrontmatter } from './mdx/frontmatter.ts';
import { toMdx } from './mdx/to-mdx.ts';
import { normalizeDocument, type NormalizedSource } from './normalize/pipeline.ts';
import { removeLeftovers, replaceDir, stagingDirFor } from './replace-dir.ts';
import { sitePaths } from './site-paths.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
}

/** Normalizes every document; the failures of all of them are reported together, each under its manifest file. */
function normalizeAll(documents: ManifestDocument[], contentDir: string): NormalizedSource[] {
  const failures: string[] = [];
  const sources = documents.flatMap(({ file, entry }) => {
    try {
      return [normalizeDocument(entry, contentDir)];
    } catch (error) {
      failures.push(`${file}: document "${entry.slug}" does not build:\n  ${(error as Error).message}`);
      return [];
    }
  });
  if (failures.length === 1) throw new ContentError(failures[0]);
  if (failures.length > 1)
    throw new ContentError(`${failures.length} documents do not build:\n\n${failures.join('\n\n')}`);
  return sources;
}

export function buildContent({ contentDir, outDir }: BuildOptions): NormalizedSource[] {
  const content = loadContent(contentDir);
  const sources = normalizeAll(content.documents, contentDir);
  const staging = stagingDirFor(outDir);
  removeLeftovers(outDir);
  try {
    for (const [i, source] of sources.entries()) {
      for (const page of source.pages) {
        const file = join(staging, 'docs', `${page.path}.mdx`);
        mkdirSync(dirname(file), { recursive: true });
        const frontmatter = pageFrontmatter(page, source, content.districts, content.documents[i].file);
        writeFileSync(file, toMdx(page.tree, frontmatter));
        for (const [path, content] of pageExports(page.tree, frontmatter)) {
          const exported = join(staging, EXPORT_DIR, path);
          mkdirSync(dirname(exported), { recursive: true });
          writeFileSync(exported, content);
        }
      }
    }
    writeFileSync(
      join(staging, 'catalog.json'),
      `${JSON.stringify(buildCatalog(sources, content), null, 2)}\n`,
    );
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  mkdirSync(dirname(outDir), { recursive: true });
  replaceDir(staging, outDir);
  return sources;
}

/** Files in content/sources/ that are not among the `source` files the documents name (hidden files aside). */
export function unreferencedSources(contentDir: string, named: string[]): string[] {
  const referenced = new Set(named);
  return readdirSync(join(contentDir, 'sources'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !referenced.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { content: contentDir, generated } = sitePaths;
  try {
    const sources = buildContent({ contentDir, outDir: generated });
    const pages = sources.reduce((n, s) => n + s.pages.length, 0);
    console.log(
      `content: ${sources.length} sources → ${pages} pages in ${relative(process.cwd(), generated)}/`,
    );
    for (const file of unreferencedSources(
      contentDir,
      sources.flatMap((s) => sourceFiles(s.document)),
    ))
      console.warn(
        `warning: content/sources/${file} is named by no document in content/documents/, so it is not published. ` +
          'Add a manifest entry whose source is this file, or delete it.',
      );
  } catch (error) {
    console.error(`content build failed:\n${(error as Error).message}`);
    process.exit(1);
  }
}
