/** Builds the nested "on this page" tree from the flat frontmatter TOC (headings and tables). */
import type { TocItem } from '../../scripts/manifest/site-data.ts';

export type { TocItem };
export interface TocNode extends TocItem {
  children: TocNode[];
}

export function nestToc(items: TocItem[]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const item of items) {
    const node: TocNode = { ...item, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** The chapters (top-level headings) of a page, for the sidebar. */
export const chaptersOf = (items: TocItem[]): TocItem[] => items.filter((t) => t.depth === 2 && !t.kind);
