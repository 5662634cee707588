/**
 * 名词解释: the numbered explanations at the end of a report (1.两业融合。先进制造业和……) become
 * one glossary node after their heading; glossary-notes.ts then links the text to them.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import type { PassContext } from './pass.ts';
import type { Glossary, GlossaryEntry } from './tree.ts';
import { isParagraph } from './tree.ts';

/** An entry line: its number (1. 1． 1、), then the term up to the first 。, then the definition. */
function parseEntry(text: string): Omit<GlossaryEntry, 'line'> | undefined {
  const marker = itemMarker(text);
  if (marker?.kind !== 'number') return undefined;
  const match = /^\s*(.+?)。(.*)$/su.exec(text.slice(marker.text.length));
  if (!match) return undefined;
  return { number: marker.number!, term: match[1].trim(), definition: match[2].trim() };
}

export function collectGlossary(tree: Root, _context: PassContext): void {
  const index = tree.children.findIndex((n) => n.type === 'heading' && n.data?.kind === 'glossary');
  if (index < 0) return;
  const entries: GlossaryEntry[] = [];
  let end = index + 1;
  for (; end < tree.children.length; end++) {
    const node = tree.children[end];
    if (!isParagraph(node)) break;
    const entry = parseEntry(toString(node).trim());
    if (!entry) break;
    entries.push({ ...entry, line: node.data?.line });
  }
  if (entries.length === 0) return;
  const glossary: Glossary = { type: 'glossary', entries };
  tree.children.splice(index + 1, end - index - 1, glossary);
}
