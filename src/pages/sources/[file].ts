/**
 * The original source texts, byte for byte, for download: only the files that a document names
 * (its manifest `source` or `sources`, carried into every page as `sourceFiles`). Other files in content/sources/
 * stay unpublished; the content step warns about them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sitePaths } from '../../../scripts/site-paths.ts';

const dir = join(sitePaths.content, 'sources');
export async function getStaticPaths() {
  const files = new Set((await getCollection('docs')).flatMap((page) => page.data.sourceFiles));
  return [...files].sort().map((file) => ({ params: { file } }));
}
export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(dir, params.file!)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
