/**
 * Which feeds the site has: the library's and each district's, where at least one of its documents
 * has a date (src/lib/feeds.ts: an undated document is in no feed). Read by the feed route and by
 * the pages that link to their feed.
 */
import { districtsWithPages, pages, pagesOf } from './catalog';
import { districtFeedPath, FEED_PATH } from './downloads';

export interface FeedSpec {
  /** Site path of the feed. */
  path: string;
  title: string;
  subtitle: string;
  /** Site path of the page it follows. */
  alternate: string;
  /** Catalog paths of its documents. */
  documents: string[];
}

export function siteFeeds(): FeedSpec[] {
  const dated = (list: typeof pages) => list.filter((p) => p.date).map((p) => p.path);
  const feeds: FeedSpec[] = [
    {
      path: FEED_PATH,
      title: '宁波政策文库',
      subtitle: '新收录的政策文本（按日期，最新在前）',
      alternate: '',
      documents: dated(pages),
    },
    ...districtsWithPages().map((d) => ({
      path: districtFeedPath(d.slug),
      title: `宁波政策文库：${d.name}`,
      subtitle: `${d.name}的政策文本（按日期，最新在前）`,
      alternate: `district/${d.slug}/`,
      documents: dated(pagesOf(d.slug)),
    })),
  ];
  return feeds.filter((f) => f.documents.length > 0);
}

/** The feed at a site path, if the site has it. */
export const feedAt = (path: string): FeedSpec | undefined => siteFeeds().find((f) => f.path === path);
