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
import type { Element, Root } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

const LABELS = {
  heading: ['#', '复制本节链接'],
  p: ['¶', '复制本段链接'],
  li: ['¶', '复制本条链接'],
  table: ['¶', '复制本表链接'],
  figure: ['¶', '复制本图链接'],
  box: ['¶', '复制本专栏链接'],
} as const satisfies Record<string, readonly [symbol: string, label: string]>;
type Kind = keyof typeof LABELS;

/** A tag in either shape: a hast element, or an MDX JSX element. */
type Tag = Element | MdxJsxFlowElementHast | MdxJsxTextElementHast;

/** Tag name, id and classes of either shape; undefined for a JSX fragment (`<>…</>`). */
function describe(node: Tag): { name: string; id?: string; classes: string[] } | undefined {
  if (node.type === 'element') {
    const { id, className } = node.properties;
    return {
      name: node.tagName,
      id: typeof id === 'string' ? id : undefined,
      classes: Array.isArray(className) ? className.map(String) : [],
    };
  }
  if (!node.name) return undefined;
  // Only literal attributes count: `id={x}` or `{...props}` are not known before the page renders.
  const literal = (name: string) => {
    const attribute = node.attributes.find(
      (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name,
    );
    return typeof attribute?.value === 'string' ? attribute.value : undefined;
  };
  return {
    name: node.name,
    id: literal('id'),
    classes: (literal('className') ?? literal('class') ?? '').split(/\s+/),
  };
}

/** Which kind of control a tag gets, or undefined when it is not a citable passage. */
function citableKind(name: string, classes: string[]): Kind | undefined {
  if (/^h[2-4]$/.test(name)) return 'heading';
  if (name === 'p') return classes.includes('box-title') ? undefined : 'p';
  if (name === 'li') return 'li';
  if (name === 'figure') return classes.includes('table-figure') ? 'table' : 'figure';
  if (name === 'aside' && classes.includes('box')) return 'box';
  return undefined;
}

function citeLink(id: string, kind: Kind): Element {
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
      dataSearchIgnore: 'all',
    },
    children: [],
  };
}

export default function rehypeCitable() {
  return (tree: Root) => {
    visit(tree, ['element', 'mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node) => {
      const tag = describe(node);
      if (!tag?.id) return;
      const kind = citableKind(tag.name, tag.classes);
      if (kind) node.children.push(citeLink(tag.id, kind));
    });
  };
}
