/**
 * One section's text as the index build writes it (scripts/build-search-index.ts, into the gzip
 * JSON shards search-index/text/<shard>.gz, index-format.ts) and the search page reads it back (engine.ts).
 */
export interface SectionText {
  /** Page URL + #id of the section's heading (#top for the page head). */
  url: string;
  /** The page's title (its h1). */
  title: string;
  /** The section's heading text; '' for the page head. */
  heading: string;
  /** District › parent › page, as the result shows it. */
  crumbs: string;
  /** Catalog path of the page, e.g. "cixi-shisiwu-guihua". */
  page: string;
  /** The section's number (index-format.ts): its place in reading order, its page and its shard. */
  order: number;
  /** [block id, text] per paragraph, list item, table, box or heading, whitespace runs as one space. */
  blocks: [id: string, text: string][];
  /** The first characters of the next section, normalized: a match that starts here may end there. */
  tail: string;
}
