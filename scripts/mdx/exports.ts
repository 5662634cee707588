/**
 * The reusable files of one page, each from its own serializer over the page's normalized tree:
 * plain text, Markdown, the structure as JSON and every table as CSV. The content step writes them
 * under src/generated/export/ at their site paths (src/lib/downloads.ts); the site publishes them
 * as they are (src/pages/docs/[...file].ts), the JSON's links made URLs of the configured site.
 */
import type { Root } from 'mdast';
import type { PageFrontmatter } from '../manifest/site-data.ts';
import { pageFiles, tableCsvPath } from '../../src/lib/downloads.ts';
import { toCsv } from './to-csv.ts';
import { toJson } from './to-json.ts';
import { toMarkdownDocument } from './to-markdown.ts';
import { toText } from './to-text.ts';

/** Where the content step writes the files, inside its output (src/generated/). */
export const EXPORT_DIR = 'export';

/** Site path (docs/x.md …) → content. */
export function pageExports(tree: Root, frontmatter: PageFrontmatter): Map<string, string> {
  const files = pageFiles(frontmatter.path);
  const out = new Map<string, string>([
    [files.text, toText(tree, frontmatter)],
    [files.markdown, toMarkdownDocument(tree, frontmatter)],
    [files.json, `${JSON.stringify(toJson(tree, frontmatter), null, 1)}\n`],
  ]);
  for (const node of tree.children)
    if (node.type === 'sourceTable') out.set(tableCsvPath(frontmatter.path, node.data!.id!), toCsv(node));
  return out;
}
