/** Turns newspaper jump lines (【紧接第1版】, 【下转第3版】) into notes on where the excerpt sits. */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { findJumpLine } from '../../src/lib/conventions/jump-lines.ts';
import type { PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';
import type { JumpNote } from './tree.ts';
import { isParagraph, rebuildChildren, setText } from './tree.ts';

/** The paragraph split at its jump lines: the text around each stays a paragraph, each jump becomes a note. */
function splitAtJumps(node: Paragraph, log: RepairLog): RootContent[] {
  const text = toString(node);
  const jump = findJumpLine(text);
  if (!jump) return [node];
  const { start, end } = jump;
  const note: JumpNote = { type: 'jumpNote', value: jump.words, data: { line: node.data?.line } };
  log.add('jump-line', { line: node.data?.line, text: text.slice(start, end) });
  const out: RootContent[] = [];
  const before = text.slice(0, start).trim();
  const after = text.slice(end).trim();
  if (before) out.push({ ...node, children: [{ type: 'text', value: before }] });
  out.push(note);
  if (after) {
    const rest = { ...node, data: { ...node.data } };
    setText(rest, after);
    out.push(...splitAtJumps(rest, log));
  }
  return out;
}

export function markJumpLines(tree: Root, { log }: PassContext): void {
  rebuildChildren(tree, (node) => (isParagraph(node) ? splitAtJumps(node, log) : node));
}
