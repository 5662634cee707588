/** Turns raw text into a flat tree: one paragraph per non-blank line, remembering its line number and the blank lines before it. */
import type { Root } from 'mdast';
import { paragraph } from './tree.ts';

export function parseLines(text: string): Root {
  const root: Root = { type: 'root', children: [] };
  let blank = 0;
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {
      blank++;
      return;
    }
    // Keep tabs (they carry table structure) but drop trailing whitespace.
    root.children.push(paragraph(raw.replace(/\s+$/u, ''), { line: index + 1, blankBefore: blank }));
    blank = 0;
  });
  return root;
}
