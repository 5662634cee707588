/** Turns the source text into a flat tree: one paragraph per non-blank line, remembering its line number and the blank lines before it. */
import type { Root } from 'mdast';
import type { PassContext } from './pass.ts';
import { paragraph } from './tree.ts';

export function parseLines(tree: Root, context: PassContext): void {
  tree.children = [];
  let blank: string[] = [];
  context.text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {
      blank.push(raw);
      return;
    }
    // Keep tabs (they carry table structure) but drop trailing whitespace.
    const data: Parameters<typeof paragraph>[1] = { line: index + 1, blankBefore: blank.length };
    // A whitespace-only line holding a tab is an empty cell of a flattened Word table: remember which.
    if (blank.some((b) => b.includes('\t')))
      data.emptyCellsBefore = blank.flatMap((b, i) => (b.includes('\t') ? [i] : []));
    tree.children.push(paragraph(raw.replace(/\s+$/u, ''), data));
    blank = [];
  });
}
