/**
 * The built site's search, opened in Node: the search page's own engine (src/lib/search/engine.ts)
 * over the real index and section texts (dist/search-index/), read from disk through fetch as a
 * static host would serve them.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { openIndex, type SearchIndex } from '../../src/lib/search/engine.ts';
import { distDir } from '../support/serve-dist.ts';

const networkFetch = globalThis.fetch;
/** What the search asked for: every file: URL in order, and the most requests open at once. */
export const fetched = { urls: [] as string[], open: 0, mostOpen: 0 };
/** fetch() of file: URLs, answering like a static host: the file's bytes, or 404 when it is missing. */
async function fetchWithFiles(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.startsWith('file:')) return networkFetch(input, init);
  fetched.urls.push(url);
  fetched.mostOpen = Math.max(fetched.mostOpen, ++fetched.open);
  try {
    // A network takes time: let the requests a search sends together overlap.
    await new Promise((resolve) => setTimeout(resolve, 1));
    return new Response(await readFile(new URL(url)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Response('not found', { status: 404 });
    throw e;
  } finally {
    fetched.open--;
  }
}
globalThis.fetch = fetchWithFiles as typeof fetch;

/** The search over a built site directory (dist/ by default). */
export function openBuiltIndex(dir = distDir): SearchIndex {
  return openIndex(`${pathToFileURL(dir).href}/`);
}
