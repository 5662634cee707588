/**
 * The site's remark and rehype plugins, one list for every route a body takes to HTML: the document
 * pages' renderer (src/lib/render-mdx.ts), and Astro's own Markdown and MDX for any page under
 * src/pages written in them (astro.config.ts).
 * - remark-cjk-friendly: emphasis marks beside Chinese punctuation work as in Latin text;
 * - rehypeCitable adds the "#" / "¶" link control to every heading, paragraph, table and 专栏;
 * - rehypeBasePath puts the base path before the body's root-relative links;
 * - rehypePhraseBreaks marks where a heading may break between words.
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import rehypeBasePath from './rehype-base-path.ts';
import rehypeCitable from './rehype-citable.ts';
import rehypePhraseBreaks from './rehype-phrase-breaks.ts';

/** Plugins with their options, in the shape both unified and Astro's Markdown options take. */
export type PluginList<P> = (P | [P, unknown])[];

export const remarkPlugins: PluginList<RemarkPlugin> = [remarkCjkFriendly];

export function rehypePlugins({ base }: { base: string }): PluginList<RehypePlugin> {
  return [rehypeCitable, [rehypeBasePath, { base }], rehypePhraseBreaks];
}
