/** Reads the built HTML pages of dist/ as hast trees, keyed by their URL path ("/docs/x/"). */
import { globSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { distDir } from './serve-dist.ts';

export interface BuiltPage {
  file: string;
  url: string;
  tree: Root;
}

function htmlFiles(dir = distDir): string[] {
  return globSync('**/*.html', { cwd: dir })
    .map((file) => join(dir, file))
    .sort();
}

export function urlOf(file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export function builtPages(): BuiltPage[] {
  return htmlFiles().map((file) => ({ file, url: urlOf(file), tree: fromHtml(readFileSync(file, 'utf8')) }));
}
