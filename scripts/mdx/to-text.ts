/**
 * A page as plain text (/docs/<path>.txt): a head (title and the document's facts), then every block
 * in reading order, a blank line between blocks. Tables are one row per line, cells separated by
 * tabs (a cell's own line breaks become spaces); the source's words are as on the page, the site's
 * own markers (a missing figure, a gap in the source) stand in 〔〕. Built from the same tree as the page.
 */
import type { Root, RootContent } from 'mdast';
import { documentFacts, factLine } from '../../src/lib/document-facts.ts';
import type { PageFrontmatter } from '../manifest/site-data.ts';
import { sourceGapMarker } from '../normalize/source-gap-kinds.ts';
import type { TableCell } from '../normalize/tree.ts';
import { editorNoteText, phrasingText } from './phrasing-text.ts';

const row = (cells: TableCell[]) => cells.map((c) => c.text.replace(/\s*\n\s*/gu, ' ')).join('\t');

function block(node: RootContent): string[] {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return [phrasingText(node.children)];
    case 'preamble':
      return node.children.map((line) => phrasingText(line.children));
    case 'sourceTable':
      return [
        [node.caption, ...node.head.map(row), ...node.body.map(row), ...(node.note ? [node.note] : [])].join(
          '\n',
        ),
      ];
    case 'box':
      return [[node.title, ...node.children.map((item) => phrasingText(item.children))].join('\n')];
    case 'figure':
      return [`〔原文此处有图，文字稿未收录图片〕${node.caption}`];
    case 'jumpNote':
      return [`【${node.value}】`];
    case 'sourceGap':
      return [`〔${sourceGapMarker(node)}〕`];
    case 'editorNote':
      return [`〔编者注：${editorNoteText(node)}〕`];
    case 'glossary':
      return [node.entries.map((e) => `${e.number}.${e.term}。${e.definition}`).join('\n')];
    default:
      throw new Error(`to-text: no serializer for node type "${node.type}"`);
  }
}

export function toText(tree: Root, frontmatter: PageFrontmatter): string {
  const head = [
    frontmatter.title,
    ...(frontmatter.subtitle ? [frontmatter.subtitle] : []),
    documentFacts(frontmatter).map(factLine).join('\n'),
  ];
  return `${[...head, ...tree.children.flatMap(block)].join('\n\n')}\n`;
}
