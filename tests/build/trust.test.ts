/**
 * Who and where from, on every built page: the footer links 关于本站 and 网站地图 (an HTML page
 * listing every document page); a document's facts say 原文未载日期 where its manifest has no date,
 * and link its official original where the manifest knows one (officialUrl).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { loadContent } from '../../scripts/manifest/load-content.ts';
import { builtPages } from '../support/dist-html.ts';
import { contentDir } from '../support/source-lines.ts';

const pages = builtPages();
const docs = pages.filter((p) => p.url.startsWith('/docs/'));
const byUrl = new Map(pages.map((p) => [p.url, p.tree]));
const content = loadContent(contentDir);
/** A document page's manifest entry: its compilation's for an article (/docs/<doc>/<article>/). */
const entryOf = (url: string) => content.documents.find((d) => url.split('/')[2] === d.entry.slug)?.entry;

const footerLink = (tree: (typeof pages)[number]['tree'], href: string) =>
  (selectAll('footer.site-footer a', tree) as Element[]).find((a) => a.properties.href === href);

test('every page links 关于本站 and 网站地图 in its footer', () => {
  assert.ok(pages.length > 20);
  for (const page of pages) {
    assert.equal(
      toText(footerLink(page.tree, '/about/') ?? { type: 'root', children: [] }),
      '关于本站',
      page.url,
    );
    assert.equal(
      toText(footerLink(page.tree, '/sitemap/') ?? { type: 'root', children: [] }),
      '网站地图',
      page.url,
    );
  }
});

test('关于本站 says who makes the site, that it is not an official publication, how texts are chosen and repaired, and how search works', () => {
  const about = byUrl.get('/about/');
  assert.ok(about, '/about/ is built');
  const headings = selectAll('main h2', about).map((h) => toText(h));
  for (const topic of ['谁在做这个网站', '收录哪些文本', '文本如何整理', '搜索如何工作'])
    assert.ok(headings.includes(topic), `a section “${topic}”`);
  assert.match(toText(select('main', about)!), /不是官方出版物/);
});

test('网站地图 is an HTML page that links every document page once', () => {
  const sitemap = byUrl.get('/sitemap/');
  assert.ok(sitemap, '/sitemap/ is built');
  const linked = selectAll('main a', sitemap)
    .map((a) => String(a.properties.href))
    .filter((href) => href.startsWith('/docs/'));
  assert.deepEqual(linked.toSorted(), docs.map((p) => p.url).toSorted());
});

test('a document without a date says 原文未载日期; one with a date shows it', () => {
  assert.ok(
    docs.some((p) => !entryOf(p.url)?.date),
    'the library has an undated document',
  );
  for (const page of docs) {
    const entry = entryOf(page.url);
    assert.ok(entry, `${page.url} has a manifest entry`);
    const facts = toText(select('.doc-meta', page.tree)!);
    if (entry.date) {
      assert.equal(String(select('.doc-meta time', page.tree)?.properties.dateTime), entry.date, page.url);
      assert.doesNotMatch(facts, /原文未载日期/, page.url);
    } else assert.match(facts, /日期\s*原文未载日期/, page.url);
  }
});

test('a document links its official original where the manifest knows one, and only then', () => {
  for (const page of docs) {
    const links = (selectAll('a.official-url', page.tree) as Element[]).map((a) => a.properties.href);
    assert.deepEqual(links, entryOf(page.url)?.officialUrl ? [entryOf(page.url)!.officialUrl] : [], page.url);
  }
});
