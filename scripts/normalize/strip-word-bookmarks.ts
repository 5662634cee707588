/** Removes Word bookmark markers ([bookmark: _Toc…], _Hlk…) left by the .docx extraction. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PassContext } from './pass.ts';
import { isParagraph, rebuildChildren, setText } from './tree.ts';

const BOOKMARK = /\[bookmark:\s*[^\]]*\]/g;

export function stripWordBookmarks(tree: Root, { log }: PassContext): void {
  rebuildChildren(tree, (node) => {
    if (!isParagraph(node)) return node;
    const text = toString(node);
    const count = text.match(BOOKMARK)?.length ?? 0;
    if (count === 0) return node;
    log.add('word-bookmark', undefined, { count });
    const cleaned = text.replace(BOOKMARK, '');
    if (cleaned.trim() === '') return [];
    setText(node, cleaned);
    return node;
  });
}
