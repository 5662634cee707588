/**
 * Built with no SITE_URL (as `npm test` builds it), the site names no address it does not have:
 * no example domain or other invented host anywhere, no canonical link, og:url, sitemap or OpenSearch
 * description (all need absolute URLs), robots.txt without a Sitemap line, and feeds, catalog and
 * JSON files that link by path. tests/e2e/base-path.test.ts builds with SITE_URL and BASE_PATH and
 * checks that every address then uses them.
 */
import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { builtPages } from '../support/dist-html.ts';
import { distDir } from '../support/serve-dist.ts';
import { projectRoot } from '../support/project-copy.ts';

/** Files the site writes, the search index included (the site's own since it no longer ships Pagefind). */
const ownFiles = globSync('**/*', { cwd: distDir, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name));
/** XML vocabularies the site's files name: namespaces, not addresses. */
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/2005/Atom']);
/** Addresses that the documents themselves print (their sources and manifests): real, and kept verbatim. */
const contentText = globSync('**/*.{txt,yaml}', { cwd: join(projectRoot, 'content') })
  .map((file) => readFileSync(join(projectRoot, 'content', file), 'utf8'))
  .join('\n');

test('no file of the built site names an example domain', () => {
  const named = globSync('**/*', { cwd: distDir, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => /\bexample\.(?:org|net)\b|ningbo-policy\.example/u.test(readFileSync(file, 'latin1')));
  assert.deepEqual(named, []);
});

test('every absolute URL in the site’s own files is an XML namespace or printed by a document', () => {
  assert.ok(ownFiles.length > 50, `checked ${ownFiles.length} files`);
  const invented: string[] = [];
  for (const file of ownFiles)
    for (const [url] of readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s"'<>)`\\]+/gu))
      if (!NAMESPACES.has(url) && !contentText.includes(url))
        invented.push(`${file.slice(distDir.length)}: ${url}`);
  assert.deepEqual(invented, []);
});

test('no canonical link, og:url, sitemap or OpenSearch description; the printed address is a path', () => {
  for (const page of builtPages()) {
    for (const selector of [
      'link[rel=canonical]',
      'meta[property="og:url"]',
      'link[rel=sitemap]',
      'link[rel=search]',
    ])
      assert.equal(select(selector, page.tree), undefined, `${page.url}: ${selector}`);
    const printed = select('.page-address', page.tree);
    if (printed)
      assert.equal(toText(printed), page.url, `${page.url}: 本文网址 is its path (reader.ts completes it)`);
    assert.equal(
      selectAll('meta[name=citation_public_url]', page.tree).length,
      0,
      `${page.url}: no public URL in the citation metadata`,
    );
  }
  for (const file of ['sitemap-index.xml', 'sitemap-0.xml', 'opensearch.xml'])
    assert.equal(existsSync(join(distDir, file)), false, `${file} is not built`);
  assert.equal(readFileSync(join(distDir, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n');
});

test('feeds, the catalog and the documents’ JSON link by path', () => {
  const feeds = globSync(['feed.xml', 'feeds/*.xml'], { cwd: distDir });
  assert.ok(feeds.length > 1);
  for (const feed of feeds)
    for (const [, href] of readFileSync(join(distDir, feed), 'utf8').matchAll(/href="([^"]*)"/gu))
      assert.match(href, /^\/(?!\/)/u, `${feed}: ${href}`);
  const catalog = JSON.parse(readFileSync(join(distDir, 'catalog.json'), 'utf8')) as {
    documents: { links: Record<string, string | string[]> }[];
  };
  for (const link of catalog.documents.flatMap((d) => Object.values(d.links).flat()))
    assert.match(link, /^\/(?!\/)/u);
});
