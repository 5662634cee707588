/**
 * Marks paragraphs and headings the source prints more than once (a newspaper page that repeats
 * runs of paragraphs). Every copy stays on the page; later copies point to the first and are kept
 * out of the search index and the page's table of contents. Numbering prefixes (六、/一、) are
 * ignored when comparing.
 *
 * Short lines (a heading like 三、分类引导施策。) are too common to call repeats on their own; such
 * a heading is a repeat when the source prints it again together with the paragraph under it.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import { pagesOf, type PassContext } from './pass.ts';

const MIN_LENGTH = 12;

type Block = Paragraph | Heading;
interface Entry {
  node: Block;
  page: string;
}

/** The text compared: without spaces and numbering (六、/（一）), widths folded. */
function key(node: Block): string {
  const text = foldWidth(toString(node)).replace(/\s+/g, '');
  const marker = headingMarker(text);
  const numbering = marker?.kind === 'numbered' || marker?.kind === 'subNumbered';
  return numbering ? text.slice(marker.text.length) : text;
}

/** Over all pages of the source together (a compilation's parts repeat each other); ids must be assigned first. */
export function markRepeats(tree: Root, context: PassContext): void {
  const { log } = context;
  const nodes: Entry[] = pagesOf(tree, context).flatMap(({ path, tree: page }) =>
    page.children
      .filter((n): n is Block => n.type === 'paragraph' || n.type === 'heading')
      .map((node) => ({ node, page: `/docs/${path}/` })),
  );
  nodes.sort((a, b) => (a.node.data?.line ?? 0) - (b.node.data?.line ?? 0));
  const mark = (entry: Entry, earlier: Entry) => {
    const target =
      earlier.page === entry.page ? `#${earlier.node.data!.id}` : `${earlier.page}#${earlier.node.data!.id}`;
    entry.node.data!.repeatOf = target;
    log.add('repeated-paragraph', {
      line: entry.node.data?.line,
      text: `${toString(entry.node).slice(0, 14)}…（与第 ${earlier.node.data?.line} 行相同）`,
    });
  };

  const firstByKey = new Map<string, Entry>();
  const firstOf = new Map<Block, Entry>();
  for (const entry of nodes) {
    const k = key(entry.node);
    if (k.length < MIN_LENGTH) continue;
    const earlier = firstByKey.get(k);
    if (!earlier) firstByKey.set(k, entry);
    else {
      firstOf.set(entry.node, earlier);
      mark(entry, earlier);
    }
  }

  const position = new Map(nodes.map((e, i) => [e.node, i]));
  nodes.forEach((entry, i) => {
    const next = nodes[i + 1];
    if (entry.node.type !== 'heading' || entry.node.data?.repeatOf || !next || next.page !== entry.page)
      return;
    const firstNext = firstOf.get(next.node);
    const before = firstNext && nodes[position.get(firstNext.node)! - 1];
    if (before?.node.type === 'heading' && key(before.node) === key(entry.node)) mark(entry, before);
  });
}
