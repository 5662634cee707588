/**
 * rehype plugin: gives every citable passage of a document body (headings h2–h4, paragraphs,
 * tables, 专栏 boxes and their items, figures, glossary entries) its own link control,
 * a real `<a class="cite" href="#id">` that works without script and is left out of the search index
 * (and out of the page's text: its “#”/“¶” glyph is CSS).
 *
 * In MDX the body's HTML-like tags are JSX, so after compilation they reach rehype as
 * `mdxJsxFlowElement` / `mdxJsxTextElement` nodes (name + attributes), not as `element` nodes;
 * this plugin handles both shapes.
 */
import type { Element, ElementContent, Root } from 'hast';

type Attr = { type: string; name?: string; value?: unknown };
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Attr[];
  children: unknown[];
}
/** Either shape, loosely: hast elements and MDX JSX nodes share the tree. */
interface AnyNode {
  type: string;
  children?: AnyNode[];
  tagName?: string;
  properties?: Element['properties'];
  name?: JsxNode['name'];
  attributes?: Attr[];
  value?: string;
}

const LABELS: Record<string, [symbol: string, label: string]> = {
  heading: ['#', '复制本节链接'],
  p: ['¶', '复制本段链接'],
  li: ['¶', '复制本条链接'],
  table: ['¶', '复制本表链接'],
  figure: ['¶', '复制本图链接'],
  box: ['¶', '复制本专栏链接'],
};

function info(node: AnyNode): { tag: string; id?: string; className: string } | undefined {
  if (node.type === 'element') {
    const p = node.properties ?? {};
    const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
    return { tag: node.tagName!, id: typeof p.id === 'string' ? p.id : undefined, className: cls };
  }
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
    const get = (n: string) =>
      node.attributes!.find((a) => a.type === 'mdxJsxAttribute' && a.name === n)?.value;
    const id = get('id');
    const cls = get('className') ?? get('class');
    return {
      tag: node.name,
      id: typeof id === 'string' ? id : undefined,
      className: typeof cls === 'string' ? cls : '',
    };
  }
  return undefined;
}

/** Which kind of control a node gets, or undefined when it is not a citable passage. */
export function citableKind(tag: string, className: string): keyof typeof LABELS | undefined {
  const classes = className.split(/\s+/);
  if (/^h[2-4]$/.test(tag)) return 'heading';
  if (tag === 'p') return classes.includes('box-title') ? undefined : 'p';
  if (tag === 'li') return 'li';
  if (tag === 'figure') return classes.includes('table-figure') ? 'table' : 'figure';
  if (tag === 'aside' && classes.includes('box')) return 'box';
  return undefined;
}

export function citeLink(id: string, kind: keyof typeof LABELS): Element {
  const [symbol, label] = LABELS[kind];
  return {
    type: 'element',
    tagName: 'a',
    // The glyph is drawn by CSS (.cite::before) from data-symbol, so it is not part of the page's
    // text: copying a passage, or scanning the page for a phrase, gets the passage alone.
    properties: {
      className: ['cite'],
      href: `#${id}`,
      ariaLabel: label,
      title: label,
      dataSymbol: symbol,
      dataPagefindIgnore: 'all',
    },
    children: [],
  };
}

/**
 * A link inside a <summary> is a control nested in a control (axe: nested-interactive): keyboard and
 * screen-reader users cannot reach it reliably. Move such links (the folded repeats' "见首次出现处")
 * out, just before the <details>, and leave their text in the summary.
 */
function liftSummaryLinks(parent: AnyNode) {
  const kids = parent.children;
  if (!kids) return;
  for (let i = 0; i < kids.length; i++) {
    const details = kids[i];
    if (info(details)?.tag !== 'details') continue;
    const summary = details.children?.find((c) => info(c)?.tag === 'summary');
    if (!summary?.children) continue;
    const links: AnyNode[] = [];
    const unwrap = (node: AnyNode) => {
      if (!node.children) return;
      node.children = node.children.flatMap((c) => {
        if (info(c)?.tag === 'a') {
          links.push(c);
          return c.children ?? [];
        }
        unwrap(c);
        return [c];
      });
    };
    unwrap(summary);
    if (links.length === 0) continue;
    const holder = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['repeat-source'], dataPagefindIgnore: 'all' },
      children: links,
    } as unknown as AnyNode;
    kids.splice(i, 0, holder);
    i++;
  }
}

export default function rehypeCitable() {
  return (tree: Root) => {
    const walk = (node: AnyNode) => {
      liftSummaryLinks(node);
      for (const child of node.children ?? []) walk(child);
      const i = info(node);
      if (!i?.id) return;
      const kind = citableKind(i.tag, i.className);
      if (!kind) return;
      (node.children ??= []).push(citeLink(i.id, kind) as unknown as AnyNode & ElementContent);
    };
    walk(tree as unknown as AnyNode);
  };
}
