/**
 * The one shape of a normalization pass: `(tree, context) => void`. A pass rewrites the tree in
 * place, reads the facts about the document from its manifest entry, records what it repaired in
 * the log and names the source in its errors by the label. What a pass leaves for a later one (the
 * source text before it is parsed, a printed table of contents, a compilation's articles) is in
 * the context. Their order and dependencies: pipeline.ts.
 */
import type { Root } from 'mdast';
import type { DocumentEntry } from '../manifest/schema.ts';
import type { TocEntry } from './remove-table-of-contents.ts';
import { RepairLog } from './repair-log.ts';
import type { ArticleTree } from './split-compilation.ts';

export interface PassContext {
  /** The document's manifest entry. */
  readonly document: DocumentEntry;
  /** Path of the source file. */
  readonly file: string;
  /** How errors name the source: its file and document. */
  readonly label: string;
  readonly log: RepairLog;
  /** The source text: read by read-source, corrected by apply-corrections, parsed by parse-lines. */
  text: string;
  /** The source's printed table of contents, removed by remove-table-of-contents for check-toc. */
  printedToc: TocEntry[];
  /** A compilation's articles, split off by split-compilation; page passes run on their trees too. */
  articles: ArticleTree[];
}

export type Pass = (tree: Root, context: PassContext) => void;

export function createContext(document: DocumentEntry, file: string): PassContext {
  return {
    document,
    file,
    label: `${file} (document "${document.slug}")`,
    log: new RepairLog(),
    text: '',
    printedToc: [],
    articles: [],
  };
}

/** The pages made from the source: its own tree, then one per compilation article, in source order. */
export function pagesOf(
  tree: Root,
  context: PassContext,
): Array<{ path: string; tree: Root; article?: ArticleTree }> {
  const { slug } = context.document;
  return [
    { path: slug, tree },
    ...context.articles.map((article) => ({
      path: `${slug}/${article.article.slug}`,
      tree: article.tree,
      article,
    })),
  ];
}
