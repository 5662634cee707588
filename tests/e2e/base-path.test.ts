/**
 * Published under a sub-path with a public URL: a copy of the project is built with SITE_URL and
 * BASE_PATH (into its own dist/, this checkout's untouched) and served under the base path, as a host
 * would. The link checker passes on it; canonical links, 本文网址, citation metadata, the sitemap,
 * robots.txt, the feeds, OpenSearch, catalog.json and the documents' JSON all use the configured
 * address and nothing else; in Chromium a search finds and lands on its match, the 404 page works at
 * any depth, and a copied citation names the public address.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { globSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Element } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Browser } from 'playwright';
import type { ExportedDocument } from '../../scripts/mdx/to-json.ts';
import { serveSite, type SiteServer } from '../../scripts/serve-site.ts';
import { launchBrowser } from '../support/browser.ts';
import { builtPages } from '../support/dist-html.ts';
import { checkLinks } from '../support/link-check.ts';
import { copyProject } from '../support/project-copy.ts';

const SITE_URL = 'https://zhengce.nb.test';
const BASE = '/ningbo-policy/';
const ROOT = `${SITE_URL}${BASE}`;

let project: string;
let dist: string;
let site: SiteServer;
let browser: Browser;

before(
  async () => {
    project = copyProject('base-path-');
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: project,
      env: { ...process.env, SITE_URL, BASE_PATH: BASE, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`.slice(-3000));
    dist = join(project, 'dist');
    site = await serveSite({ root: dist, base: BASE });
    browser = await launchBrowser();
  },
  { timeout: 300_000 },
);
after(async () => {
  await browser?.close();
  await site?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const docJson = () =>
  globSync('docs/**/*.json', { cwd: dist }).map((f) => JSON.parse(read(f)) as ExportedDocument);

describe('the site built for a sub-path', () => {
  test('the link checker passes with the base path', () => {
    const { pages, checked, broken } = checkLinks(dist, BASE);
    assert.ok(pages >= 15 && checked > 500, `${checked} links on ${pages} pages`);
    assert.deepEqual(broken, [], broken.slice(0, 30).join('\n'));
  });

  test('canonical links, og:url, 本文网址 and citation_public_url are the configured addresses', () => {
    for (const page of builtPages(dist)) {
      if (page.url === '/404.html') continue;
      // As a URL: a path segment in Chinese (a district listing's kind) is percent-encoded.
      const canonical = new URL(page.url.slice(1), ROOT).href;
      assert.equal(select('link[rel=canonical]', page.tree)?.properties.href, canonical);
      assert.equal(select('meta[property="og:url"]', page.tree)?.properties.content, canonical);
      if (!page.url.startsWith('/docs/')) continue;
      assert.equal(toText(select('.page-address', page.tree)!), canonical);
      assert.equal(select('meta[name=citation_public_url]', page.tree)?.properties.content, canonical);
    }
  });

  test('the sitemap lists every page at its public URL; robots.txt names it', () => {
    assert.match(
      read('sitemap-index.xml'),
      new RegExp(`<loc>${RegExp.escape(ROOT)}sitemap-0\\.xml</loc>`, 'u'),
    );
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => m[1]).sort();
    const pages = builtPages(dist)
      .filter((p) => p.url !== '/404.html')
      .map((p) => new URL(p.url.slice(1), ROOT).href)
      .sort();
    assert.deepEqual(locs, pages);
    assert.equal(read('robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${ROOT}sitemap-index.xml\n`);
  });

  test('feeds, OpenSearch, catalog.json and the documents’ JSON link to the public URL', () => {
    const hrefs = globSync(['feed.xml', 'feeds/*.xml'], { cwd: dist }).flatMap((f) =>
      [...read(f).matchAll(/href="([^"]*)"/gu)].map((m) => m[1]),
    );
    assert.ok(hrefs.length > 5);
    for (const href of hrefs) assert.ok(href.startsWith(ROOT), href);
    assert.match(
      read('opensearch.xml'),
      new RegExp(`template="${RegExp.escape(ROOT)}search/\\?q=\\{searchTerms\\}"`, 'u'),
    );
    const catalog = JSON.parse(read('catalog.json')) as {
      documents: { links: Record<string, string | string[]> }[];
    };
    const links = [
      ...catalog.documents.flatMap((d) => Object.values(d.links).flat()),
      ...docJson().flatMap((d) => [
        ...Object.values(d.links).flat(),
        ...d.blocks.flatMap((b) => (b.type === 'table' ? [b.csv] : [])),
      ]),
    ];
    for (const link of links) assert.ok(link.startsWith(ROOT), link);
  });

  test('no absolute URL of the site’s own files points anywhere but the configured address', () => {
    const vocabularies = [
      'http://www.w3.org/',
      'http://www.sitemaps.org/schemas/',
      'http://www.google.com/schemas/sitemap-',
      'http://a9.com/-/spec/opensearch/',
    ];
    const elsewhere = globSync('**/*', { cwd: dist, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .flatMap((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [...readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s"'<>)`\\]+/gu)]
          .map((m) => m[0])
          .filter((url) => !url.startsWith(ROOT) && !vocabularies.some((v) => url.startsWith(v)))
          .map((url) => `${file.slice(dist.length)}: ${url}`);
      });
    assert.deepEqual(elsewhere, []);
  });
});

describe('in Chromium, served under the base path', () => {
  test('a search finds its text and its result lands on the highlighted match', async () => {
    // A heading of a built document, as the query: it is there, so the search must find it.
    const heading = docJson()
      .flatMap((d) => d.blocks)
      .find((b) => b.type === 'heading' && b.text.length >= 6)!;
    const q = heading.type === 'heading' ? heading.text.slice(2, 6) : '';
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}${BASE}search/?q=${encodeURIComponent(q)}`);
      const first = page.locator('#search-results .search-result-link').first();
      await first.waitFor();
      const href = (await first.getAttribute('href'))!;
      assert.ok(href.startsWith(`${BASE}docs/`), href);
      await first.click();
      await page.waitForURL((u) => u.pathname.startsWith(`${BASE}docs/`));
      const current = page.locator('mark.search-hit-current');
      await current.waitFor();
      assert.equal(await current.innerText(), q);
      assert.ok(await current.isVisible());
    } finally {
      await page.close();
    }
  });

  test('a missing page gets the 404 page, styled and linking home, at any depth', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${site.url}${BASE}docs/no-such-document/deeper/`);
      assert.equal(response?.status(), 404);
      assert.equal(await page.locator('h1').innerText(), '页面不存在');
      assert.equal(
        await page.locator('.site-header').evaluate((el) => getComputedStyle(el).position),
        'sticky',
      );
      assert.equal(await page.locator('main a', { hasText: '回到首页' }).getAttribute('href'), BASE);
    } finally {
      await page.close();
    }
  });

  test('a copied citation names the public address of the passage', async () => {
    const doc = docJson().find((d) => d.blocks.some((b) => b.type === 'paragraph'))!;
    const paragraph = doc.blocks.find((b) => b.type === 'paragraph')! as { id: string };
    const context = await browser.newContext();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      const page = await context.newPage();
      await page.goto(`${site.url}${BASE}docs/${doc.metadata.path}/`);
      await page.locator(`[id="${paragraph.id}"]`).hover();
      await page.locator(`[id="${paragraph.id}"] > button.cite-ref`).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(copied.endsWith(` ${ROOT}docs/${doc.metadata.path}/#${paragraph.id}.`), copied);
    } finally {
      await context.close();
    }
  });
});

test('the page’s download links reach their files under the base path', async () => {
  const page = builtPages(dist).find((p) => p.url.startsWith('/docs/'))!;
  const link = select('.doc-meta a[download][href$=".md"]', page.tree) as Element;
  const res = await fetch(`${site.url}${link.properties.href}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/markdown/u);
});
