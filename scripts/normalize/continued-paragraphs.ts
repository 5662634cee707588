/**
 * Paragraphs that continue the one before them although it ends a sentence: a page break that fell
 * at a sentence end leaves no mark join-broken-lines can see, so the manifest records each such
 * paragraph (`continuedParagraphs`) with the evidence. This pass finds them; join-broken-lines joins
 * them and records the join with that reason.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { pagesOf, type PassContext } from './pass.ts';
import { isParagraph } from './tree.ts';

class ContinuedParagraphError extends Error {
  override name = 'ContinuedParagraphError';
}

export function markContinuedParagraphs(tree: Root, context: PassContext): void {
  const { document, label } = context;
  if (document.continuedParagraphs.length === 0) return;
  const paragraphs = pagesOf(tree, context)
    .flatMap(({ tree: page }) => page.children.filter(isParagraph))
    .sort((a, b) => (a.data?.line ?? 0) - (b.data?.line ?? 0));
  document.continuedParagraphs.forEach((recorded, i) => {
    const found = paragraphs.filter((p) => toString(p).trim().startsWith(recorded.from))[
      recorded.occurrence - 1
    ];
    if (!found)
      throw new ContinuedParagraphError(
        `${label}: field "continuedParagraphs.${i}.from": no line (occurrence ${recorded.occurrence}) starts with ${JSON.stringify(recorded.from)}; copy the paragraph's first words from the source`,
      );
    found.data = { ...found.data, continues: recorded.reason };
  });
}
