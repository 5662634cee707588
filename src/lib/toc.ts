/** Builds the nested "on this page" tree from the flat frontmatter TOC ({id, depth, text}). */
export interface TocItem {
  id: string;
  depth: number;
  text: string;
}
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
