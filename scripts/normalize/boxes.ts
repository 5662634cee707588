/**
 * 专栏 boxes: a title line (专栏1：…) and the items under it, up to the next heading,
 * caption, or a gap of two or more blank lines (how Word text boxes end in the extraction).
 * “·” bullets become list items; numbered items keep their printed numbers.
 */
import type { Root, RootContent } from 'mdast';
import { caption } from '../../src/lib/conventions/captions.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import type { Box, BoxItem } from './tree.ts';
import { isParagraph, paragraph, textOf } from './tree.ts';

function isBoxTitle(text: string): boolean {
  const label = caption(text);
  return label?.kind === 'box' && label.colon;
}

export function recogniseBoxes(tree: Root): void {
  const out: RootContent[] = [];
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i];
    if (!isParagraph(node) || !isBoxTitle(textOf(node).trim())) {
      out.push(node);
      continue;
    }
    const box: Box = {
      type: 'box',
      title: textOf(node).trim(),
      ordered: false,
      children: [],
      data: { line: node.data?.line },
    };
    let j = i + 1;
    for (; j < tree.children.length; j++) {
      const next = tree.children[j];
      if (!isParagraph(next)) break;
      const text = textOf(next).trim();
      // Another caption (专栏, 表, 图) ends the box.
      if (caption(text)) break;
      if (box.children.length > 0 && (next.data?.blankBefore ?? 0) >= 2) break;
      const marker = itemMarker(text);
      if (marker?.kind === 'bullet') {
        box.children.push({
          type: 'boxItem',
          children: [{ type: 'text', value: text.slice(marker.text.length).trimStart() }],
          data: { line: next.data?.line },
        } satisfies BoxItem);
      } else if (marker?.kind === 'number') {
        box.ordered = true;
        box.children.push({
          type: 'boxItem',
          children: [{ type: 'text', value: text }],
          data: { line: next.data?.line },
        } satisfies BoxItem);
      } else {
        box.children.push(paragraph(text, { ...next.data }));
      }
    }
    out.push(box);
    i = j - 1;
  }
  tree.children = out;
}
