/**
 * The `?highlight=` URL parameter: a search result carries the strings it found to the page it
 * links to, where SearchHighlight.astro marks them. Written by the search, read by the page.
 */
import { normalize } from './text.ts';

export const HIGHLIGHT_PARAM = 'highlight';

/** A link to one block of a page that marks `found` on arrival: /docs/x/?highlight=a%20b#s2-p3. */
export function highlightHref(pageUrl: string, found: readonly string[], blockId: string): string {
  const base = pageUrl.split(/[?#]/u)[0];
  return `${base}?${HIGHLIGHT_PARAM}=${encodeURIComponent(found.join(' '))}#${encodeURIComponent(blockId)}`;
}

/**
 * The strings to mark, from a page's query string (`location.search`): split on spaces,
 * normalized like the search (text.ts), empty and repeated ones dropped. URLSearchParams decodes
 * leniently, so a malformed escape (`%E4%B8`) never throws.
 */
export function highlightNeedles(search: string): string[] {
  const raw = new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? '';
  return [...new Set(raw.split(/\s+/u).map(normalize).filter(Boolean))];
}
