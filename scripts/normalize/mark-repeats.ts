/**
 * Marks paragraphs and headings the source prints more than once (a newspaper page that repeats
 * runs of paragraphs). Every copy stays on the page; later copies point to the first and are kept
 * out of the search index and the page's table of contents. Numbering prefixes (六、/一、) are
 * ignored when comparing, and the record says so when only they differ.
 *
 * - A paragraph is a repeat when its text (at least MIN_LENGTH characters) was printed before.
 * - A heading is a repeat only together with its section: when every paragraph under it is a
 *   repeat and an earlier heading has its wording. A heading whose section is new is not a repeat,
 *   even if its wording was printed before (海曙's 十六、 with paragraphs of its own).
 * - A fragment the source cuts off (a gap marker follows it: cut-off-text.ts, source-gaps.ts) is a
 *   truncated repeat when it is the start of a section printed before: its heading has that
 *   section's wording and it is the start of that section's first paragraph (江北's 十八、…坚持“民,
 *   the start of 北仑's 十、). It is too short to compare by itself, so only its place tells.
 *
 * “Before” is source order, except that a passage the manifest attributes to another article of the
 * compilation (attributions.ts) comes after everything else: where the same text stands in the
 * article it belongs to, that copy is the one shown, and the copy printed in the other article is folded.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import { pagesOf, type PassContext } from './pass.ts';
import type { RepeatOf } from './tree.ts';
import type { SourceGapKind } from './source-gap-kinds.ts';

/** Gaps after which the source has lost the rest of a passage. */
const CUTS: readonly SourceGapKind[] = ['fragment-cut', 'column-cut', 'ends-mid-text'];

const MIN_LENGTH = 12;

type Block = Paragraph | Heading;
interface Entry {
  node: Block;
  /** URL path of its page, e.g. /docs/jingcai-pianzhang/beilun/. */
  page: string;
  /** How the records name its page: “北仑区委理论学习中心组文章”, or the document's title. */
  pageName: string;
  /** It stands in an article the manifest says it does not belong to. */
  away: boolean;
  /** The source is cut off right after it (a gap marker follows it on its page). */
  cutOff: boolean;
}

const squashed = (node: Block) => foldWidth(toString(node)).replace(/\s+/g, '');

/** The numbering (六、/（一）) a block starts with, if any. */
export function numbering(node: Block): string {
  const marker = headingMarker(squashed(node));
  return marker?.kind === 'numbered' || marker?.kind === 'subNumbered' ? marker.text : '';
}

/** The text compared: without spaces and numbering, widths folded. */
export function repeatKey(node: Block): string {
  return squashed(node).slice(numbering(node).length);
}

/** Over all pages of the source together (a compilation's parts repeat each other); ids must be assigned first. */
export function markRepeats(tree: Root, context: PassContext): void {
  const { log, document } = context;
  const pages = pagesOf(tree, context).map(({ path, tree: page, article }) => ({
    page,
    article: article?.article.slug,
    url: `/docs/${path}/`,
    name: article ? `${article.article.byline}文章` : `《${document.title}》`,
  }));
  const blocksOf = pages.map(({ page, article, url, name }) =>
    page.children
      .filter((n): n is Block => n.type === 'paragraph' || n.type === 'heading')
      .map((node): Entry => {
        const next = page.children[page.children.indexOf(node) + 1];
        return {
          node,
          page: url,
          pageName: name,
          away: !!node.data?.attributedTo?.article && node.data.attributedTo.article !== article,
          cutOff: next?.type === 'sourceGap' && CUTS.includes(next.kind),
        };
      }),
  );
  const order = (e: Entry) => [e.away ? 1 : 0, e.node.data?.line ?? 0];
  const entries = blocksOf.flat().sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
  const rank = new Map(entries.map((e, i) => [e.node, i]));

  const mark = (entry: Entry, first: Entry, truncated = false) => {
    const samePage = first.page === entry.page;
    const renumbered = numbering(entry.node) !== numbering(first.node);
    const printedBefore = (entry.node.data?.line ?? 0) < (first.node.data?.line ?? 0);
    const repeatOf: RepeatOf = {
      href: samePage ? `#${first.node.data!.id}` : `${first.page}#${first.node.data!.id}`,
      ...(!samePage && { page: first.pageName }),
      ...(renumbered && { renumbered }),
      ...(printedBefore && { printedBefore }),
      ...(truncated && { truncated }),
    };
    entry.node.data!.repeatOf = repeatOf;
    const where = `${samePage ? '' : first.pageName}第 ${first.node.data?.line} 行`;
    const same = truncated
      ? `原文只印出开头即中断，与${where}一段的开头相同`
      : renumbered
        ? `除序号（“${numbering(entry.node) || '无'}”与“${numbering(first.node) || '无'}”）外，与${where}相同`
        : `与${where}相同`;
    log.add('repeated-paragraph', {
      line: entry.node.data?.line,
      text: `${toString(entry.node).slice(0, 14)}…：${same}`,
      block: entry.node,
    });
  };

  // Paragraphs: a long enough text printed before.
  const firstParagraph = new Map<string, Entry>();
  const firstOf = new Map<Block, Entry>();
  for (const entry of entries) {
    if (entry.node.type !== 'paragraph') continue;
    const key = repeatKey(entry.node);
    if (key.length < MIN_LENGTH) continue;
    const first = firstParagraph.get(key);
    if (!first) firstParagraph.set(key, entry);
    else {
      firstOf.set(entry.node, first);
      mark(entry, first);
    }
  }

  const firstHeading = new Map<string, Entry>();
  for (const entry of entries.filter((e) => e.node.type === 'heading'))
    if (!firstHeading.has(repeatKey(entry.node))) firstHeading.set(repeatKey(entry.node), entry);
  const before = (a: Entry, b: Entry) => rank.get(a.node)! < rank.get(b.node)!;

  // Cut-off fragments that start a section printed before, under a heading of its wording.
  for (const blocks of blocksOf)
    blocks.forEach((entry, i) => {
      const heading = blocks[i - 1];
      if (entry.node.type !== 'paragraph' || entry.node.data?.repeatOf || !entry.cutOff) return;
      if (heading?.node.type !== 'heading') return;
      const section = firstHeading.get(repeatKey(heading.node));
      if (!section || section === heading) return;
      const sectionBlocks = blocksOf.find((list) => list.includes(section))!;
      const opening = sectionBlocks[sectionBlocks.indexOf(section) + 1];
      const fragment = repeatKey(entry.node);
      if (opening?.node.type !== 'paragraph' || !before(opening, entry) || fragment === '') return;
      if (!repeatKey(opening.node).startsWith(fragment)) return;
      firstOf.set(entry.node, opening);
      mark(entry, opening, true);
    });

  // Headings: with their sections. The copy is the heading over the first copy of the section's
  // first paragraph when it has the same wording, else the first heading with that wording.
  for (const blocks of blocksOf) {
    blocks.forEach((entry, i) => {
      if (entry.node.type !== 'heading') return;
      const end = blocks.findIndex((b, j) => j > i && b.node.type === 'heading');
      const section = blocks.slice(i + 1, end < 0 ? undefined : end);
      if (section.length === 0 || !section.every((b) => b.node.data?.repeatOf)) return;
      const key = repeatKey(entry.node);
      const overFirst = headingOver(firstOf.get(section[0].node), blocksOf);
      const first = overFirst && repeatKey(overFirst.node) === key ? overFirst : firstHeading.get(key);
      if (first && first.node !== entry.node && before(first, entry)) mark(entry, first);
    });
  }
}

/** The heading just before a block on its page. */
function headingOver(entry: Entry | undefined, blocksOf: Entry[][]): Entry | undefined {
  if (!entry) return undefined;
  const blocks = blocksOf.find((list) => list.includes(entry))!;
  return blocks.slice(0, blocks.indexOf(entry)).findLast((b) => b.node.type === 'heading');
}
