/**
 * Serializes a normalized tree to MDX through mdast and mdast-util-to-markdown — never by gluing
 * strings — so characters special to MDX in the sources (<3.6, [3750], 固定资产投资*, {) come out literally.
 * Leaf blocks are single-line JSX elements (`<p id="s1-p2">…</p>`), which MDX unravels into plain
 * elements; containers (tables, boxes) are multi-line JSX.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { frontmatterYaml } from './frontmatter.ts';
import type {
  Box,
  EditorNote,
  Figure,
  Glossary,
  JumpNote,
  NoteRef,
  Preamble,
  RepeatOf,
  SourceGap,
  SourceTable,
  TableCell,
} from '../normalize/tree.ts';
import { sourceGapMarker } from '../normalize/source-gap-kinds.ts';
import { tableCsvFile } from '../../src/lib/downloads.ts';

type Attrs = Record<string, string | number | undefined | false>;

function attributes(attrs: Attrs): MdxJsxAttribute[] {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value: String(value) }));
}

function inline(name: string, attrs: Attrs, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

/** A leaf block: one line of JSX holding phrasing content. */
function leaf(name: string, attrs: Attrs, children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children: [inline(name, attrs, children)] };
}

function container(name: string, attrs: Attrs, children: RootContent[]): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: attributes(attrs),
    children: children as MdxJsxFlowElement['children'],
  };
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/**
 * The quiet mark on a passage the site repaired: a link to its entry in 整理说明 (the first, when
 * several concern it). Its glyph is drawn by CSS, so copying the passage copies the source's words only.
 */
function repairMark(data: { repairs?: string[] } | undefined): PhrasingContent[] {
  const repairs = data?.repairs;
  if (!repairs?.length) return [];
  const label =
    repairs.length > 1 ? `本处经过整理（${repairs.length} 项），见整理说明` : '本处经过整理，见整理说明';
  return [
    inline(
      'a',
      {
        class: 'repair-mark',
        href: `#${repairs[0]}`,
        'aria-label': label,
        title: label,
        'data-search-ignore': 'all',
      },
      [],
    ),
  ];
}

function phrasing(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child): PhrasingContent => {
    if (child.type === 'strong') return inline('strong', {}, phrasing(child.children));
    // A passage that belongs to another text (attributions.ts): the editor's note before it says whose.
    if (child.type === 'attributed') return inline('span', { class: 'attributed' }, phrasing(child.children));
    // Its □ is drawn by CSS: the page's text stays the source's, and search and copying see no mark.
    if (child.type === 'probableLoss')
      return inline(
        'span',
        {
          class: 'probable-loss',
          role: 'img',
          'aria-label': '此处疑缺一字',
          title: '此处疑缺一字（原文断行处），未补，见整理说明',
          'data-search-ignore': 'all',
        },
        [],
      );
    if ((child as unknown as NoteRef).type === 'noteRef') {
      const ref = child as unknown as NoteRef;
      return inline(
        'a',
        {
          class: 'note-ref',
          id: `r${ref.number}`,
          href: `#g${ref.number}`,
          'aria-describedby': `g${ref.number}`,
          'data-note': `${ref.term}：${ref.definition}`,
        },
        [inline('sup', {}, [text(String(ref.number))])],
      );
    }
    return child;
  });
}

/**
 * A run of blocks the source prints twice: collapsed, kept out of search, and linked to the copy shown,
 * naming the article it is in when that is another page, and counting the blocks whose numbering
 * differs and those the source cut off after their start. A later copy is a repeat (“重复印出”); a copy printed first whose text belongs to the
 * article shown later is the same text, not a repeat of it (“与……相同”).
 * The link stands just before the fold, not in its <summary>: a link inside a summary is a control nested
 * in a control (axe: nested-interactive), which keyboard and screen-reader users cannot reach reliably.
 */
function repeatGroup(nodes: RootContent[], first: RepeatOf): RootContent[] {
  const renumbered = nodes.filter((n) => repeatOf(n)?.renumbered).length;
  const headings = nodes.filter((n) => n.type === 'heading').length;
  const paragraphs = nodes.length - headings;
  const what = [headings && ` ${headings} 个标题`, paragraphs && ` ${paragraphs} 段`]
    .filter(Boolean)
    .join('和');
  const truncated = nodes.filter((n) => repeatOf(n)?.truncated).length;
  const notes = [renumbered && `其中 ${renumbered} 个序号不同`, truncated && `${truncated} 段原文只印出开头`];
  const numbers = notes.some(Boolean) ? `（${notes.filter(Boolean).join('，')}）` : '';
  const summary = nodes.some((n) => repeatOf(n)?.printedBefore)
    ? `原文在此印出的${what}与${first.page ?? '后文'}相同${numbers}，已折叠`
    : `原文在此重复印出${first.page ?? '前文'}的${what}${numbers}，已折叠`;
  return [
    leaf('div', { class: 'repeat-source', 'data-search-ignore': 'all' }, [
      inline('a', { href: first.href }, [text(first.page ? `见${first.page}` : '见首次出现处')]),
    ]),
    container('details', { class: 'repeat', 'data-search-ignore': 'all' }, [
      leaf('summary', {}, [text(summary)]),
      ...nodes.map(block),
    ]),
  ];
}

function repeatOf(node: RootContent): RepeatOf | undefined {
  return node.type === 'paragraph' || node.type === 'heading' ? node.data?.repeatOf : undefined;
}

/** A head cell is a column header; a body cell in the row-header column is its row's header. */
function cell(part: 'head' | 'body', c: TableCell): Paragraph {
  const lines = c.text.split('\n');
  const children: PhrasingContent[] = lines.flatMap((line, i) =>
    i === 0 ? [text(line)] : [inline('br', {}, []), text(line)],
  );
  const header = part === 'head' || c.rowHeader;
  return leaf(
    header ? 'th' : 'td',
    {
      class: part === 'head' && c.rowHeader ? 'row-header' : undefined,
      rowspan: c.rowspan && c.rowspan > 1 ? c.rowspan : undefined,
      colspan: c.colspan && c.colspan > 1 ? c.colspan : undefined,
      scope: header ? (part === 'head' ? 'col' : 'row') : undefined,
    },
    children,
  );
}

function table(node: SourceTable): MdxJsxFlowElement {
  const id = node.data?.id;
  const rows = (part: 'head' | 'body') =>
    node[part].map((row) =>
      container(
        'tr',
        {},
        row.map((c) => cell(part, c)),
      ),
    );
  const children: RootContent[] = [
    leaf('figcaption', { id: `${id}-caption` }, [text(node.caption), ...repairMark(node.data)]),
    container(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-caption` },
      [container('table', {}, [container('thead', {}, rows('head')), container('tbody', {}, rows('body'))])],
    ),
    // The table as CSV, in the page's own directory (a relative link works under any base path).
    leaf('div', { class: 'table-download', 'data-search-ignore': 'all' }, [
      inline('a', { href: tableCsvFile(id!), download: `${node.caption}.csv` }, [text('下载本表（CSV）')]),
    ]),
  ];
  if (node.note) children.push(leaf('p', { class: 'table-note', id: `${id}-note` }, [text(node.note)]));
  return container('figure', { class: 'table-figure', id }, children);
}

function box(node: Box): MdxJsxFlowElement {
  const id = node.data?.id;
  const items = node.children.map((item) =>
    leaf(item.type === 'boxItem' ? 'li' : 'p', { id: item.data?.id }, [
      ...phrasing(item.children),
      ...repairMark(item.data),
    ]),
  );
  const lists: RootContent[] = [];
  let run: Paragraph[] = [];
  const flush = () => {
    if (run.length) lists.push(container('ul', { class: node.ordered ? 'numbered' : undefined }, run));
    run = [];
  };
  node.children.forEach((item, i) => {
    if (item.type === 'boxItem') run.push(items[i]);
    else {
      flush();
      lists.push(items[i]);
    }
  });
  flush();
  return container('aside', { class: 'box', id, 'aria-labelledby': `${id}-title` }, [
    leaf('p', { class: 'box-title', id: `${id}-title` }, [text(node.title), ...repairMark(node.data)]),
    ...lists,
  ]);
}

function figure(node: Figure): MdxJsxFlowElement {
  return container('figure', { class: 'figure-placeholder', id: node.data?.id }, [
    leaf(
      'div',
      { class: 'figure-missing', role: 'img', 'aria-label': `${node.caption || '图片'}（图片未收录）` },
      [text('原文此处有图，文字稿未收录图片')],
    ),
    leaf('figcaption', {}, [text(node.caption || '（原文无图题）'), ...repairMark(node.data)]),
  ]);
}

function jumpNote(node: JumpNote): Paragraph {
  const where =
    node.value.startsWith('下转') || node.value.startsWith('转')
      ? '报纸原文在此转至另一版，后续文字不在本文本中。'
      : '报纸原文自另一版转来，此前的文字不在本文本中。';
  return leaf('p', { class: 'jump-note', id: node.data?.id, role: 'note' }, [
    inline('span', { class: 'jump-mark' }, [text(`【${node.value}】`)]),
    text(where),
    ...repairMark(node.data),
  ]);
}

/** The site's marker where the source lacks text: not the source's words, so out of the search index. */
function sourceGap(node: SourceGap): Paragraph {
  return leaf('p', { class: 'source-gap', role: 'note', 'data-search-ignore': 'all' }, [
    text(`〔${sourceGapMarker(node)}〕`),
  ]);
}

/** The site's note in the text: its words are the editors', so it is out of the search index. */
function editorNote(node: EditorNote): Paragraph {
  return leaf('p', { class: 'editor-note', role: 'note', 'data-search-ignore': 'all' }, [
    inline('span', { class: 'editor-note-label' }, [text('编者注')]),
    text(node.text),
    ...(node.links ?? []).flatMap((link, i) => [
      ...(i > 0 ? [text('、')] : []),
      inline('a', { href: link.href }, [text(link.text)]),
    ]),
    ...(node.links?.length ? [text('。')] : []),
  ]);
}

function preamble(node: Preamble): MdxJsxFlowElement {
  return container(
    'section',
    { class: 'preamble', id: 'front', 'aria-label': '原文首部' },
    node.children.map((p) => leaf('p', { id: p.data?.id }, [...phrasing(p.children), ...repairMark(p.data)])),
  );
}

function glossary(node: Glossary): MdxJsxFlowElement {
  return container(
    'ol',
    { class: 'glossary', id: 'glossary' },
    node.entries.map((e) =>
      leaf('li', { id: `g${e.number}`, value: e.number }, [
        inline('span', { class: 'glossary-number' }, [text(`${e.number}.`)]),
        inline('dfn', {}, [text(e.term)]),
        text(`。${e.definition}`),
        inline('a', { class: 'back-ref', href: `#r${e.number}`, 'aria-label': `返回正文中“${e.term}”处` }, [
          text('↩'),
        ]),
      ]),
    ),
  );
}

function block(node: RootContent): RootContent {
  switch (node.type) {
    case 'heading': {
      return leaf(`h${node.depth}`, { id: node.data?.id }, [
        ...phrasing(node.children),
        ...repairMark(node.data),
      ]);
    }
    case 'paragraph':
      return leaf('p', { id: node.data?.id }, [...phrasing(node.children), ...repairMark(node.data)]);
    case 'sourceGap':
      return sourceGap(node);
    case 'editorNote':
      return editorNote(node);
    case 'sourceTable':
      return table(node);
    case 'box':
      return box(node);
    case 'figure':
      return figure(node);
    case 'jumpNote':
      return jumpNote(node);
    case 'preamble':
      return preamble(node);
    case 'glossary':
      return glossary(node);
    default:
      throw new Error(`to-mdx: no serializer for node type "${node.type}"`);
  }
}

function blocks(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const first = repeatOf(nodes[i]);
    if (!first) {
      out.push(block(nodes[i]));
      continue;
    }
    // One fold per run of repeats of the same page, so that its link points to where they first stood.
    const pageOf = (target: RepeatOf) => target.href.split('#')[0];
    let j = i;
    while (j < nodes.length && repeatOf(nodes[j]) && pageOf(repeatOf(nodes[j])!) === pageOf(first)) j++;
    out.push(...repeatGroup(nodes.slice(i, j), first));
    i = j - 1;
  }
  return out;
}

export function toMdx(tree: Root, frontmatter: Record<string, unknown>): string {
  const out: Root = {
    type: 'root',
    children: [{ type: 'yaml', value: frontmatterYaml(frontmatter).trimEnd() }, ...blocks(tree.children)],
  };
  return toMarkdown(out, { extensions: [mdxToMarkdown(), frontmatterToMarkdown(['yaml'])] });
}
