/**
 * Moves the document's own header lines (a cover page, a masthead, a title block) into a
 * preamble node, kept verbatim above the body. Where the body starts is data (manifest `preamble.until`).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PassContext } from './pass.ts';
import type { Preamble } from './tree.ts';
import { isParagraph } from './tree.ts';

export class PreambleError extends Error {
  override name = 'PreambleError';
}

export function extractPreamble(tree: Root, { document, label }: PassContext): void {
  const until = document.preamble?.until;
  if (!until) return;
  const index = tree.children.findIndex(
    (node) => isParagraph(node) && toString(node).trim().startsWith(until),
  );
  if (index < 0)
    throw new PreambleError(`${label}: field "preamble.until": no line starts with ${JSON.stringify(until)}`);
  const lines = tree.children.splice(0, index).filter(isParagraph);
  if (lines.length === 0) return;
  const preamble: Preamble = { type: 'preamble', children: lines };
  tree.children.unshift(preamble);
}
