/**
 * The library's machine-readable announcements, written at build time: Atom feeds of documents
 * (the library's and each district's) and the OpenSearch description. XML through xastscript and
 * xast-util-to-xml, so titles with & < " are escaped.
 *
 * Feed and entry ids are name-based UUIDs (v5, RFC 4122) of the page path, not URLs: an Atom id
 * must be an absolute IRI and never change, and the site may have no public URL, or move. Links
 * are absolute with SITE_URL, else paths, which a feed reader resolves against the feed's own URL.
 * Atom requires a date per entry (atom:updated); the library does not invent one, so a document
 * without a date is on the site but not in the feeds.
 */
import { createHash } from 'node:crypto';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { PageFrontmatter } from '../../scripts/manifest/site-data.ts';
import { statedAuthor, summaryFacts } from './document-facts.ts';
import { pageFiles } from './downloads.ts';
import { linkUrl } from './site-url.ts';

/** This library's UUID namespace (fixed once: ids derived from it stay the same for ever). */
const LIBRARY_NAMESPACE = '3993c0e6-6aff-4bdc-b979-ef9ab2d676ae';

/** RFC 4122 version 5 UUID of `name` in the library's namespace, as a URN. */
function nameUuid(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(LIBRARY_NAMESPACE.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A document's day as an instant: its date at midnight in China (UTC+8), where the documents are issued. */
const instant = (date: string) => `${date}T00:00:00+08:00`;

/** Documents with a date, newest first (ties: by title, for a stable order). */
function feedDocuments(pages: readonly PageFrontmatter[]): (PageFrontmatter & { date: string })[] {
  return pages
    .filter((p): p is PageFrontmatter & { date: string } => Boolean(p.date))
    .toSorted((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'zh'));
}

export interface FeedOptions {
  title: string;
  subtitle: string;
  /** Site path of the feed itself (feed.xml, feeds/<district>.xml). */
  self: string;
  /** Site path of the page the feed follows (the home page, a district page). */
  alternate: string;
  pages: readonly PageFrontmatter[];
}

/** The feed; a feed is made only where a document has a date (its atom:updated is the newest one). */
export function atomFeed({ title, subtitle, self, alternate, pages }: FeedOptions): string {
  const documents = feedDocuments(pages);
  if (!documents.length)
    throw new Error(`feed ${self}: none of its documents has a date, so it has no entries`);
  const entries = documents.map((d) => {
    const files = pageFiles(d.path);
    // The summary is text, so a value the editors supplied carries their mark; <author> cannot carry
    // one, so it names only an author the text states (the feed's own author stands in otherwise).
    const summary = [d.districtName, ...summaryFacts(d)].join(' · ');
    const author = statedAuthor(d);
    return x('entry', [
      x('id', nameUuid(`docs/${d.path}`)),
      x('title', d.title),
      x('updated', instant(d.date)),
      x('published', instant(d.date)),
      ...(author ? [x('author', [x('name', author)])] : []),
      x('link', { rel: 'alternate', type: 'text/html', href: linkUrl(files.page) }),
      x('link', { rel: 'alternate', type: 'text/markdown', href: linkUrl(files.markdown) }),
      x('link', { rel: 'alternate', type: 'application/json', href: linkUrl(files.json) }),
      x('category', { term: d.district, label: d.districtName }),
      x('category', { term: d.kind, label: d.kind }),
      x('summary', summary),
    ]);
  });
  const feed = x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' }, [
    x('id', nameUuid(self)),
    x('title', title),
    x('subtitle', subtitle),
    x('updated', instant(documents[0].date)),
    x('link', { rel: 'self', type: 'application/atom+xml', href: linkUrl(self) }),
    x('link', { rel: 'alternate', type: 'text/html', href: linkUrl(alternate) }),
    x('author', [x('name', '宁波政策文库')]),
    ...entries,
  ]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${toXml(feed)}\n`;
}

/** The OpenSearch 1.1 description: its URL template must be absolute, so it exists only with SITE_URL. */
export function openSearchDescription(searchUrl: string, iconUrl: string): string {
  const description = x('OpenSearchDescription', { xmlns: 'http://a9.com/-/spec/opensearch/1.1/' }, [
    x('ShortName', '宁波政策文库'),
    x('Description', '宁波市及各区、县（市）政策文本全文搜索（精确匹配）'),
    x('InputEncoding', 'UTF-8'),
    x('Language', 'zh-CN'),
    x('Image', { width: '16', height: '16', type: 'image/svg+xml' }, iconUrl),
    x('Url', { type: 'text/html', method: 'get', template: `${searchUrl}?q={searchTerms}` }),
  ]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${toXml(description)}\n`;
}
