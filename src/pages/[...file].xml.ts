/**
 * The site's generated XML files (src/lib/feeds.ts): /feed.xml, the library's Atom feed;
 * /feeds/<district>.xml, each district's (its own documents and the articles that mention it, as
 * its page lists them); and, only with SITE_URL, /opensearch.xml, whose search URL must be absolute.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { OPENSEARCH_PATH } from '../lib/downloads';
import { siteFeeds, type FeedSpec } from '../lib/feed-list';
import { atomFeed, openSearchDescription } from '../lib/feeds';
import { publicUrl } from '../lib/site-url';

type XmlFile = { feed: FeedSpec } | { openSearch: { searchUrl: string; iconUrl: string } };

export function getStaticPaths() {
  const param = (path: string) => path.replace(/\.xml$/u, '');
  const searchUrl = publicUrl('search/');
  const iconUrl = publicUrl('favicon.svg');
  return [
    ...siteFeeds().map((feed) => ({ params: { file: param(feed.path) }, props: { feed } })),
    ...(searchUrl && iconUrl
      ? [{ params: { file: param(OPENSEARCH_PATH) }, props: { openSearch: { searchUrl, iconUrl } } }]
      : []),
  ];
}

export const GET: APIRoute = async ({ props }) => {
  const file = props as XmlFile;
  if ('openSearch' in file)
    return new Response(openSearchDescription(file.openSearch.searchUrl, file.openSearch.iconUrl), {
      headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' },
    });
  const byPath = new Map((await getCollection('docs')).map((entry) => [entry.data.path, entry.data]));
  const { feed } = file;
  const xml = atomFeed({ ...feed, self: feed.path, pages: feed.documents.map((path) => byPath.get(path)!) });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
