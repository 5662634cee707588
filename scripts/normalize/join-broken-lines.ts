/**
 * Heals paragraphs broken mid-sentence by page or column breaks: a paragraph that does not end
 * a sentence is joined with the next one, unless the next starts a heading, an item or a new block.
 * Nothing is joined across a gap in the source (a `sourceGap` node stands between the two).
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

/**
 * `parts.join('').trim().slice(-count)` without joining: the parts after the first are trimmed
 * lines, the first may start with spaces.
 */
function lastCharacters(parts: string[], count: number): string {
  let text = '';
  for (let i = parts.length - 1; i >= 0 && text.length < count; i--)
    text = (i === 0 ? parts[0].trimStart() : parts[i]).slice(-count) + text;
  return text.slice(-count);
}

function joinIn(parent: { children: RootContent[] }, log: RepairLog): void {
  // The lines joined onto each paragraph, written into it once at the end: rewriting the growing
  // text at every join would take time quadratic in the length of a long run of broken lines.
  const joined = new Map<Joinable, string[]>();
  rebuildChildren(parent, (node, _index, { out }) => {
    const previous = out.at(-1);
    if (isJoinable(previous) && isParagraph(node)) {
      const parts = joined.get(previous) ?? [toString(previous)];
      // The text so far does not end a sentence (else it would not have been joined): its last part tells.
      const last = parts[parts.length - 1];
      const after = toString(node).trim();
      if (
        (parts.length > 1 || last.trim()) &&
        !endsSentence(last) &&
        !startsUnit(after) &&
        !node.data?.repeatOf
      ) {
        parts[parts.length - 1] = last.trimEnd();
        log.add('joined-lines', {
          line: node.data?.line,
          text: `${lastCharacters(parts, 8)}⏎${after.slice(0, 8)}`,
        });
        parts.push(after);
        joined.set(previous, parts);
        return [];
      }
    }
    if (node.type === 'box') joinIn(node, log);
    return node;
  });
  for (const [node, parts] of joined) setText(node, parts.join(''));
}

export function joinBrokenLines(tree: Root, { log }: PassContext): void {
  joinIn(tree, log);
}
