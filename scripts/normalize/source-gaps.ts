/**
 * Text the source itself lacks: a newspaper column cut off, a fragment that stops mid-word, a gap
 * in a numbered sequence, a source that starts or ends mid-text, a part missing between two parts.
 * Such a place gets one `sourceGap` node (tree.ts) with its kind and the reason we know text is
 * missing there: it is never joined across, it is shown as a marker (scripts/mdx/to-mdx.ts) and
 * listed in 整理说明 with its line.
 *
 * This pass places the gaps recorded in a document's manifest (`sourceGaps`); passes that find a
 * gap by rule add the same node through `sourceGap`.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { pagesOf, type PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';
import { isParagraph, type SourceGap } from './tree.ts';
import { sourceGapMarker, type SourceGapKind } from './source-gap-kinds.ts';

/** A gap node next to source line `line`, recorded in the log with that line and its reason. */
export function sourceGap(
  kind: SourceGapKind,
  reason: string,
  line: number | undefined,
  log: RepairLog,
  missing?: string[],
): SourceGap {
  const gap: SourceGap = { type: 'sourceGap', kind, reason, ...(missing && { missing }), data: { line } };
  log.add('source-gap', { line, text: `${sourceGapMarker(gap)}：${reason}` });
  return gap;
}

export class SourceGapError extends Error {
  override name = 'SourceGapError';
}

/**
 * Places the manifest's recorded gaps (`sourceGaps`) before or after the lines they name, on
 * whichever page holds them; a starts-mid-text or ends-mid-text gap that names no line, at the
 * start or the end of the text; and a part of a document in several files that the library does
 * not hold (`sources: - missing: …`) where it belongs between the files.
 */
export function placeSourceGaps(tree: Root, context: PassContext): void {
  const { document, log, label } = context;
  const missingParts = document.sources.flatMap((part, i) => ('missing' in part ? [{ part, i }] : []));
  if (document.sourceGaps.length === 0 && missingParts.length === 0) return;
  const lines = pagesOf(tree, context)
    .flatMap(({ tree: page }) =>
      page.children.filter(isParagraph).map((node) => ({ node, siblings: page.children })),
    )
    .sort((a, b) => (a.node.data?.line ?? 0) - (b.node.data?.line ?? 0));
  document.sourceGaps.forEach((recorded, i) => {
    const side =
      recorded.before !== undefined
        ? 'before'
        : recorded.after !== undefined || recorded.kind === 'ends-mid-text'
          ? 'after'
          : 'before';
    const start = recorded.before ?? recorded.after;
    // Without a line, the gap is at the start or the end of the text.
    const found =
      start === undefined
        ? side === 'before'
          ? lines[0]
          : lines.at(-1)
        : lines.filter(({ node }) => toString(node).trim().startsWith(start))[recorded.occurrence - 1];
    if (!found)
      throw new SourceGapError(
        start === undefined
          ? `${label}: field "sourceGaps.${i}": the text has no line to put the gap next to`
          : `${label}: field "sourceGaps.${i}.${side}": no line (occurrence ${recorded.occurrence}) starts with ${JSON.stringify(start)}. ` +
              'Copy the start of the line next to the gap from the source exactly.',
      );
    const { node, siblings } = found;
    const gap: RootContent = sourceGap(recorded.kind, recorded.reason, node.data?.line, log);
    siblings.splice(siblings.indexOf(node) + (side === 'after' ? 1 : 0), 0, gap);
  });
  // A part of the document the library does not hold: before the first line of the next file,
  // or after the last line when no file follows.
  for (const { part, i } of missingParts) {
    const filesBefore = document.sources.slice(0, i).filter((p) => 'file' in p).length;
    const next = context.parts[filesBefore];
    const found = next ? lines.find(({ node }) => (node.data?.line ?? 0) >= next.firstLine) : lines.at(-1);
    if (!found) continue;
    const { node, siblings } = found;
    const gap: RootContent = sourceGap('part-missing', part.missing, node.data?.line, log);
    siblings.splice(siblings.indexOf(node) + (next ? 0 : 1), 0, gap);
  }
}
