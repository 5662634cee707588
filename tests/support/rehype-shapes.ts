/**
 * Runs a rehype plugin over markup in both shapes it meets: read as HTML (hast `element` nodes, as
 * rehype-parse gives them) and compiled as MDX by @mdx-js/mdx (where the tags reach rehype as
 * `mdxJsxFlowElement` / `mdxJsxTextElement` nodes, as in the site's renderer, src/lib/render-mdx.ts);
 * each gives HTML.
 */
import { evaluate } from '@mdx-js/mdx';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Child } from 'hastscript';
import { jsx, jsxs } from 'hastscript/jsx-runtime';

type Plugin = () => (tree: Root) => void;

export function fromHtmlShape(plugin: Plugin, html: string): string {
  const tree = fromHtml(html, { fragment: true });
  plugin()(tree);
  return toHtml(tree);
}

// MDX's evaluate needs a truthy `Fragment`, and hastscript's JSX runtime (which builds hast) calls its
// fragment `null`: a stand-in symbol is handed back to it as `null`.
const Fragment = Symbol('Fragment');
type Props = Parameters<typeof jsx>[1] & { children?: Child };
const runtimeCall = (make: typeof jsx) => (type: string | typeof Fragment, props: Props) =>
  type === Fragment ? make(null, props) : make(type, props);
const runtime = { Fragment, jsx: runtimeCall(jsx), jsxs: runtimeCall(jsxs) };

export async function fromMdxShape(plugin: Plugin, mdx: string): Promise<string> {
  const { default: Content } = await evaluate(mdx, {
    ...runtime,
    rehypePlugins: [plugin],
    elementAttributeNameCase: 'html', // as Astro compiles MDX
  });
  // MDX writes a newline between blocks; the fixtures are written without.
  return toHtml(Content({}) as Root).replaceAll('\n', '');
}
