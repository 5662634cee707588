/**
 * Heals paragraphs broken mid-sentence by page or column breaks: a paragraph that does not end
 * a sentence is joined with the next one, unless the next starts a heading, an item or a new block,
 * or the source is known to lack the text in between (gapBefore).
 * (`……推动共同富裕。推` / `进共同富裕示范区建设……` becomes one paragraph.)
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { caption, isNoteLine } from '../../src/lib/conventions/captions.ts';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import type { PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';
import type { BoxItem } from './tree.ts';
import { isParagraph, rebuildChildren, setText } from './tree.ts';

/** A line that begins a new unit even after an unfinished one: a heading, an item, a caption or a note. */
function startsUnit(text: string): boolean {
  return !!(headingMarker(text) || itemMarker(text) || caption(text) || isNoteLine(text));
}

type Joinable = Extract<RootContent, { type: 'paragraph' }> | BoxItem;

function isJoinable(node: RootContent | undefined): node is Joinable {
  return isParagraph(node) || node?.type === 'boxItem';
}

function joinIn(parent: { children: RootContent[] }, log: RepairLog): void {
  rebuildChildren(parent, (node, _index, { out }) => {
    const previous = out.at(-1);
    if (isJoinable(previous) && isParagraph(node)) {
      const before = toString(previous);
      const after = toString(node).trim();
      if (
        before.trim() &&
        !endsSentence(before) &&
        !startsUnit(after) &&
        !node.data?.repeatOf &&
        !node.data?.gapBefore
      ) {
        setText(previous, before.trimEnd() + after);
        log.add('joined-lines', {
          line: node.data?.line,
          text: `${before.trim().slice(-8)}⏎${after.slice(0, 8)}`,
        });
        return [];
      }
    }
    if (node.type === 'box') joinIn(node, log);
    return node;
  });
}

export function joinBrokenLines(tree: Root, { log }: PassContext): void {
  joinIn(tree, log);
}
