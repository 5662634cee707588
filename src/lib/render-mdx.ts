/**
 * A generated document page (MDX, written by scripts/mdx/to-mdx.ts) → its body's HTML, once, at
 * content sync (src/lib/mdx-pages-loader.ts), instead of compiling each page into a JavaScript
 * module that the build then bundles and runs: at 1,000 documents Astro's MDX route spent most of
 * the build's time and memory bundling 2,000 such modules (bench/scale-notes.md).
 *
 * The same syntax as Astro's MDX (MDX with GFM, then the site's remark and rehype plugins from
 * src/lib/markdown-plugins.ts) and MDX's own unravelling of a paragraph that holds only JSX.
 * A body holds HTML tags with literal attributes only (that is all to-mdx.ts writes); a component,
 * an expression or an import is reported with its line, since without a JavaScript module there is
 * nothing to run it.
 */
import { nodeTypes } from '@mdx-js/mdx';
import type { Element, ElementContent, Root as Hast, RootContent } from 'hast';
import { h } from 'hastscript';
import type { Root as Mdast } from 'mdast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import type { PluginList } from './markdown-plugins.ts';
import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import { SKIP, visit } from 'unist-util-visit';
import { VFileMessage } from 'vfile-message';

/** A line of the MDX body a node starts on, for messages. */
const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? '?';

/** MDX's unravelling: a paragraph holding only JSX elements (and white space) becomes those elements. */
function remarkUnravelJsx() {
  return (tree: Mdast) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return;
      // White space as MDX counts it (not U+3000 or a no-break space, which are text).
      const elements = node.children.filter(
        (child) => child.type !== 'text' || !/^[\t\n\r ]*$/u.test(child.value),
      );
      if (elements.length === 0 || !elements.every((child) => child.type === 'mdxJsxTextElement')) return;
      parent.children.splice(
        index,
        1,
        ...elements.map((child) => ({ ...child, type: 'mdxJsxFlowElement' as const }) as never),
      );
      return [SKIP, index];
    });
  };
}

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/** An HTML tag written as JSX → the hast element it stands for. */
function toElement(node: JsxElement, children: ElementContent[]): Element {
  if (!node.name || !/^[a-z][a-z0-9]*$/u.test(node.name))
    throw new Error(
      `line ${lineOf(node)}: <${node.name ?? ''}> is not an HTML tag; a document body holds HTML tags only`,
    );
  const properties: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (
      attribute.type !== 'mdxJsxAttribute' ||
      (attribute.value !== null && typeof attribute.value !== 'string')
    )
      throw new Error(
        `line ${lineOf(node)}: <${node.name}> has an attribute written as an expression; write it as text (name="value")`,
      );
    properties[attribute.name] = attribute.value ?? true;
  }
  return h(node.name, properties, children);
}

/** The JSX nodes left after the rehype plugins → plain hast elements; anything else MDX is an error. */
function rehypeJsxToHtml() {
  const convert = (nodes: RootContent[]): RootContent[] =>
    nodes.map((node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
        return toElement(node, convert(node.children as RootContent[]) as ElementContent[]);
      if ((nodeTypes as readonly string[]).includes(node.type))
        throw new Error(
          `line ${lineOf(node)}: an MDX expression or import; a document body holds text and HTML tags only`,
        );
      if ('children' in node) node.children = convert(node.children) as typeof node.children;
      return node;
    });
  return (tree: Hast) => {
    tree.children = convert(tree.children);
  };
}

/** The body's HTML renderer, with the site's own remark and rehype plugins around the MDX syntax. */
export function createMdxRenderer({
  remarkPlugins,
  rehypePlugins,
}: {
  remarkPlugins: PluginList<RemarkPlugin>;
  rehypePlugins: PluginList<RehypePlugin>;
}): (body: string) => string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkPlugins as PluggableList)
    .use(remarkUnravelJsx)
    // MDX's own node types go through untouched, as in @mdx-js/mdx.
    .use(remarkRehype, { passThrough: [...nodeTypes] })
    .use(rehypePlugins as PluggableList)
    .use(rehypeJsxToHtml)
    .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
    .freeze();
  return (body) => {
    try {
      return String(processor.processSync(body));
    } catch (error) {
      // A syntax error (a VFileMessage) keeps its place apart from its message.
      if (error instanceof VFileMessage && error.line)
        throw new Error(`line ${error.line}:${error.column}: ${error.reason}`, { cause: error });
      throw error;
    }
  };
}
