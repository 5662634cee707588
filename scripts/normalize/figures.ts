/**
 * Image placeholders: Word's “[image: ]” and PDF caption lines (图1 …) stand where an image was.
 * The image is not in the source text, so the page shows a captioned placeholder saying so.
 */
import type { Root, RootContent } from 'mdast';
import { caption } from '../../src/lib/conventions/captions.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import type { RepairLog } from './repair-log.ts';
import type { Figure } from './tree.ts';
import { isParagraph, textOf } from './tree.ts';

const IMAGE = /^\[image:[^\]]*\]$/;
/** 图N and a short title without sentence punctuation (width-insensitive). */
function isCaption(text: string): boolean {
  const label = caption(text);
  const title = foldWidth(text).slice(label?.length);
  return label?.kind === 'figure' && /^\S.{0,40}$/u.test(title) && !/[。;,]/u.test(title);
}

export function recogniseFigures(tree: Root, log: RepairLog): void {
  const out: RootContent[] = [];
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i];
    if (!isParagraph(node)) {
      out.push(node);
      continue;
    }
    const text = textOf(node).trim();
    if (IMAGE.test(text)) {
      const next = tree.children[i + 1];
      const caption = isParagraph(next) && isCaption(textOf(next).trim()) ? textOf(next).trim() : '';
      if (caption) i++;
      out.push({ type: 'figure', caption, data: { line: node.data?.line } } satisfies Figure);
      log.add('image-placeholder', {
        line: node.data?.line,
        text: `Word 图片占位符 → ${caption || '（无图题）'}（图片不在原文文字稿中）`,
      });
      continue;
    }
    if (isCaption(text)) {
      out.push({ type: 'figure', caption: text, data: { line: node.data?.line } } satisfies Figure);
      log.add('image-placeholder', { line: node.data?.line, text: `${text}（图片不在原文文字稿中）` });
      continue;
    }
    out.push(node);
  }
  tree.children = out;
}
