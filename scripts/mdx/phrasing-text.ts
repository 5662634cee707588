/** A block's words as plain text, for the text, Markdown-free and JSON exports. */
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { EditorNote } from '../normalize/tree.ts';

/** The text of inline content as the page shows it: a glued note reference is its number (“两业融合”1). */
export function phrasingText(children: readonly PhrasingContent[]): string {
  return children
    .map((child) => {
      if (child.type === 'noteRef') return String(child.number);
      if ('children' in child) return phrasingText(child.children as PhrasingContent[]);
      return toString(child);
    })
    .join('');
}

/** An editor's note as plain text: its words, then the passages it points to (“见：“三、”“四、”。”). */
export function editorNoteText(note: EditorNote): string {
  return note.links?.length ? `${note.text}${note.links.map((l) => l.text).join('、')}。` : note.text;
}
