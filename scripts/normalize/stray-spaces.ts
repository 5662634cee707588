/**
 * Removes spaces the extraction left next to Chinese text (`高颜值环 境`, `增加到 15 个`, `不确定， 经济`).
 * Chinese running text has no word spaces; headings keep theirs, since a space can separate two phrases there.
 * A paragraph's leading spaces (an indent the extraction kept on one line) go too: the page indents no paragraph.
 * Each line's removals are recorded with the places they were found, as printed.
 * A space that separates structure is not stray: one before a heading marker or a newspaper jump
 * line (split-run-on-lines splits running text there; a table cell or a 专栏 item keeps it).
 */
import type { PhrasingContent, Root } from 'mdast';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { findJumpLine } from '../../src/lib/conventions/jump-lines.ts';
import type { PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’';
const STRAY = new RegExp(
  `(?<=[${CJK}])[ \\u00a0\\u3000\\t]+(?=\\S)|(?<=\\S)[ \\u00a0\\u3000\\t]+(?=[${CJK}])`,
  'gu',
);
/** Characters shown on each side of a removed space in 整理说明. */
const CONTEXT = 2;

/** The text at `at` opens a unit: a heading marker or a jump line. */
function opensUnit(text: string, at: number): boolean {
  const rest = text.slice(at);
  return !!headingMarker(rest) || findJumpLine(rest)?.start === 0;
}

export function removeStraySpaces(text: string): { text: string; removed: number; places: string[] } {
  const places: string[] = [];
  const result = text.replace(STRAY, (space: string, offset: number) => {
    if (opensUnit(text, offset + space.length)) return space;
    places.push(text.slice(Math.max(0, offset - CONTEXT), offset + space.length + CONTEXT));
    return '';
  });
  return { text: result, removed: places.length, places };
}

function record(log: RepairLog, line: number | undefined, places: string[]): void {
  if (places.length)
    log.add('stray-space', {
      line,
      text: places.map((p) => `“${p}”`).join(''),
      count: places.length,
    });
}

function cleanPhrasing(children: PhrasingContent[], places: string[]): void {
  for (const child of children) {
    if (child.type === 'text') {
      const cleaned = removeStraySpaces(child.value);
      child.value = cleaned.text;
      places.push(...cleaned.places);
    } else if ('children' in child) cleanPhrasing(child.children as PhrasingContent[], places);
  }
}

/** Spaces (not tabs, which carry table structure) before a block's first character. */
const INDENT = /^[ \u00a0\u3000]+(?=\S)/u;

function cleanBlock(block: { children: PhrasingContent[]; data?: { line?: number } }, log: RepairLog): void {
  const places: string[] = [];
  const first = block.children[0];
  const indent = first?.type === 'text' ? INDENT.exec(first.value)?.[0] : undefined;
  if (first?.type === 'text' && indent) {
    places.push(first.value.slice(0, indent.length + CONTEXT));
    first.value = first.value.slice(indent.length);
  }
  cleanPhrasing(block.children, places);
  record(log, block.data?.line, places);
}

export function removeStraySpacesPass(tree: Root, { log }: PassContext): void {
  for (const node of tree.children) {
    if (node.type === 'paragraph') cleanBlock(node, log);
    if (node.type === 'box') for (const item of node.children) cleanBlock(item, log);
    if (node.type === 'sourceTable') {
      const clean = (value: string, line: number | undefined): string => {
        const { text, places } = removeStraySpaces(value);
        record(log, line, places);
        return text;
      };
      const captionLine = node.data?.line;
      node.caption = clean(node.caption, captionLine);
      for (const row of [...node.head, ...node.body])
        for (const cell of row) cell.text = clean(cell.text, cell.line ?? captionLine);
      if (node.note) node.note = clean(node.note, node.body.at(-1)?.[0]?.line ?? captionLine);
    }
  }
}
