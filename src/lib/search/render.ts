/** DOM building for search results: text only (textContent), never HTML from the query or the index. */
import { excerptParts, type SearchResult } from './core.ts';

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

/** The excerpt (core.ts excerptParts): the paragraph around the first hit, every hit in it marked. */
function excerpt(r: SearchResult): HTMLElement {
  const p = el('p', 'search-excerpt');
  p.append(
    ...excerptParts(r.block).map((part) => (part.mark ? el('mark', undefined, part.text) : part.text)),
  );
  return p;
}

export function resultItem(r: SearchResult): HTMLLIElement {
  const li = el('li', 'search-result');
  const a = el('a', 'search-result-link');
  a.href = r.url;
  const crumbs = el('span', 'search-crumbs', `${r.crumbs} › `);
  a.append(crumbs, el('span', 'search-section', r.heading || '正文开头'));
  const meta = el('p', 'search-meta', `本节 ${r.count} 处`);
  li.append(a, excerpt(r), meta);
  return li;
}
