/**
 * The body lines of a source as the site should show them: after the manifest's recorded
 * corrections and the traditional→simplified conversion, without extraction debris that the
 * pipeline removes by rule (Word bookmarks, image placeholders, Markdown bold markers around text,
 * a printed table of contents, and the “·” bullets that become list items). Asterisks that mark
 * nothing (a `***` the source prints) stay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { loadContent } from '../../scripts/manifest/load-content.ts';
import { sourceFiles, type DocumentEntry } from '../../scripts/manifest/schema.ts';
import { seedLibrary } from './library.ts';

/** The seed library's content directory. */
export const contentDir = seedLibrary.contentDir;
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const TOC_ENTRY = /^第\S+?[章节].*?(?:\t|\.{2,}\s*)\d+$/u;

export function documents(dir = contentDir): DocumentEntry[] {
  return loadContent(dir).documents.map((d) => d.entry);
}

export function sourceLines(doc: DocumentEntry, dir = contentDir): string[] {
  // A document in several files: their texts in reading order.
  let text = sourceFiles(doc)
    .map((file) => readFileSync(join(dir, 'sources', file), 'utf8'))
    .join('\n');
  for (const c of doc.corrections) text = text.split(c.find).join(c.replace);
  return text
    .split('\n')
    .map((line) =>
      toSimplified(line)
        .replace(/\[bookmark:[^\]]*\]/g, '')
        .replace(/\[image:[^\]]*\]/g, '')
        .replace(/\*\*(.+?)\*\*/gu, '$1')
        .trim()
        .replace(/^[·•]\s*/u, ''),
    )
    .filter((line) => line !== '' && !TOC_ENTRY.test(line) && !/^目\s*录$/.test(line));
}

/** Pages of a document on the site: the document's own path, plus its compilation articles. */
export function pagePaths(doc: DocumentEntry): string[] {
  return [doc.slug, ...(doc.compilation?.articles.map((a) => `${doc.slug}/${a.slug}`) ?? [])];
}
