/** DOM building for search results: text only (textContent), never HTML from the query or the index. */
import { excerptParts, type BlockHits, type SearchResult } from './core.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Text with its hits marked: around the first hit (an excerpt), or whole. */
function marked(block: BlockHits, whole = false): (string | HTMLElement)[] {
  const parts = whole ? excerptParts(block, Infinity, Infinity) : excerptParts(block);
  return parts.map((part) => (part.mark ? el('mark', undefined, part.text) : part.text));
}

/**
 * One section holding the query: its heading as the link (hits marked when the first is there), the
 * paragraph around the first hit — or, when that is the heading, the body's paragraphs around theirs.
 * `crumbs`: where it is (district › document), for a list not grouped by document.
 */
export function resultItem(r: SearchResult, crumbs = false): HTMLLIElement {
  const li = el('li', 'search-result');
  const a = el('a', 'search-result-link');
  a.href = r.url;
  if (crumbs) a.append(el('span', 'search-crumbs', `${r.crumbs} › `));
  const heading = el('span', 'search-section');
  if (r.body.length) heading.append(...marked(r.block, true));
  else heading.textContent = r.heading || '正文开头';
  a.append(heading);
  li.append(a);
  for (const block of r.body.length ? r.body : [r.block]) {
    const p = el('p', 'search-excerpt');
    p.append(...marked(block));
    li.append(p);
  }
  li.append(el('p', 'search-meta', `本节 ${r.count} 处`));
  return li;
}

/** A document's group of results: its title once (a heading), where it is, its count, its sections. */
export interface DocumentGroup {
  item: HTMLLIElement;
  sections: HTMLOListElement;
  count: HTMLElement;
  /** The link to all its sections (a search narrowed to it), shown when the group shows fewer. */
  rest: HTMLAnchorElement;
  shown: number;
}

export function documentGroup(r: SearchResult, facts: string[], restHref: string): DocumentGroup {
  const item = el('li', 'search-doc');
  const h = el('h2', 'search-doc-title');
  const a = el('a');
  const url = new URL(r.url, location.href);
  a.href = url.pathname + url.search;
  a.textContent = r.title;
  h.append(a);
  const where = r.crumbs.split(' › ').slice(0, -1).join(' › ');
  const meta = el('p', 'search-doc-meta');
  const count = el('span', 'search-doc-count');
  meta.append(el('span', 'search-crumbs', where), ...facts.map((f) => ` · ${f}`), ' · ', count);
  const sections = el('ol', 'search-doc-sections');
  const rest = el('a', 'search-doc-rest');
  rest.href = restHref;
  rest.hidden = true;
  item.append(h, meta, sections, rest);
  return { item, sections, count, rest, shown: 0 };
}
