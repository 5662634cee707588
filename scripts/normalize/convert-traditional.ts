/**
 * Converts lines written in traditional characters to simplified ones with OpenCC (t → cn).
 * Only lines the converter changes are touched, and each is recorded with the characters changed.
 */
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import * as OpenCC from 'opencc-js';
import type { PassContext } from './pass.ts';
import { isParagraph, setText } from './tree.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** The characters the conversion changed, as `original→converted`, in order (one entry per changed character). */
export function changedCharacters(original: string, converted: string): string[] {
  const before = [...original];
  const after = [...converted];
  return before.flatMap((ch, i) => (ch !== after[i] ? [`${ch}→${after[i]}`] : []));
}

function convertLine(line: Paragraph, { log }: PassContext): void {
  const text = toString(line);
  const simplified = toSimplified(text);
  if (simplified === text) return;
  const changed = changedCharacters(text, simplified);
  setText(line, simplified);
  log.add('traditional-to-simplified', {
    line: line.data?.line,
    text: `${changed.length} 字：${[...new Set(changed)].join(' ')}`,
    count: changed.length,
  });
}

export function convertTraditional(tree: Root, context: PassContext): void {
  for (const node of tree.children) {
    const lines = node.type === 'preamble' ? node.children : isParagraph(node) ? [node] : [];
    for (const line of lines) convertLine(line, context);
  }
}
