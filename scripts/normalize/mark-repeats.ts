/**
 * Marks paragraphs and headings the source prints more than once (a newspaper page that repeats
 * runs of paragraphs). Every copy stays on the page; later copies point to the first and are kept
 * out of the search index. Numbering prefixes (六、/一、) are ignored when comparing.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import type { RepairLog } from './repair-log.ts';
import { textOf } from './tree.ts';

const MIN_LENGTH = 12;
const ENUMERATOR = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;

function key(node: Paragraph | Heading): string {
  return textOf(node).replace(/\s+/g, '').replace(ENUMERATOR, '');
}

/** Trees in source order (a compilation's parts together); ids must be assigned first. */
export function markRepeats(trees: Array<{ tree: Root; page: string }>, log: RepairLog): void {
  const nodes = trees.flatMap(({ tree, page }) =>
    tree.children.filter((n): n is Paragraph | Heading => n.type === 'paragraph' || n.type === 'heading').map((node) => ({ node, page })),
  );
  nodes.sort((a, b) => (a.node.data?.line ?? 0) - (b.node.data?.line ?? 0));
  const first = new Map<string, { node: Paragraph | Heading; page: string }>();
  for (const entry of nodes) {
    const k = key(entry.node);
    if (k.length < MIN_LENGTH) continue;
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, entry);
      continue;
    }
    const target = earlier.page === entry.page ? `#${earlier.node.data!.id}` : `${earlier.page}#${earlier.node.data!.id}`;
    entry.node.data!.repeatOf = target;
    log.add('repeated-paragraph', { line: entry.node.data?.line, text: `${textOf(entry.node).slice(0, 14)}…（与第 ${earlier.node.data?.line} 行相同）` });
  }
}
