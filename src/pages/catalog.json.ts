/**
 * /catalog.json: every document page of the library with its metadata and the links to the page
 * and its reusable files (text, Markdown, JSON with the tables' CSV links, the original source),
 * in the order of the site's navigation. Links are absolute with SITE_URL, else paths under the base.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { pages } from '../lib/catalog';
import { pageFiles, sourcePath } from '../lib/downloads';
import { linkUrl } from '../lib/site-url';

/** The format's name and version: a reader can tell what it has. */
const CATALOG_FORMAT = 'ningbo-policy-library/catalog@1';

export const GET: APIRoute = async () => {
  const byPath = new Map((await getCollection('docs')).map((entry) => [entry.data.path, entry.data]));
  const documents = pages.map(({ path, mentions }) => {
    const { toc: _toc, repairs: _repairs, articles: _articles, ...metadata } = byPath.get(path)!;
    const files = pageFiles(path);
    return {
      ...metadata,
      ...(mentions ? { mentions } : {}),
      links: {
        page: linkUrl(files.page),
        text: linkUrl(files.text),
        markdown: linkUrl(files.markdown),
        json: linkUrl(files.json),
        // The original text: its files in reading order (one for most documents).
        sources: metadata.sourceFiles.map((file) => linkUrl(sourcePath(file))),
      },
    };
  });
  const body = { format: CATALOG_FORMAT, title: '宁波政策文库', documents };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
