/**
 * The one shape of a normalization pass: `(tree, context) => void`. A pass rewrites the tree in
 * place, reads the facts about the document from its manifest entry, records what it repaired in
 * the log and names the source in its errors by the label. What a pass leaves for a later one (the
 * source text before it is parsed, a printed table of contents, a compilation's articles) is in
 * the context. Their order and dependencies: pipeline.ts.
 */
import type { Root } from 'mdast';
import { join } from 'node:path';
import { sourceFiles, type DocumentEntry } from '../manifest/schema.ts';
import type { TocEntry } from './remove-table-of-contents.ts';
import { RepairLog } from './repair-log.ts';
import type { ArticleTree } from './split-compilation.ts';

export interface PassContext {
  /** The document's manifest entry. */
  readonly document: DocumentEntry;
  /** Paths of the source's files, in reading order (one for most documents). */
  readonly files: readonly string[];
  /** How errors name the source: its file and document. */
  readonly label: string;
  readonly log: RepairLog;
  /**
   * The source text: read by read-source, corrected by apply-corrections, parsed by parse-lines.
   * A document in several files is their texts one after another, so its lines are numbered on
   * through the files; `parts` tells which file each line is in.
   */
  text: string;
  /** The files' lines in `text`, set by read-source. */
  parts: SourceFilePart[];
  /** The source's printed table of contents, removed by remove-table-of-contents for check-toc. */
  printedToc: TocEntry[];
  /** A compilation's articles, split off by split-compilation; page passes run on their trees too. */
  articles: ArticleTree[];
}

export interface SourceFilePart {
  /** The file's name in content/sources/. */
  name: string;
  /** The line of `text` its first line is. */
  firstLine: number;
}

export type Pass = (tree: Root, context: PassContext) => void;

/** The context for a document whose files are in `sourcesDir` (content/sources/). */
export function createContext(document: DocumentEntry, sourcesDir: string): PassContext {
  const files = sourceFiles(document).map((name) => join(sourcesDir, name));
  return {
    document,
    files,
    label: `${files.join(' + ')} (document "${document.slug}")`,
    log: new RepairLog(),
    text: '',
    parts: [],
    printedToc: [],
    articles: [],
  };
}

/**
 * Where a line of the context's text is in the source's files: the file (named only when the
 * document has several) and its own line number there.
 */
export function sourceLine(parts: readonly SourceFilePart[], line: number): { file?: string; line: number } {
  if (parts.length < 2) return { line };
  const part = parts.findLast((p) => p.firstLine <= line) ?? parts[0];
  return { file: part.name, line: line - part.firstLine + 1 };
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
