/**
 * Splits a compilation page (a newspaper page with several articles) into its own text and one
 * tree per article, following the segments recorded in the manifest (`compilation`): the tree keeps
 * the page's own text, the articles go into the context. Headlines the layout put away from their
 * article are moved to it, and the move is recorded.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ArticleEntry } from '../manifest/schema.ts';
import type { PassContext } from './pass.ts';
import { isParagraph } from './tree.ts';

export class CompilationError extends Error {
  override name = 'CompilationError';
}

export interface ArticleTree {
  article: ArticleEntry;
  tree: Root;
  /** The headline was found away from the article and moved to it. */
  headlineMoved: boolean;
}

export function splitCompilation(tree: Root, context: PassContext): void {
  const { document, log, label } = context;
  const { compilation } = document;
  if (!compilation) return;
  const main: RootContent[] = [];
  const articles = new Map<string, ArticleTree>(
    compilation.articles.map((article) => [
      article.slug,
      { article, tree: { type: 'root', children: [] }, headlineMoved: false },
    ]),
  );
  // Locate each segment's first line.
  const starts = compilation.segments.map((segment, i) => {
    let seen = 0;
    const index = tree.children.findIndex(
      (node) =>
        isParagraph(node) && toString(node).trim().startsWith(segment.from) && ++seen === segment.occurrence,
    );
    if (index < 0)
      throw new CompilationError(
        `${label}: field "compilation.segments.${i}.from":` +
          ` no line (occurrence ${segment.occurrence}) starts with ${JSON.stringify(segment.from)}`,
      );
    return { segment, index, field: `compilation.segments.${i}` };
  });
  for (let i = 1; i < starts.length; i++) {
    if (starts[i].index <= starts[i - 1].index)
      throw new CompilationError(
        `${label}: field "${starts[i].field}": segments must follow the source order (this one starts before the previous one)`,
      );
  }
  const firstStart = starts[0]?.index ?? tree.children.length;
  main.push(...tree.children.slice(0, firstStart));

  starts.forEach(({ segment, index }, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : tree.children.length;
    let nodes = tree.children.slice(index, end);
    if (segment.headlineOf) {
      const target = articles.get(segment.headlineOf)!;
      const line = nodes[0];
      if (!isParagraph(line) || toString(line).trim() !== target.article.headline) {
        throw new CompilationError(
          `${label}: field "compilation.segments.${i}.headlineOf": the line is not the headline of "${segment.headlineOf}"`,
        );
      }
      target.headlineMoved = true;
      log.add('moved-headline', {
        line: line.data?.line,
        text: `“${target.article.headline}”：${segment.reason}`,
        article: target.article.slug,
      });
      nodes = nodes.slice(1);
      if (nodes.length > 0)
        throw new CompilationError(
          `${label}: field "compilation.segments.${i}":` +
            ' a headlineOf segment must be the single headline line; start a new segment after it',
        );
      return;
    }
    const destination = segment.to ? articles.get(segment.to)!.tree.children : main;
    if (segment.to) {
      const { article } = articles.get(segment.to)!;
      // The headline and byline printed in place become the article's title and byline.
      nodes = nodes.filter(
        (node) => !(isParagraph(node) && [article.headline, article.byline].includes(toString(node).trim())),
      );
      if (segment.reason)
        log.add('column-continuation', {
          line: (nodes[0]?.data as { line?: number } | undefined)?.line,
          text: segment.reason,
        });
    }
    destination.push(...nodes);
  });

  for (const { article, tree: articleTree } of articles.values()) {
    if (articleTree.children.length === 0)
      throw new CompilationError(
        `${label}: article "${article.slug}" received no text from compilation.segments`,
      );
  }
  tree.children = main;
  context.articles = [...articles.values()];
}
