/**
 * rehype plugin: marks the places a heading's Chinese text may break between words (<wbr>, from
 * src/lib/conventions/phrase-breaks.ts), so that headings set with `word-break: keep-all` and
 * `text-wrap: balance` break there or at their spaces and punctuation, never inside a word.
 * Handles headings in both shapes (hast elements, and MDX JSX elements as the site's MDX gives them).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { phraseParts } from './conventions/phrase-breaks.ts';

const HEADING = /^h[1-6]$/;
const wbr = (): Element => ({ type: 'element', tagName: 'wbr', properties: {}, children: [] });

/** A text as its parts with a <wbr> between each two. */
function withPhraseBreaks(text: Text): ElementContent[] {
  return phraseParts(text.value).flatMap((value, i): ElementContent[] =>
    i === 0 ? [{ type: 'text', value }] : [wbr(), { type: 'text', value }],
  );
}

interface Parent {
  children: unknown[];
}
function breakTexts(node: Parent): void {
  node.children = node.children.flatMap((child) => {
    const c = child as { type: string; value?: string; children?: unknown[] };
    if (c.type === 'text') return withPhraseBreaks(c as Text);
    if (Array.isArray(c.children)) breakTexts(c as Parent);
    return [child];
  });
}

export default function rehypePhraseBreaks() {
  return (tree: Root) => {
    visit(tree, ['element', 'mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node) => {
      const name = node.type === 'element' ? node.tagName : node.name;
      if (!name || !HEADING.test(name)) return;
      breakTexts(node);
      return SKIP;
    });
  };
}
