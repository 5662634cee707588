/**
 * The normalization tree: mdast plus a few node types for official-document structures.
 * Passes read and rewrite it; `scripts/mdx/to-mdx.ts` turns it into MDX (JSX + Markdown).
 */
import type { Heading, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { Data } from 'unist';
import type { SourceGapKind } from './source-gap-kinds.ts';

/** Where a block came from in the source, and its citable id. */
interface BlockData extends Data {
  line?: number;
  id?: string;
  /** Its entries in 整理说明 (repairs-by-page.ts), for the mark that links to them. */
  repairs?: string[];
}

/** 专栏: a titled box of items. */
export interface Box {
  type: 'box';
  title: string;
  ordered: boolean;
  children: Array<Paragraph | BoxItem>;
  data?: BlockData;
}
export interface BoxItem {
  type: 'boxItem';
  children: PhrasingContent[];
  data?: BlockData;
}

export interface TableCell {
  text: string;
  /** Source line of the cell's row (body cells). */
  line?: number;
  rowspan?: number;
  colspan?: number;
  /** A body cell naming its row, or the head cell above that column (the layout's rowHeader). */
  rowHeader?: boolean;
}
/** A table rebuilt from flattened extraction lines. */
export interface SourceTable {
  type: 'sourceTable';
  caption: string;
  head: TableCell[][];
  body: TableCell[][];
  note?: string;
  data?: BlockData;
}
/** An image the source text only names (图1 …); the image itself is not in the source. */
export interface Figure {
  type: 'figure';
  caption: string;
  data?: BlockData;
}
/** Newspaper jump line such as 【紧接第1版】. */
export interface JumpNote {
  type: 'jumpNote';
  value: string;
  data?: BlockData;
}
/**
 * Text the source itself lacks at this place (a column cut off, a numbering gap …): shown as a
 * marker, never joined across, listed in 整理说明. See source-gaps.ts.
 */
export interface SourceGap {
  type: 'sourceGap';
  kind: SourceGapKind;
  /** Why we know text is missing here (shown in 整理说明). */
  reason: string;
  /** The numbers a numbering gap skips, as printed (三、). */
  missing?: string[];
  /** Found by rule (cut-off-text.ts), not recorded in the manifest. */
  inferred?: true;
  /** line: the source line next to the gap. */
  data?: BlockData;
}
/** A passage inside a paragraph that belongs to another text (attributions.ts); its text stays the source's. */
export interface AttributedSpan {
  type: 'attributed';
  children: PhrasingContent[];
  data?: AttributedTo & Data;
}
/** Where a character was probably lost at a line break (join-broken-lines.ts): marked, never supplied. */
interface ProbableLoss {
  type: 'probableLoss';
  data?: Data;
}
/** The site's own note in the text (〔编者注：…〕): never the source's words, kept out of search. */
export interface EditorNote {
  type: 'editorNote';
  text: string;
  /** Passages the note points to, read after its text (“见：“三、”“四、””). */
  links?: { text: string; href: string }[];
  data?: BlockData;
}
/** The document's own header lines (cover, masthead), kept verbatim. */
export interface Preamble {
  type: 'preamble';
  children: Paragraph[];
  data?: BlockData;
}
export interface GlossaryEntry {
  number: number;
  term: string;
  definition: string;
  line?: number;
}
/** 名词解释: numbered explanations that the text refers to by glued numbers. */
export interface Glossary {
  type: 'glossary';
  entries: GlossaryEntry[];
  data?: BlockData;
}
/** A note reference glued to a term in the text (“两业融合”1). */
export interface NoteRef {
  type: 'noteRef';
  number: number;
  term: string;
  definition: string;
  data?: BlockData;
}

declare module 'mdast' {
  interface RootContentMap {
    box: Box;
    boxItem: BoxItem;
    sourceTable: SourceTable;
    figure: Figure;
    jumpNote: JumpNote;
    preamble: Preamble;
    glossary: Glossary;
    noteRef: NoteRef;
    sourceGap: SourceGap;
    editorNote: EditorNote;
  }
  interface PhrasingContentMap {
    noteRef: NoteRef;
    attributed: AttributedSpan;
    probableLoss: ProbableLoss;
  }
  interface ParagraphData {
    line?: number;
    /** Blank lines before this line in the source. */
    blankBefore?: number;
    /**
     * Which of those blank lines (0-based among them) held a tab: in a Word table flattened to one
     * cell per line, a tab-only line is an empty cell. Absent when none did.
     */
    emptyCellsBefore?: number[];
    id?: string;
    /** The last source line joined into it (join-broken-lines.ts). */
    through?: number;
    /** The manifest says it continues the paragraph before it (continued-paragraphs.ts): why. */
    continues?: string;
    /** The earlier paragraph this one repeats (the source printed it twice): mark-repeats.ts. */
    repeatOf?: RepeatOf;
    repairs?: string[];
    /** Whose text this is, when the manifest says it is not the page's own (attributions.ts). */
    attributedTo?: AttributedTo;
  }
  interface HeadingData {
    line?: number;
    kind?: HeadingKind;
    id?: string;
    repeatOf?: RepeatOf;
    repairs?: string[];
    attributedTo?: AttributedTo;
  }
}

/** Where a repeated block was first printed. */
export interface RepeatOf {
  /** Link to the first copy: #id on the same page, /docs/…/#id on another. */
  href: string;
  /** How the first copy's page is named, when it is another page (“北仑区委理论学习中心组文章”). */
  page?: string;
  /** Only the numbering differs (十六、 for 三、). */
  renumbered?: true;
  /** This copy comes first in the source; the one shown was printed after it (in the article it belongs to). */
  printedBefore?: true;
  /** The source cut this copy off: it is only the start of the first copy (江北's 十八、 “坚持“民”). */
  truncated?: true;
}

/** The article (of this compilation) or the district a passage belongs to, by the manifest. */
interface AttributedTo {
  article?: string;
  district?: string;
  /** Its entry in the manifest's attributions (0-based). */
  attribution: number;
}

export type HeadingKind =
  'bare' | 'chapter' | 'section' | 'article' | 'numbered' | 'subNumbered' | 'glossary';

export type Block = RootContent;

export function paragraph(value: string, data: Paragraph['data'] = {}): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }], data };
}

export function heading(depth: Heading['depth'], value: string, data: Heading['data'] = {}): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value }], data };
}

export function setText(node: { children: PhrasingContent[] }, value: string): void {
  node.children = [{ type: 'text', value } satisfies Text];
}

export function isParagraph(node: Block | undefined): node is Paragraph {
  return node?.type === 'paragraph';
}

/** What a rewrite sees besides the child: the children as they were, the new ones so far, and a way to take in followers. */
export interface Rebuild<T> {
  /** The children before the rebuild (to look at the neighbours). */
  readonly siblings: readonly T[];
  /** The new children so far (to extend the last one instead of adding a node). */
  readonly out: readonly T[];
  /** The next `count` siblings are part of this child's replacement: they are not visited. */
  skip(count: number): void;
}

/**
 * Rebuilds `parent.children` in one pass: each child is replaced by what `rewrite` returns —
 * itself, other nodes, or none (`[]`).
 */
export function rebuildChildren<T>(
  parent: { children: T[] },
  rewrite: (node: T, index: number, rebuild: Rebuild<T>) => T | T[],
): void {
  const siblings = parent.children;
  const out: T[] = [];
  let next = 0;
  const rebuild: Rebuild<T> = { siblings, out, skip: (count) => (next += count) };
  while (next < siblings.length) {
    const index = next++;
    const replacement = rewrite(siblings[index], index, rebuild);
    if (Array.isArray(replacement)) out.push(...replacement);
    else out.push(replacement);
  }
  parent.children = out;
}

export type { Paragraph, Heading };
