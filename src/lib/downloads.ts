/**
 * Where the site publishes its reusable files, as paths inside the site (no base path: wrap them in
 * sitePath() or publicUrl() from site-url.ts). One definition for the routes that write them
 * (src/pages/docs/[...file].ts, catalog.json.ts, feed routes) and the links that point to them.
 */

/** The files of one document page (`path` as in the catalog: "x" or "compilation/article"). */
export function pageFiles(path: string) {
  return {
    page: `docs/${path}/`,
    markdown: `docs/${path}.md`,
    text: `docs/${path}.txt`,
    json: `docs/${path}.json`,
  };
}

/** A table's CSV file name, inside its page's directory (so the table links to it relatively). */
export const tableCsvFile = (tableId: string): string => `${tableId}.csv`;
export const tableCsvPath = (path: string, tableId: string): string =>
  `docs/${path}/${tableCsvFile(tableId)}`;

/** The original source text, byte for byte. */
export const sourcePath = (file: string): string => `sources/${file}`;

/** Every document with its metadata and links. */
export const CATALOG_PATH = 'catalog.json';
/** The library's Atom feed, and a district's. */
export const FEED_PATH = 'feed.xml';
export const districtFeedPath = (slug: string): string => `feeds/${slug}.xml`;
export const OPENSEARCH_PATH = 'opensearch.xml';
