/**
 * A page's structure as data (/docs/<path>.json): its metadata, every block in reading order with its
 * citable id (headings, paragraphs, tables as rows of cells, 专栏, figures, newspaper jump lines,
 * the places where the source lacks text), its notes (名词解释) and its repair log. Built from the
 * same normalized tree as the page (to-mdx.ts), so ids, texts and rows are the page's
 * (tests/build/exports.test.ts checks them against the built pages).
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { PageFrontmatter } from '../manifest/site-data.ts';
import type { SourceGapKind } from '../normalize/source-gap-kinds.ts';
import { sourceGapMarker } from '../normalize/source-gap-kinds.ts';
import type { TableCell } from '../normalize/tree.ts';
import { pageFiles, sourcePath, tableCsvPath } from '../../src/lib/downloads.ts';
import { editorNoteText, phrasingText } from './phrasing-text.ts';

/** The format's name and version, first in every file: a reader can tell what it has. */
const DOCUMENT_FORMAT = 'ningbo-policy-library/document@1';

/** A table cell; rowHeader: a body cell naming its row, or the head cell over that column. */
export type ExportedCell = Pick<TableCell, 'text' | 'rowspan' | 'colspan' | 'rowHeader'>;

export type ExportedBlock =
  | { type: 'heading'; id: string; depth: number; text: string; repeatOf?: string }
  | { type: 'paragraph'; id: string; text: string; repeatOf?: string }
  /** A line of the document's own header (cover, masthead), kept verbatim. */
  | { type: 'front'; id: string; text: string }
  | {
      type: 'table';
      id: string;
      caption: string;
      /** Header rows, then body rows; a cell spanning rows or columns says so and is not repeated. */
      head: ExportedCell[][];
      body: ExportedCell[][];
      note?: string;
      /** The table as CSV (a site path, like every link here). */
      csv: string;
    }
  | { type: 'box'; id: string; title: string; items: { id: string; text: string; item: boolean }[] }
  /** A figure the source names but does not contain. */
  | { type: 'figure'; id: string; caption: string }
  /** A newspaper jump line (【紧接第1版】): the text goes on, or came from, another page of the paper. */
  | { type: 'jump'; id: string; text: string }
  /** The source itself lacks text here; never joined across. */
  | { type: 'gap'; kind: SourceGapKind; marker: string; reason: string }
  /** The editors' note in the text (a passage attributed to another article): the site's words, not the source's. */
  | { type: 'editor-note'; text: string; links?: { text: string; href: string }[] };

/** A 名词解释 entry, and the place in the text that refers to it. */
interface ExportedNote {
  id: string;
  number: number;
  term: string;
  definition: string;
  ref: string;
}

export interface ExportedDocument {
  format: typeof DOCUMENT_FORMAT;
  /** The page's metadata, as on the page (its frontmatter without the table of contents and repairs). */
  metadata: Omit<PageFrontmatter, 'toc' | 'repairs'>;
  /** Site paths (without the base path); the published file makes them URLs (src/pages/docs/[...file].ts). */
  /** sources: the original text, its files in reading order. */
  links: { page: string; markdown: string; text: string; json: string; sources: string[] };
  blocks: ExportedBlock[];
  notes: ExportedNote[];
  /** Every repair made in this page's text, with its source line and the passage it concerns. */
  repairs: PageFrontmatter['repairs'];
}

const cells = (rows: TableCell[][]): ExportedCell[][] =>
  rows.map((row) =>
    row.map((c) => ({
      text: c.text,
      ...(c.rowspan && c.rowspan > 1 ? { rowspan: c.rowspan } : {}),
      ...(c.colspan && c.colspan > 1 ? { colspan: c.colspan } : {}),
      ...(c.rowHeader ? { rowHeader: true } : {}),
    })),
  );

function idOf(node: { type: string; data?: { id?: string } }): string {
  const id = node.data?.id;
  if (!id) throw new Error(`to-json: a ${node.type} block has no id (assign-ids runs before serializing)`);
  return id;
}

function textBlock(node: Heading | Paragraph): ExportedBlock {
  const repeatOf = node.data?.repeatOf ? { repeatOf: node.data.repeatOf.href } : {};
  return node.type === 'heading'
    ? { type: 'heading', id: idOf(node), depth: node.depth, text: phrasingText(node.children), ...repeatOf }
    : { type: 'paragraph', id: idOf(node), text: phrasingText(node.children), ...repeatOf };
}

export function toJson(tree: Root, frontmatter: PageFrontmatter): ExportedDocument {
  const { toc: _toc, repairs, ...metadata } = frontmatter;
  const path = frontmatter.path;
  const blocks: ExportedBlock[] = [];
  const notes: ExportedNote[] = [];
  const add = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        blocks.push(textBlock(node));
        return;
      case 'preamble':
        for (const line of node.children)
          blocks.push({ type: 'front', id: idOf(line), text: phrasingText(line.children) });
        return;
      case 'sourceTable': {
        const id = idOf(node);
        blocks.push({
          type: 'table',
          id,
          caption: node.caption,
          head: cells(node.head),
          body: cells(node.body),
          ...(node.note ? { note: node.note } : {}),
          csv: tableCsvPath(path, id),
        });
        return;
      }
      case 'box':
        blocks.push({
          type: 'box',
          id: idOf(node),
          title: node.title,
          items: node.children.map((item) => ({
            id: idOf(item),
            text: phrasingText(item.children),
            item: item.type === 'boxItem',
          })),
        });
        return;
      case 'figure':
        blocks.push({ type: 'figure', id: idOf(node), caption: node.caption });
        return;
      case 'jumpNote':
        blocks.push({ type: 'jump', id: idOf(node), text: `【${node.value}】` });
        return;
      case 'sourceGap':
        blocks.push({ type: 'gap', kind: node.kind, marker: sourceGapMarker(node), reason: node.reason });
        return;
      case 'editorNote':
        blocks.push({
          type: 'editor-note',
          text: editorNoteText(node),
          ...(node.links && { links: node.links }),
        });
        return;
      case 'glossary':
        for (const e of node.entries)
          notes.push({
            id: `g${e.number}`,
            number: e.number,
            term: e.term,
            definition: e.definition,
            ref: `r${e.number}`,
          });
        return;
      default:
        throw new Error(`to-json: no serializer for node type "${node.type}"`);
    }
  };
  tree.children.forEach(add);
  const files = pageFiles(path);
  return {
    format: DOCUMENT_FORMAT,
    metadata,
    links: {
      page: files.page,
      markdown: files.markdown,
      text: files.text,
      json: files.json,
      sources: frontmatter.sourceFiles.map(sourcePath),
    },
    blocks,
    notes,
    repairs,
  };
}
