/** Removes Word bookmark markers ([bookmark: _Toc…], _Hlk…) left by the .docx extraction. */
import type { Root } from 'mdast';
import type { RepairLog } from './repair-log.ts';
import { isParagraph, setText, textOf } from './tree.ts';

const BOOKMARK = /\[bookmark:\s*[^\]]*\]/g;

export function stripWordBookmarks(tree: Root, log: RepairLog): void {
  tree.children = tree.children.filter((node) => {
    if (!isParagraph(node)) return true;
    const text = textOf(node);
    const count = text.match(BOOKMARK)?.length ?? 0;
    if (count === 0) return true;
    log.add('word-bookmark', undefined, { count });
    const cleaned = text.replace(BOOKMARK, '');
    if (cleaned.trim() === '') return false;
    setText(node, cleaned);
    return true;
  });
}
