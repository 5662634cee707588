/** Fixture helpers for the pass tests: build a tree from source-like text and read it back compactly. */
import type { Root } from 'mdast';
import { parseLines } from './parse-lines.ts';
import { RepairLog } from './repair-log.ts';
import { textOf } from './tree.ts';

export function fixture(text: string): { tree: Root; log: RepairLog } {
  return { tree: parseLines(text), log: new RepairLog() };
}

/** One line per block: `type[:depth] text`. */
export function outline(tree: Root): string[] {
  return tree.children.map((n) => {
    switch (n.type) {
      case 'heading':
        return `h${n.depth} ${textOf(n)}`;
      case 'paragraph':
        return `p ${textOf(n)}`;
      case 'box':
        return `box ${n.title} [${n.children.map((c) => textOf(c)).join(' | ')}]`;
      case 'figure':
        return `figure ${n.caption}`;
      case 'jumpNote':
        return `jump ${n.value}`;
      case 'preamble':
        return `preamble [${n.children.map((c) => textOf(c)).join(' | ')}]`;
      case 'glossary':
        return `glossary ${n.entries.map((e) => `${e.number}.${e.term}`).join(' ')}`;
      default:
        return n.type;
    }
  });
}
