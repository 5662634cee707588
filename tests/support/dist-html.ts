/** Reads the built HTML pages of a site (dist/ by default) as hast trees, keyed by their URL path ("/docs/x/"). */
import { globSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { distDir } from './serve-dist.ts';

export interface BuiltPage {
  file: string;
  /** Its path inside the site, from '/' (without a base path the site may be published under). */
  url: string;
  tree: Root;
}

function htmlFiles(dir: string): string[] {
  return globSync('**/*.html', { cwd: dir })
    .map((file) => join(dir, file))
    .sort();
}

export function urlOf(file: string, dir = distDir): string {
  const rel = relative(dir, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export function builtPages(dir = distDir): BuiltPage[] {
  return htmlFiles(dir).map((file) => ({
    file,
    url: urlOf(file, dir),
    tree: fromHtml(readFileSync(file, 'utf8')),
  }));
}
