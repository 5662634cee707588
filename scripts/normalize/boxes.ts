/**
 * 专栏 boxes: a title line (专栏1：…) and the items under it, up to the next heading,
 * caption, or a gap of two or more blank lines (how Word text boxes end in the extraction).
 * “·” bullets become list items; numbered items keep their printed numbers.
 */
import type { Root, RootContent } from 'mdast';
import type { Box, BoxItem } from './tree.ts';
import { isParagraph, paragraph, textOf } from './tree.ts';

const BOX_TITLE = /^专栏\s*\d+\s*[：:]/u;
const BULLET = /^[·•]\s*/u;
const NUMBERED = /^\d+[.．、]\s*/u;
const ENDS_BOX = /^(?:专栏\s*\d+|表\s*\d+|图\s*\d+)/u;

export function recogniseBoxes(tree: Root): void {
  const out: RootContent[] = [];
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i];
    if (!isParagraph(node) || !BOX_TITLE.test(textOf(node).trim())) {
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
      if (ENDS_BOX.test(text)) break;
      if (box.children.length > 0 && (next.data?.blankBefore ?? 0) >= 2) break;
      if (BULLET.test(text)) {
        box.children.push({
          type: 'boxItem',
          children: [{ type: 'text', value: text.replace(BULLET, '') }],
          data: { line: next.data?.line },
        } satisfies BoxItem);
      } else if (NUMBERED.test(text)) {
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
