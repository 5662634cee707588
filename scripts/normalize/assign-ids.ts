/**
 * Gives every heading, paragraph, table, box, figure and note a short ASCII id from its place in
 * the structure — never from its wording — so links survive wording fixes:
 *   s2       2nd top-level heading (e.g. 第二章)      s2-1     its 1st subheading (第一节)
 *   s2-1-p3  3rd paragraph in that section             p4       4th paragraph before any heading
 *   …-t1 table, -b1 专栏 box (items -b1-1), -f1 figure, -n1 note
 *   front-p1 lines of the document's own header       g7 / r7  glossary entry 7 and its reference
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TocItem } from '../manifest/site-data.ts';
import type { PassContext } from './pass.ts';

export function assignIds(tree: Root, _context: PassContext): void {
  const path: number[] = [];
  const counters = new Map<string, number>();
  let section = '';
  const next = (kind: string): string => {
    const key = `${section}|${kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return section ? `${section}-${kind}${n}` : `${kind}${n}`;
  };
  for (const node of tree.children) {
    switch (node.type) {
      case 'preamble':
        node.data = { ...node.data, id: 'front' };
        node.children.forEach((p, i) => (p.data = { ...p.data, id: `front-p${i + 1}` }));
        break;
      case 'heading': {
        const level = node.depth - 2;
        path.length = level + 1;
        for (let i = 0; i < level; i++) path[i] ??= 0;
        path[level] = (path[level] ?? 0) + 1;
        section = `s${path.join('-')}`;
        node.data = { ...node.data, id: section };
        break;
      }
      case 'paragraph':
        node.data = { ...node.data, id: next('p') };
        break;
      case 'sourceTable':
        node.data = { ...node.data, id: next('t') };
        break;
      case 'figure':
        node.data = { ...node.data, id: next('f') };
        break;
      case 'jumpNote':
        node.data = { ...node.data, id: next('n') };
        break;
      case 'box': {
        const id = next('b');
        node.data = { ...node.data, id };
        node.children.forEach((item, i) => (item.data = { ...item.data, id: `${id}-${i + 1}` }));
        break;
      }
      case 'glossary':
        node.data = { ...node.data, id: 'glossary' };
        break;
      default:
        break;
    }
  }
}

/**
 * A page's table of contents: its headings with their ids, and its tables by caption one level below
 * the heading they stand under; without those repeating an earlier passage (mark-repeats).
 */
export function tableOfContents(tree: Root): TocItem[] {
  let depth = 1;
  return tree.children.flatMap((node): TocItem[] => {
    if (node.type === 'heading') {
      depth = node.depth;
      const { id, repeatOf } = node.data ?? {};
      return id && !repeatOf ? [{ id, depth, text: toString(node) }] : [];
    }
    if (node.type === 'sourceTable' && node.data?.id)
      return [{ id: node.data.id, depth: depth + 1, text: node.caption, kind: 'table' }];
    return [];
  });
}
