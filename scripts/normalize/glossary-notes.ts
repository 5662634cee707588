/**
 * 名词解释 (collected by glossary.ts) is referred to in the text by a number glued to the term
 * (“两业融合”1试点, M014创新型): the first place each term is followed by its own number becomes a
 * note reference. Other numbers are left alone.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import type { PassContext } from './pass.ts';
import type { Glossary, GlossaryEntry, NoteRef } from './tree.ts';

// Patterns match width-folded text (”→", １→1), whose offsets are those of the printed text.
const CLOSING_QUOTE = `["'」』]?`;

/**
 * Where the number sits right after the term — or inside it, after a leading part of the term
 * (“152”体系与“141”体系10全面贯通 for the entry “152”体系与“141”体系全面贯通).
 */
function referencePatterns(entry: GlossaryEntry): RegExp[] {
  const chars = [...entry.term];
  const patterns: RegExp[] = [];
  for (let k = chars.length; k >= 2; k--) {
    const head = RegExp.escape(foldWidth(chars.slice(0, k).join('')));
    const tail = RegExp.escape(foldWidth(chars.slice(k).join('')));
    patterns.push(new RegExp(`${head}${CLOSING_QUOTE}(?=${entry.number}${tail})`, 'u'));
  }
  return patterns;
}

/** Splits text nodes where “term + its number” occurs, inserting a note reference. Returns whether it linked. */
function linkFirst(children: PhrasingContent[], entry: GlossaryEntry): boolean {
  return referencePatterns(entry).some((re) => linkWith(children, entry, re));
}

function linkWith(children: PhrasingContent[], entry: GlossaryEntry, re: RegExp): boolean {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'text') {
      const match = re.exec(foldWidth(child.value));
      if (!match) continue;
      const cut = match.index + match[0].length;
      const ref: NoteRef = {
        type: 'noteRef',
        number: entry.number,
        term: entry.term,
        definition: entry.definition,
      };
      const rest = child.value.slice(cut + String(entry.number).length);
      const replacement: PhrasingContent[] = [{ type: 'text', value: child.value.slice(0, cut) }, ref];
      if (rest) replacement.push({ type: 'text', value: rest });
      children.splice(i, 1, ...replacement);
      return true;
    }
    if ('children' in child && linkWith(child.children as PhrasingContent[], entry, re)) return true;
  }
  return false;
}

export class GlossaryError extends Error {
  override name = 'GlossaryError';
}

export function linkGlossaryNotes(tree: Root, { log, label }: PassContext): void {
  const glossary = tree.children.find((n): n is Glossary => n.type === 'glossary');
  if (!glossary) return;
  const body = tree.children.slice(0, tree.children.indexOf(glossary));
  // The repair is made where the text refers to the entry: that passage's line is recorded.
  const phrasingParents = body.flatMap((node: RootContent) =>
    node.type === 'paragraph' ? [node] : node.type === 'box' ? node.children : [],
  );
  const missing: number[] = [];
  for (const entry of glossary.entries) {
    const linked = phrasingParents.find((parent) => linkFirst(parent.children, entry));
    if (linked)
      log.add('note-reference', {
        line: linked.data?.line,
        text: `“${entry.term}”后的注码 ${entry.number} → 名词解释第 ${entry.number} 条（原文第 ${entry.line} 行）`,
      });
    else missing.push(entry.number);
  }
  if (missing.length)
    throw new GlossaryError(
      `${label}: 名词解释 entries ${missing.join(', ')} are never referred to in the text` +
        " (term followed by its number); check each entry's number and term against the text," +
        ` or record a repair in the manifest's "corrections"`,
    );
}
