/**
 * A page as GitHub-flavoured Markdown (/docs/<path>.md), through mdast and mdast-util-to-markdown
 * (never by gluing strings, so the sources' *, _, [, <, | and leading numbers read back as text):
 * YAML frontmatter with the document's facts, the title, then every block in reading order. Notes
 * (名词解释) are footnotes, referred to where the text glues their number. A table is a GFM table when
 * Markdown can hold it (one header row, no merged cells, no line breaks in a cell), else an HTML
 * table, which Markdown allows. Built from the same tree as the page.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { PageFrontmatter } from '../manifest/site-data.ts';
import { sourceGapMarker } from '../normalize/source-gap-kinds.ts';
import type { SourceTable, TableCell } from '../normalize/tree.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

function phrasing(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child): PhrasingContent[] => {
    if (child.type === 'noteRef') return [{ type: 'footnoteReference', identifier: String(child.number) }];
    if (child.type === 'strong') return [{ type: 'strong', children: phrasing(child.children) }];
    // A passage attributed to another text reads as printed (the editors' note before it says whose);
    // a probable lost character is marked on the page only, as the page's text does not hold it either.
    if (child.type === 'attributed') return phrasing(child.children);
    if (child.type === 'probableLoss') return [];
    return [child];
  });
}

/** Whether a GFM table can hold the table as it is. */
function fitsGfm(node: SourceTable): boolean {
  const all = [...node.head, ...node.body].flat();
  return (
    node.head.length === 1 &&
    all.every((c) => (c.rowspan ?? 1) === 1 && (c.colspan ?? 1) === 1 && !c.text.includes('\n'))
  );
}

function gfmTable(node: SourceTable): Table {
  const tableRow = (cells: TableCell[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: c.text ? [text(c.text)] : [] })),
  });
  return { type: 'table', children: [...node.head, ...node.body].map(tableRow) };
}

function htmlTable(node: SourceTable): RootContent {
  const cell = (tag: 'th' | 'td', c: TableCell): Element =>
    h(
      tag,
      {
        rowSpan: (c.rowspan ?? 1) > 1 ? c.rowspan : undefined,
        colSpan: (c.colspan ?? 1) > 1 ? c.colspan : undefined,
      },
      c.text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [h('br'), line])),
    );
  const rows = (cells: TableCell[][], tag: 'th' | 'td') =>
    cells.map((row) =>
      h(
        'tr',
        row.map((c) => cell(c.rowHeader ? 'th' : tag, c)),
      ),
    );
  const table = h('table', [h('thead', rows(node.head, 'th')), h('tbody', rows(node.body, 'td'))]);
  return { type: 'html', value: toHtml(table) };
}

function block(node: RootContent): RootContent[] {
  switch (node.type) {
    case 'heading':
      return [{ type: 'heading', depth: node.depth, children: phrasing(node.children) }];
    case 'paragraph':
      return [paragraph(phrasing(node.children))];
    case 'preamble':
      return node.children.map((line) => paragraph(phrasing(line.children)));
    case 'sourceTable':
      return [
        paragraph([{ type: 'strong', children: [text(node.caption)] }]),
        fitsGfm(node) ? gfmTable(node) : htmlTable(node),
        ...(node.note ? [paragraph([text(node.note)])] : []),
      ];
    case 'box': {
      const children: BlockContent[] = [paragraph([{ type: 'strong', children: [text(node.title)] }])];
      for (const item of node.children) {
        const content = paragraph(phrasing(item.children));
        const last = children.at(-1);
        if (item.type !== 'boxItem') children.push(content);
        else if (last?.type === 'list') last.children.push({ type: 'listItem', children: [content] });
        else
          children.push({
            type: 'list',
            ordered: false,
            children: [{ type: 'listItem', children: [content] }],
          });
      }
      return [{ type: 'blockquote', children }];
    }
    case 'figure':
      return [paragraph([text(`〔原文此处有图，文字稿未收录图片〕${node.caption}`)])];
    case 'jumpNote':
      return [paragraph([text(`【${node.value}】`)])];
    case 'sourceGap':
      return [paragraph([text(`〔${sourceGapMarker(node)}〕`)])];
    case 'editorNote':
      return [
        paragraph([
          text(`〔编者注：${node.text}`),
          ...(node.links ?? []).flatMap((link, i): PhrasingContent[] => [
            ...(i > 0 ? [text('、')] : []),
            { type: 'link', url: link.href, children: [text(link.text)] },
          ]),
          text(node.links?.length ? '。〕' : '〕'),
        ]),
      ];
    case 'glossary':
      return node.entries.map((e) => ({
        type: 'footnoteDefinition',
        identifier: String(e.number),
        children: [paragraph([text(`${e.term}。${e.definition}`)])],
      }));
    default:
      throw new Error(`to-markdown: no serializer for node type "${node.type}"`);
  }
}

/**
 * The facts a Markdown tool (Pandoc, a static site generator, a notes app) reads from the frontmatter.
 * A value the text does not state is marked the only way YAML can: `editorSupplied` names it, with
 * the editors' basis (as the page's 编者补 does); `issuerLabel` says what an issuer value that is
 * no issuing body is (刊载版面).
 */
function frontmatter(fm: PageFrontmatter): string {
  const facts = {
    title: fm.title,
    subtitle: fm.subtitle,
    district: fm.districtName,
    kind: fm.kind,
    issuer: fm.issuer,
    issuerLabel: fm.issuerLabel,
    documentNumber: fm.documentNumber,
    meetingFileNumber: fm.meetingFileNumber,
    date: fm.date,
    editorSupplied: fm.editorSupplied,
    sources: fm.sourceFiles,
  };
  return stringify(Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined))).trimEnd();
}

export function toMarkdownDocument(tree: Root, fm: PageFrontmatter): string {
  const out: Root = {
    type: 'root',
    children: [
      { type: 'yaml', value: frontmatter(fm) },
      { type: 'heading', depth: 1, children: [text(fm.title)] },
      ...(fm.subtitle ? [paragraph([text(fm.subtitle)])] : []),
      ...tree.children.flatMap(block),
    ],
  };
  return toMarkdown(out, { extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])] });
}
