/**
 * rehype plugin: puts the site's base path before the root-relative links of a document body (a
 * folded repeat's link to its first copy on another page, /docs/x/#s2-p3), so that they work when
 * the site is published under a sub-path (BASE_PATH). The generated MDX stays base-independent.
 * Handles both tag shapes, as rehype-citable does: hast elements and MDX JSX elements.
 */
import type { Root } from 'hast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

const ROOT_RELATIVE = /^\/(?!\/)/u;

export default function rehypeBasePath({ base }: { base: string }) {
  const prefix = base.replace(/\/+$/u, '');
  const rebase = (href: string) => (ROOT_RELATIVE.test(href) ? prefix + href : href);
  return (tree: Root) => {
    if (!prefix) return;
    visit(tree, ['element', 'mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node) => {
      if (node.type === 'element') {
        const { href } = node.properties;
        if (typeof href === 'string') node.properties.href = rebase(href);
        return;
      }
      for (const attribute of node.attributes)
        if ((attribute as MdxJsxAttribute).name === 'href' && typeof attribute.value === 'string')
          attribute.value = rebase(attribute.value);
    });
  };
}
