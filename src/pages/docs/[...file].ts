/**
 * Each document page's reusable files, as the content step wrote them from the page's tree
 * (scripts/mdx/exports.ts, src/generated/export/): /docs/<path>.txt, .md, .json and
 * /docs/<path>/<table id>.csv. The JSON's links become URLs of the configured site here (absolute
 * with SITE_URL, else paths under the base path), since the content step does not know where the
 * site is published.
 */
import { globSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { APIRoute } from 'astro';
import type { ExportedDocument } from '../../../scripts/mdx/to-json.ts';
import { EXPORT_DIR } from '../../../scripts/mdx/exports.ts';
import { sitePaths } from '../../../scripts/site-paths.ts';
import { linkUrl } from '../../lib/site-url';

const dir = join(sitePaths.generated, EXPORT_DIR, 'docs');
const TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export function getStaticPaths() {
  return globSync('**/*.{txt,md,json,csv}', { cwd: dir })
    .sort()
    .map((file) => ({ params: { file: file.split('\\').join('/') } }));
}

/** The document's JSON with every site path made a URL of the published site. */
function published(json: string): string {
  const doc = JSON.parse(json) as ExportedDocument;
  const links = Object.fromEntries(
    Object.entries(doc.links).map(([k, path]) => [
      k,
      Array.isArray(path) ? path.map(linkUrl) : linkUrl(path),
    ]),
  );
  const blocks = doc.blocks.map((b) => (b.type === 'table' ? { ...b, csv: linkUrl(b.csv) } : b));
  return `${JSON.stringify({ ...doc, links, blocks }, null, 1)}\n`;
}

export const GET: APIRoute = ({ params }) => {
  const file = params.file!;
  const body = readFileSync(join(dir, file));
  const type = extname(file);
  return new Response(type === '.json' ? published(body.toString('utf8')) : body, {
    headers: { 'Content-Type': TYPES[type] },
  });
};
