/** DOM building for search results: text only (textContent), never HTML from the query or the index. */
import type { SearchResult } from './engine.ts';

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

/** The excerpt: the paragraph around the first hit, every hit in it marked. */
export function excerpt(r: SearchResult, before = 40, after = 90): HTMLElement {
  const p = el('p', 'search-excerpt');
  const { text, hits } = r.block;
  const first = hits[0] ?? { start: 0, end: 0 };
  const from = Math.max(0, first.start - before);
  const to = Math.min(text.length, Math.max(first.end + after, from + before + after));
  if (from > 0) p.append('…');
  let at = from;
  for (const h of hits) {
    if (h.end <= at || h.start >= to) continue;
    const s = Math.max(h.start, at);
    const e = Math.min(h.end, to);
    if (s > at) p.append(text.slice(at, s));
    p.append(el('mark', undefined, text.slice(s, e)));
    at = e;
  }
  if (at < to) p.append(text.slice(at, to));
  if (to < text.length) p.append('…');
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
