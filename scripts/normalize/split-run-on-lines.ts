/**
 * Splits a line that holds several units, as a page extracted with few or no line breaks does
 * (`【上接第1版】 我们主要抓了八方面工作。 (一)提信心稳增长,经济运行持续回升向好 实施……`), where the code can
 * tell a unit starts:
 * - at a heading marker after a sentence end, a space or a newspaper jump line (`。 (一)`, `【上接第1版】(一)`);
 * - after a numbered heading's title, at the space that separates it from the running text that
 *   follows (`…持续回升向好 实施…`): a title holds no sentence end, the text after it does.
 * Jump lines themselves are split off by jump-lines. Each piece keeps its source line. Lines with
 * tabs (table rows) are left alone.
 */
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  headingMarker,
  headingMarkersInside,
  MAX_HEADING_LENGTH,
} from '../../src/lib/conventions/heading-markers.ts';
import { findJumpLine } from '../../src/lib/conventions/jump-lines.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import type { PassContext } from './pass.ts';
import { isParagraph, paragraph, rebuildChildren } from './tree.ts';

const SENTENCE_END = /[。!?;]/u;

/** Offsets where a jump line inside `text` ends. */
function jumpEnds(text: string): number[] {
  const at: number[] = [];
  for (let from = 0; ;) {
    const jump = findJumpLine(text.slice(from));
    if (!jump) return at;
    from += jump.end;
    at.push(from);
  }
}

/**
 * Where the title of the heading that opens `unit` ends, when a space separates it from running
 * text: the offset of that space, or undefined.
 */
function titleEnd(unit: string): number | undefined {
  const marker = headingMarker(unit);
  if (!marker) return undefined;
  const titleStart = marker.text.length + (/^\s*/u.exec(unit.slice(marker.text.length))?.[0].length ?? 0);
  const space = unit.slice(titleStart).search(/\s/u);
  if (space <= 0) return undefined;
  const end = titleStart + space;
  const title = foldWidth(unit.slice(0, end));
  const rest = foldWidth(unit.slice(end).trim());
  const isTitle = title.length <= MAX_HEADING_LENGTH && !SENTENCE_END.test(title);
  const isText = SENTENCE_END.test(rest);
  return isTitle && isText ? end : undefined;
}

/** The offsets at which `text` splits into units (never 0 or its length). */
function boundaries(text: string): number[] {
  const afterJumps = jumpEnds(text);
  const cuts = new Set([
    ...headingMarkersInside(text),
    ...afterJumps.filter((at) => headingMarker(text.slice(at).trimStart())),
  ]);
  const starts = [...new Set([0, ...cuts, ...afterJumps])].sort((a, b) => a - b);
  starts.forEach((start, i) => {
    const unit = text.slice(start, starts[i + 1] ?? text.length);
    const leading = /^\s*/u.exec(unit)![0].length;
    const end = titleEnd(unit.slice(leading));
    if (end !== undefined) cuts.add(start + leading + end);
  });
  return [...cuts].filter((at) => text.slice(0, at).trim() && text.slice(at).trim()).sort((a, b) => a - b);
}

export function splitRunOnLines(tree: Root, { log }: PassContext): void {
  rebuildChildren(tree, (node) => {
    if (!isParagraph(node)) return node;
    const text = toString(node);
    if (text.includes('\t')) return node;
    const cuts = boundaries(text);
    if (cuts.length === 0) return node;
    const line = node.data?.line;
    const pieces: Paragraph[] = [];
    [0, ...cuts].forEach((start, i) => {
      const piece = text.slice(start, cuts[i] ?? text.length).trim();
      if (i > 0)
        log.add('run-on-line', {
          line,
          text: `${text.slice(0, start).trimEnd().slice(-8)}⏎${piece.slice(0, 8)}`,
        });
      pieces.push(
        i === 0 ? { ...node, children: [{ type: 'text', value: piece }] } : paragraph(piece, { line }),
      );
    });
    return pieces;
  });
}
