/**
 * 专栏 boxes: a title line (专栏1：…) and the items under it, up to the next heading,
 * caption, or a gap of two or more blank lines (how Word text boxes end in the extraction).
 * “·” bullets become list items; numbered items keep their printed numbers.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { caption } from '../../src/lib/conventions/captions.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import type { PassContext } from './pass.ts';
import type { Box, BoxItem } from './tree.ts';
import { isParagraph, paragraph, rebuildChildren } from './tree.ts';

function isBoxTitle(text: string): boolean {
  const label = caption(text);
  return label?.kind === 'box' && label.colon;
}

/** Whether the line after the box's last child still belongs to the box. */
function continuesBox(box: Box, next: RootContent | undefined): next is Paragraph {
  if (!isParagraph(next)) return false;
  // Another caption (专栏, 表, 图) ends the box, and so do two blank lines after its first item.
  if (caption(toString(next).trim())) return false;
  return box.children.length === 0 || (next.data?.blankBefore ?? 0) < 2;
}

export function recogniseBoxes(tree: Root, { log }: PassContext): void {
  rebuildChildren(tree, (node, index, { siblings, skip }) => {
    if (!isParagraph(node) || !isBoxTitle(toString(node).trim())) return node;
    const box: Box = {
      type: 'box',
      title: toString(node).trim(),
      ordered: false,
      children: [],
      data: { line: node.data?.line },
    };
    let next = siblings[index + 1];
    while (continuesBox(box, next)) {
      const text = toString(next).trim();
      const marker = itemMarker(text);
      const data = { line: next.data?.line };
      if (marker?.kind === 'bullet') {
        const value = text.slice(marker.text.length).trimStart();
        log.add('list-bullet', { line: data.line, text: `“${marker.text.trim()}${value.slice(0, 10)}…”` });
        box.children.push({ type: 'boxItem', children: [{ type: 'text', value }], data } satisfies BoxItem);
      } else if (marker?.kind === 'number') {
        box.ordered = true;
        box.children.push({
          type: 'boxItem',
          children: [{ type: 'text', value: text }],
          data,
        } satisfies BoxItem);
      } else box.children.push(paragraph(text, { ...next.data }));
      next = siblings[index + 1 + box.children.length];
    }
    skip(box.children.length);
    return box;
  });
}
