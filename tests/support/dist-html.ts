/** Reads the built HTML pages of dist/ as hast trees, keyed by their URL path ("/docs/x/"). */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { distDir } from './serve-dist.ts';

export interface BuiltPage {
  file: string;
  url: string;
  tree: Root;
}

export function htmlFiles(dir = distDir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) files.push(path);
  }
  return files.sort();
}

export function urlOf(file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export function builtPages(): BuiltPage[] {
  return htmlFiles().map((file) => ({ file, url: urlOf(file), tree: fromHtml(readFileSync(file, 'utf8')) }));
}
