/** Turns newspaper jump lines (【紧接第1版】, 【下转第3版】) into notes on where the excerpt sits. */
import type { Root, RootContent } from 'mdast';
import type { RepairLog } from './repair-log.ts';
import type { JumpNote } from './tree.ts';
import { isParagraph, setText, textOf } from './tree.ts';

const JUMP = /【\s*(?:\*\*)?\s*((?:紧接|上接|下转|转)第\s*\S+?\s*版)\s*(?:\*\*)?\s*】/u;

export function markJumpLines(tree: Root, log: RepairLog): void {
  const out: RootContent[] = [];
  for (const node of tree.children) {
    if (!isParagraph(node)) {
      out.push(node);
      continue;
    }
    const text = textOf(node);
    const match = JUMP.exec(text);
    if (!match) {
      out.push(node);
      continue;
    }
    const note: JumpNote = {
      type: 'jumpNote',
      value: match[1].replace(/\s+/g, ''),
      data: { line: node.data?.line },
    };
    log.add('jump-line', { line: node.data?.line, text: match[0] });
    const before = text.slice(0, match.index).trim();
    const after = text.slice(match.index + match[0].length).trim();
    if (before) out.push({ ...node, children: [{ type: 'text', value: before }] });
    out.push(note);
    if (after) {
      const rest = { ...node, data: { ...node.data } };
      setText(rest, after);
      out.push(rest);
    }
  }
  tree.children = out;
}
