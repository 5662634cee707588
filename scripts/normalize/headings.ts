/**
 * Recognises the heading hierarchy of Chinese official documents:
 * 第X章 > 第X节 > 第X条 > 一、 > （一）, plus bare title lines (本届政府工作回顾) above numbered parts.
 * An article is a heading when it is a title (第1条 编制目的); an article that holds sentences
 * (第一条 为了……，制定本办法。) is a paragraph.
 * Run-in headings (“一、标题。正文……”) are split into a heading and the paragraph that follows.
 * Depths are assigned by rank among the kinds a document actually uses, so h2 is always its top level.
 * Documents numbered by 章 take no bare title lines.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingMarker, MAX_HEADING_LENGTH } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import {
  continuesAfterSentenceEnd,
  endsSentence,
  hasSentencePunctuation,
} from '../../src/lib/conventions/sentence-ends.ts';
import type { PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';
import type { HeadingKind } from './tree.ts';
import { heading, isParagraph, paragraph, rebuildChildren } from './tree.ts';

const RANK: HeadingKind[] = ['bare', 'glossary', 'chapter', 'section', 'article', 'numbered', 'subNumbered'];
const LETTER_SPACED = /^(?:\p{Script=Han}[ \u3000]+)+\p{Script=Han}$/u;

/** The kind of numbered heading the line starts with; a 章/节/条 marker alone on its line is not one. */
function classifyHeading(text: string): HeadingKind | undefined {
  const marker = headingMarker(text);
  if (!marker) return undefined;
  if (marker.kind === 'article' && hasSentencePunctuation(text)) return undefined;
  const titled = marker.kind !== 'chapter' && marker.kind !== 'section' && marker.kind !== 'article';
  return titled || text.length > marker.text.length ? marker.kind : undefined;
}

/** A heading of `text`: headings are bold by themselves, so the source's bold markers are dropped (and recorded). */
function titled(text: string, line: number | undefined, kind: HeadingKind, log: RepairLog): Heading {
  const title = heading(2, text.replace(/\*\*/g, ''), { line, kind });
  const count = Math.floor((text.match(/\*\*/g)?.length ?? 0) / 2);
  if (count) log.add('bold-markers', { line, text: `标题“${toString(title)}”`, count, block: title });
  return title;
}

/** A short standalone title line with no sentence punctuation, standing between complete sentences. */
function isBareHeading(
  text: string,
  previous: RootContent | undefined,
  next: RootContent | undefined,
): boolean {
  if (
    text.length > 24 ||
    hasSentencePunctuation(text) ||
    /、$/.test(text) ||
    /\t/.test(text) ||
    itemMarker(text)
  )
    return false;
  if (!isParagraph(next)) return false;
  if (previous && isParagraph(previous) && !endsSentence(toString(previous))) return false;
  return true;
}

export function recogniseHeadings(tree: Root, { log }: PassContext): void {
  const headings: Heading[] = [];
  const found = (h: Heading): Heading => {
    headings.push(h);
    return h;
  };
  rebuildChildren(tree, (node, index, { siblings }): RootContent | RootContent[] => {
    if (!isParagraph(node)) return node;
    const text = toString(node).trim();
    const line = node.data?.line;
    const kind = classifyHeading(text);
    if (kind) {
      const plain = text.replace(/\*\*/g, '');
      if (plain.length <= MAX_HEADING_LENGTH && !continuesAfterSentenceEnd(plain))
        return found(titled(text, line, kind, log));
      // A run-in heading: the title up to the first 。, then its paragraph.
      const stop = text.indexOf('。');
      const head = stop > 0 ? text.slice(0, stop + 1) : '';
      if (!head || head.replace(/\*\*/g, '').length > MAX_HEADING_LENGTH + 1) return node;
      const rest = text.slice(stop + 1).trim();
      const title = found(titled(head, line, kind, log));
      return rest ? [title, paragraph(rest, { ...node.data })] : title;
    }
    if (!isBareHeading(text, siblings[index - 1], siblings[index + 1])) return node;
    const title = LETTER_SPACED.test(text) ? text.replace(/[ \u3000]+/g, '') : text;
    const bare = found(heading(2, title, { line, kind: title === '名词解释' ? 'glossary' : 'bare' }));
    if (title !== text) log.add('letter-spaced-heading', { line, text: `${text} → ${title}`, block: bare });
    return bare;
  });
  const kinds = new Set(headings.map((h) => h.data!.kind!));
  // A document numbered by 章 has no unnumbered titles: a bare line there is a stray fragment.
  if (kinds.has('chapter')) {
    for (const h of headings.filter((x) => x.data!.kind === 'bare')) {
      tree.children[tree.children.indexOf(h)] = paragraph(toString(h), { line: h.data!.line });
      headings.splice(headings.indexOf(h), 1);
    }
    kinds.delete('bare');
  }
  const used = RANK.filter((k) => kinds.has(k) && k !== 'glossary');
  for (const h of headings) {
    const kind = h.data!.kind!;
    const rank = kind === 'glossary' ? 0 : used.indexOf(kind);
    h.depth = Math.min(6, 2 + Math.max(0, rank)) as Heading['depth'];
  }
}
