/**
 * Image placeholders: Word's “[image: ]” and PDF caption lines (图1 …) stand where an image was.
 * The image is not in the source text, so the page shows a captioned placeholder saying so.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { caption } from '../../src/lib/conventions/captions.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import type { PassContext } from './pass.ts';
import type { Figure } from './tree.ts';
import { isParagraph, rebuildChildren } from './tree.ts';

const IMAGE = /^\[image:[^\]]*\]$/;

/** 图N and a short title without sentence punctuation (width-insensitive). */
function isCaption(text: string): boolean {
  const label = caption(text);
  const title = foldWidth(text).slice(label?.length);
  return label?.kind === 'figure' && /^\S.{0,40}$/u.test(title) && !/[。;,]/u.test(title);
}

export function recogniseFigures(tree: Root, { log }: PassContext): void {
  rebuildChildren(tree, (node, index, { siblings, skip }) => {
    if (!isParagraph(node)) return node;
    const text = toString(node).trim();
    const line = node.data?.line;
    if (IMAGE.test(text)) {
      const next = siblings[index + 1];
      const caption = isParagraph(next) && isCaption(toString(next).trim()) ? toString(next).trim() : '';
      if (caption) skip(1);
      log.add('image-placeholder', {
        line,
        text: `“${text}” → ${caption || '（无图题）'}（图片本身不在原文文字中）`,
      });
      return { type: 'figure', caption, data: { line } } satisfies Figure;
    }
    if (isCaption(text)) {
      log.add('figure-caption', { line, text: `${text}（图片本身不在原文文字中）` });
      return { type: 'figure', caption: text, data: { line } } satisfies Figure;
    }
    return node;
  });
}
