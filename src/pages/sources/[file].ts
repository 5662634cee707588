/** The original source texts, byte for byte, for download. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';

const dir = join(process.cwd(), 'content', 'sources');
export function getStaticPaths() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((file) => ({ params: { file } }));
}
export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(dir, params.file!)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
