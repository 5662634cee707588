/**
 * A passage printed in one article that belongs to another (a newspaper layout splices columns):
 * the manifest's `attributions` say which passage, whose it is and why we think so. The passage
 * stays where the source prints it, marked:
 *
 * - an editor's note stands before it, saying what it is, why we think so, and that it is kept where
 *   the source prints it; the repair log lists it ('attributed-passage');
 * - a passage inside one paragraph is wrapped (an `attributed` span), a passage of whole blocks has
 *   each block's `attributedTo` set: mark-repeats then prefers the copy in the article it belongs to;
 * - when it belongs to another article of the compilation, that article gets a note too, before its
 *   copy of the passage's first block ('printed-elsewhere'), so both pages explain the decision;
 * - when it belongs to a district, the page lists it for that district (pipeline.ts: `passages`).
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { repeatKey } from './mark-repeats.ts';
import { pagesOf, type PassContext } from './pass.ts';
import type { AttributedSpan, EditorNote } from './tree.ts';

export class AttributionError extends Error {
  override name = 'AttributionError';
}

type Block = Paragraph | Heading;
interface Located {
  node: Block;
  siblings: RootContent[];
  page: string | undefined;
}

export function markAttributions(tree: Root, context: PassContext): void {
  const { document, log, label } = context;
  if (document.attributions.length === 0) return;
  const pages = pagesOf(tree, context);
  const blocks: Located[] = pages
    .flatMap(({ tree: page, article }) =>
      page.children
        .filter((n): n is Block => n.type === 'paragraph' || n.type === 'heading')
        .map((node) => ({ node, siblings: page.children, page: article?.article.slug })),
    )
    .sort((a, b) => (a.node.data?.line ?? 0) - (b.node.data?.line ?? 0));
  const articles = document.compilation?.articles ?? [];

  document.attributions.forEach((attribution, i) => {
    const field = (name: string) => `${label}: field "attributions.${i}.${name}"`;
    const start = blocks.filter((b) => toString(b.node).includes(attribution.from))[
      attribution.occurrence - 1
    ];
    if (!start)
      throw new AttributionError(
        `${field('from')}: no line (occurrence ${attribution.occurrence}) holds ${JSON.stringify(attribution.from)}; copy the passage's first words from the source`,
      );
    const startText = toString(start.node);
    const from = startText.indexOf(attribution.from);
    const onPage = blocks.filter((b) => b.siblings === start.siblings);
    const run = onPage.slice(onPage.indexOf(start));
    const endIndex = attribution.to
      ? run.findIndex((b, k) => toString(b.node).indexOf(attribution.to!, k === 0 ? from : 0) >= 0)
      : 0;
    if (endIndex < 0)
      throw new AttributionError(
        `${field('to')}: ${JSON.stringify(attribution.to)} does not follow the passage's start on its page; copy the passage's last words from the source`,
      );
    const passage = run.slice(0, endIndex + 1);
    const end = passage.at(-1)!;
    const endText = toString(end.node);
    const to = attribution.to
      ? endText.indexOf(attribution.to, passage.length === 1 ? from : 0) + attribution.to.length
      : endText.length;

    const belongs = attribution.article ? articles.find((a) => a.slug === attribution.article) : undefined;
    if (attribution.article && !belongs)
      throw new AttributionError(
        `${field('article')}: "${attribution.article}" is not an article of this compilation (compilation.articles)`,
      );
    const whose = belongs ? `${belongs.byline}文章` : attribution.belongsTo!;
    const startLine = start.node.data?.line;
    const endLine = (end.node.type === 'paragraph' && end.node.data?.through) || end.node.data?.line;
    const lines = startLine === endLine ? `第 ${startLine} 行` : `第 ${startLine}–${endLine} 行`;
    const quote = (text: string) => `“${text.length > 12 ? `${text.slice(0, 12)}……` : text}”`;
    const span = `自${quote(startText.slice(from))}至“${attribution.to ?? endText.slice(-8)}”`;
    const attributedTo = belongs
      ? { article: belongs.slug, attribution: i }
      : { district: attribution.district!, attribution: i };

    if (passage.length === 1 && (from > 0 || to < endText.length)) {
      // Inside one paragraph: wrap the passage.
      if (start.node.children.length !== 1 || start.node.children[0].type !== 'text')
        throw new AttributionError(
          `${field('from')}: the passage lies in a line with emphasis or notes; an attribution inside a line needs plain text`,
        );
      const value = startText;
      const wrapped: AttributedSpan = {
        type: 'attributed',
        children: [{ type: 'text', value: value.slice(from, to) }],
        data: attributedTo,
      };
      start.node.children = [
        ...(from > 0 ? [{ type: 'text', value: value.slice(0, from) } as PhrasingContent] : []),
        wrapped,
        ...(to < value.length ? [{ type: 'text', value: value.slice(to) } as PhrasingContent] : []),
      ];
    } else {
      if (from > 0 || to < endText.length)
        throw new AttributionError(
          `${field(from > 0 ? 'from' : 'to')}: a passage over several lines must start at the start of a line and end at the end of one`,
        );
      for (const b of passage) b.node.data = { ...b.node.data, attributedTo };
    }
    // The passage keeps the page's own attribution data on its paragraph, for the district listing.
    start.node.data = { ...start.node.data, attributedTo: start.node.data?.attributedTo ?? attributedTo };

    const kept = '本站按原文的位置保留，未作改动';
    const here: EditorNote = {
      type: 'editorNote',
      text: `${passage.length > 1 ? '以下' : '本段'}${span}的文字（原文${lines}）疑属${whose}，不是本文的文字。${attribution.reason}${kept}${belongs ? '；与该文相同的段落已折叠，链接到该文。' : '。'}`,
      data: { line: startLine },
    };
    start.siblings.splice(start.siblings.indexOf(start.node), 0, here);
    log.add('attributed-passage', {
      line: startLine,
      text: `${lines}${span}：疑属${whose}。${attribution.reason}`,
      block: start.node,
    });

    if (!belongs) return;
    // Its own article says where else the text stands, before its copy of the passage's first block.
    const key = repeatKey(start.node);
    const home = blocks.find((b) => b.page === belongs.slug && repeatKey(b.node) === key);
    if (!home)
      throw new AttributionError(
        `${field('article')}: article "${belongs.slug}" has no copy of the passage's first line (${JSON.stringify(startText.slice(0, 16))}); an attribution to an article says the text is printed there too`,
      );
    const printedIn = start.page
      ? `${articles.find((a) => a.slug === start.page)!.byline}文章`
      : `《${document.title}》`;
    const renumbered = toString(home.node) !== startText ? '，序号不同' : '';
    const there: EditorNote = {
      type: 'editorNote',
      text: `以下各段也排在${printedIn}之中（原文${lines}${renumbered}）。本站判断它们属于本文，在此显示，那边与此相同的段落已折叠。${attribution.reason}`,
      data: { line: home.node.data?.line },
    };
    home.siblings.splice(home.siblings.indexOf(home.node), 0, there);
    log.add('printed-elsewhere', {
      line: home.node.data?.line,
      text: `本文的这些段落也排在${printedIn}之中（原文${lines}）：判定属于本文，理由见正文中的编者注。`,
      block: home.node,
    });
  });
}
