/**
 * Finds, by rule, places where the source itself lacks text, and marks them as gaps (source-gaps.ts):
 *
 * - a cut-off fragment: a paragraph still unfinished after line joining (it does not end a sentence)
 *   that is followed by a heading or ends the page — its column or page was cut off (海曙's lone
 *   “打”, 江北's “坚持“民”);
 * - a gap in a numbered sequence: a heading numbered past the next number of the one before it at
 *   its level (二、 then 四、: 三、 is missing). A sequence that starts late (a source that begins
 *   with 三、) or starts again (一、 after 十八、) is not a gap.
 *
 * When both fall at one place (a fragment, then the heading past the gap) they are one gap.
 * A paragraph followed by a jump line (【下转第3版】) is not cut off: the note says where it goes on.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingMarker, renumbered } from '../../src/lib/conventions/heading-markers.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import type { PassContext } from './pass.ts';
import { sourceGap } from './source-gaps.ts';
import { isParagraph, type SourceGap } from './tree.ts';

interface NumberingGap {
  /** The markers the sequence skips (三、). */
  missing: string[];
  previous: string;
  current: string;
}

/** For each heading that skips numbers at its level: the numbers skipped. */
function numberingGaps(children: RootContent[]): Map<Heading, NumberingGap> {
  const gaps = new Map<Heading, NumberingGap>();
  const last = new Map<number, { number: number; text: string }>();
  for (const node of children) {
    if (node.type !== 'heading') continue;
    for (const depth of last.keys()) if (depth > node.depth) last.delete(depth);
    const marker = headingMarker(toString(node));
    if (marker?.number === undefined) {
      last.delete(node.depth);
      continue;
    }
    const previous = last.get(node.depth);
    if (previous && marker.number > previous.number + 1) {
      const missing = Array.from({ length: marker.number - previous.number - 1 }, (_, k) =>
        renumbered(marker, previous.number + 1 + k),
      );
      gaps.set(node, { missing, previous: previous.text, current: marker.text });
    }
    last.set(node.depth, { number: marker.number, text: marker.text });
  }
  return gaps;
}

/** Found by rule, not recorded: a maintainer's report still asks to confirm it. */
const inferred = (gap: SourceGap): SourceGap => ({ ...gap, inferred: true });

const quoted = (list: string[]) => list.map((m) => `“${m}”`).join('');

export function markCutOffText(tree: Root, { log }: PassContext): void {
  const numbering = numberingGaps(tree.children);
  const out: RootContent[] = [];
  tree.children.forEach((node, i) => {
    const next = tree.children[i + 1];
    const skipped = next?.type === 'heading' ? numbering.get(next) : undefined;
    out.push(node);
    if (node.type === 'heading' && numbering.has(node) && out.at(-2)?.type !== 'sourceGap') {
      // A numbering gap with no fragment before it: the marker stands before the heading.
      const gap = numbering.get(node)!;
      out.splice(
        -1,
        0,
        inferred(
          sourceGap(
            'numbering-gap',
            `序号由“${gap.previous}”跳到“${gap.current}”，原文缺${quoted(gap.missing)}部分。`,
            node.data?.line,
            log,
            gap.missing,
          ),
        ),
      );
    }
    if (!isCutOff(node, next)) return;
    const text = toString(node).trim();
    // The marker already says that what follows is not in the source; the reason says why we think
    // so and what follows on this page (the source may print another article's lines in between).
    const where =
      next?.type === 'heading'
        ? `本文中其后是标题“${toString(next)}”（原文第 ${next.data?.line} 行）`
        : '本文到此结束';
    const reason =
      `此段止于“${text.slice(-8)}”，句子没有写完，版面在此截断；${where}` +
      (skipped ? `，序号由“${skipped.previous}”跳到“${skipped.current}”。` : '。');
    out.push(inferred(sourceGap('fragment-cut', reason, node.data?.line, log, skipped?.missing)));
  });
  tree.children = out;
}

/** An unfinished paragraph with nothing after it on the page but a heading, or nothing at all. */
function isCutOff(node: RootContent, next: RootContent | undefined): node is Paragraph {
  if (!isParagraph(node)) return false;
  const text = toString(node).trim();
  return text !== '' && !endsSentence(text) && (next === undefined || next.type === 'heading');
}
