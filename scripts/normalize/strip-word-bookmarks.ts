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
    const markers = text.match(BOOKMARK) ?? [];
    if (markers.length === 0) return node;
    log.add('word-bookmark', { line: node.data?.line, text: markers.join(' '), count: markers.length });
    const cleaned = text.replace(BOOKMARK, '');
    if (cleaned.trim() === '') return [];
    setText(node, cleaned);
    return node;
  });
}
