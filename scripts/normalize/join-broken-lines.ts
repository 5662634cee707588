/**
 * Heals paragraphs broken mid-sentence by page or column breaks: a paragraph that does not end
 * a sentence is joined with the next one, unless the next starts a heading, an item or a new block.
 * Nothing is joined across a gap in the source (a `sourceGap` node stands between the two).
 * (`……推动共同富裕。推` / `进共同富裕示范区建设……` becomes one paragraph.)
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { caption, isNoteLine } from '../../src/lib/conventions/captions.ts';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import type { PassContext } from './pass.ts';
import type { BoxItem } from './tree.ts';
import { isParagraph, rebuildChildren, setText } from './tree.ts';

/** A line that begins a new unit even after an unfinished one: a heading, an item, a caption or a note. */
function startsUnit(text: string): boolean {
  return !!(headingMarker(text) || itemMarker(text) || caption(text) || isNoteLine(text));
}

type Joinable = Extract<RootContent, { type: 'paragraph' }> | BoxItem;

function isJoinable(node: RootContent | undefined): node is Joinable {
  return isParagraph(node) || node?.type === 'boxItem';
}

/**
 * `parts.join('').trim().slice(-count)` without joining: the parts after the first are trimmed
 * lines, the first may start with spaces.
 */
function lastCharacters(parts: string[], count: number): string {
  let text = '';
  for (let i = parts.length - 1; i >= 0 && text.length < count; i--)
    text = (i === 0 ? parts[0].trimStart() : parts[i]).slice(-count) + text;
  return text.slice(-count);
}

/** Where the source text prints a character pair: squashed once per source (cached). */
const squashedSources = new WeakMap<PassContext, string>();
function squashedSource(context: PassContext): string {
  let text = squashedSources.get(context);
  if (text === undefined) squashedSources.set(context, (text = context.text.replace(/\s+/gu, '')));
  return text;
}

const HAN = /^\p{Script=Han}$/u;
const PUNCTUATION = /^[\p{P}]$/u;

/**
 * A join that probably hides a lost character: the line ends with a clause of one character (，全)
 * and that character with the next line's first (全落) is printed nowhere else in the source, while
 * the source does print the two with one character between them (全面落). The character is not
 * supplied; the place is marked. Returns what the source prints instead, if so.
 */
function probableLoss(before: string, after: string, context: PassContext): string | undefined {
  const [previous, last] = [...before].slice(-2);
  const first = [...after][0];
  if (!last || !first || !HAN.test(last) || !HAN.test(first) || !PUNCTUATION.test(previous ?? ''))
    return undefined;
  const source = squashedSource(context);
  if (source.split(last + first).length - 1 > 1) return undefined;
  return new RegExp(`${last}\\p{Script=Han}${first}`, 'u').exec(source)?.[0];
}

function joinIn(parent: { children: RootContent[] }, context: PassContext): void {
  const { log } = context;
  // The lines joined onto each paragraph, written into it once at the end: rewriting the growing
  // text at every join would take time quadratic in the length of a long run of broken lines.
  const joined = new Map<Joinable, string[]>();
  /** For each paragraph, the joins (indexes into its parts) where a character was probably lost. */
  const losses = new Map<Joinable, Set<number>>();
  rebuildChildren(parent, (node, _index, { out }) => {
    const previous = out.at(-1);
    if (isJoinable(previous) && isParagraph(node)) {
      const parts = joined.get(previous) ?? [toString(previous)];
      // The text so far does not end a sentence (else it would not have been joined): its last part tells.
      const last = parts[parts.length - 1];
      const after = toString(node).trim();
      const recorded = node.data?.continues;
      if (
        recorded ||
        ((parts.length > 1 || last.trim()) &&
          !endsSentence(last) &&
          !startsUnit(after) &&
          !node.data?.repeatOf)
      ) {
        parts[parts.length - 1] = last.trimEnd();
        const joint = `${lastCharacters(parts, 8)}⏎${after.slice(0, 8)}`;
        if (recorded)
          log.add('continued-paragraph', { line: node.data?.line, text: `${joint}：${recorded}` });
        else log.add('joined-lines', { line: node.data?.line, text: joint });
        const instead = recorded ? undefined : probableLoss(lastCharacters(parts, 2), after, context);
        if (instead) {
          if (!losses.has(previous)) losses.set(previous, new Set());
          losses.get(previous)!.add(parts.length);
          log.add('probable-lost-character', {
            line: node.data?.line,
            text: `“${joint}”：断行处的“${instead.at(0)}${instead.at(-1)}”在原文别处没有，原文别处作“${instead}”；疑断行时丢了一字，未补，只在此处标出（□）。`,
            block: previous,
          });
        }
        parts.push(after);
        joined.set(previous, parts);
        previous.data = { ...previous.data, through: node.data?.line };
        return [];
      }
    }
    if (node.type === 'box') joinIn(node, context);
    return node;
  });
  for (const [node, parts] of joined) {
    const lost = losses.get(node);
    if (!lost) {
      setText(node, parts.join(''));
      continue;
    }
    // A marker where a character was probably lost; the text on either side stays the source's.
    const children: PhrasingContent[] = [];
    let run = '';
    parts.forEach((part, i) => {
      if (lost.has(i)) {
        children.push({ type: 'text', value: run }, { type: 'probableLoss' });
        run = '';
      }
      run += part;
    });
    children.push({ type: 'text', value: run });
    node.children = children;
  }
}

export function joinBrokenLines(tree: Root, context: PassContext): void {
  joinIn(tree, context);
}
