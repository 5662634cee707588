/**
 * The normalization pipeline: raw source text → structured pages. Each step is a small pass over
 * the tree (pass.ts); facts about one document come from its manifest entry, never from code branches.
 * The steps are data: their order, where each runs, and which earlier passes each needs. The README's
 * pipeline table lists the same steps in the same order (a test checks both).
 */
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { ArticleEntry, DocumentEntry } from '../manifest/schema.ts';
import { applyCorrections } from './apply-corrections.ts';
import type { TocItem } from '../manifest/site-data.ts';
import { assignIds, tableOfContents } from './assign-ids.ts';
import { markAttributions } from './attributions.ts';
import { recogniseBoxes } from './boxes.ts';
import { checkAgainstToc } from './check-toc.ts';
import { markContinuedParagraphs } from './continued-paragraphs.ts';
import { convertTraditional } from './convert-traditional.ts';
import { markCutOffText } from './cut-off-text.ts';
import { extractPreamble } from './extract-preamble.ts';
import { recogniseFigures } from './figures.ts';
import { collectGlossary } from './glossary.ts';
import { linkGlossaryNotes } from './glossary-notes.ts';
import { recogniseHeadings } from './headings.ts';
import { inlineMarkup } from './inline-markup.ts';
import { joinBrokenLines } from './join-broken-lines.ts';
import { markJumpLines } from './jump-lines.ts';
import { markRepeats } from './mark-repeats.ts';
import { noteDifferingCopies } from './differing-copies.ts';
import { createContext, pagesOf, sourceLine, type Pass, type SourceFilePart } from './pass.ts';
import { parseLines } from './parse-lines.ts';
import { readSource } from './read-source.ts';
import { removeTableOfContents } from './remove-table-of-contents.ts';
import type { RepairSummary } from './repair-log.ts';
import { repairsByPage, type PageRepair } from './repairs-by-page.ts';
import { placeSourceGaps } from './source-gaps.ts';
import { splitCompilation } from './split-compilation.ts';
import { splitRunOnLines } from './split-run-on-lines.ts';
import { removeStraySpacesPass } from './stray-spaces.ts';
import { stripWordBookmarks } from './strip-word-bookmarks.ts';
import { recogniseTables } from './tables.ts';

export interface Step {
  /** The pass's name: its file in scripts/normalize/ and its row in the README's pipeline table. */
  name: string;
  run: Pass;
  /**
   * 'source': once, on the source's tree (after split-compilation, the compilation's own page),
   * with the articles' trees in the context; 'page': on every page's tree.
   */
  scope: 'source' | 'page';
  /** Passes whose work this one needs; each comes earlier in the list. */
  needs: string[];
}

export const pipeline: Step[] = [
  { name: 'read-source', run: readSource, scope: 'source', needs: [] },
  { name: 'apply-corrections', run: applyCorrections, scope: 'source', needs: ['read-source'] },
  { name: 'parse-lines', run: parseLines, scope: 'source', needs: ['apply-corrections'] },
  { name: 'strip-word-bookmarks', run: stripWordBookmarks, scope: 'source', needs: ['parse-lines'] },
  { name: 'split-run-on-lines', run: splitRunOnLines, scope: 'source', needs: ['strip-word-bookmarks'] },
  { name: 'extract-preamble', run: extractPreamble, scope: 'source', needs: ['split-run-on-lines'] },
  {
    name: 'remove-table-of-contents',
    run: removeTableOfContents,
    scope: 'source',
    needs: ['strip-word-bookmarks'],
  },
  { name: 'convert-traditional', run: convertTraditional, scope: 'source', needs: ['extract-preamble'] },
  {
    name: 'split-compilation',
    run: splitCompilation,
    scope: 'source',
    needs: ['extract-preamble', 'convert-traditional'],
  },
  { name: 'source-gaps', run: placeSourceGaps, scope: 'source', needs: ['split-compilation'] },
  {
    name: 'continued-paragraphs',
    run: markContinuedParagraphs,
    scope: 'source',
    needs: ['split-compilation'],
  },
  { name: 'jump-lines', run: markJumpLines, scope: 'page', needs: ['split-compilation'] },
  { name: 'tables', run: recogniseTables, scope: 'page', needs: ['split-compilation'] },
  { name: 'figures', run: recogniseFigures, scope: 'page', needs: ['split-compilation'] },
  {
    name: 'headings',
    run: recogniseHeadings,
    scope: 'page',
    needs: ['convert-traditional', 'jump-lines', 'tables', 'figures'],
  },
  { name: 'boxes', run: recogniseBoxes, scope: 'page', needs: ['headings'] },
  { name: 'glossary', run: collectGlossary, scope: 'page', needs: ['headings'] },
  {
    name: 'join-broken-lines',
    run: joinBrokenLines,
    scope: 'page',
    needs: ['tables', 'headings', 'boxes', 'glossary', 'source-gaps', 'continued-paragraphs'],
  },
  { name: 'cut-off-text', run: markCutOffText, scope: 'page', needs: ['join-broken-lines'] },
  { name: 'stray-spaces', run: removeStraySpacesPass, scope: 'page', needs: ['join-broken-lines'] },
  { name: 'inline-markup', run: inlineMarkup, scope: 'page', needs: ['headings', 'join-broken-lines'] },
  {
    name: 'glossary-notes',
    run: linkGlossaryNotes,
    scope: 'page',
    needs: ['glossary', 'stray-spaces', 'inline-markup'],
  },
  {
    name: 'check-toc',
    run: checkAgainstToc,
    scope: 'source',
    needs: ['remove-table-of-contents', 'headings'],
  },
  { name: 'attributions', run: markAttributions, scope: 'source', needs: ['glossary-notes', 'cut-off-text'] },
  { name: 'assign-ids', run: assignIds, scope: 'page', needs: ['glossary-notes'] },
  { name: 'mark-repeats', run: markRepeats, scope: 'source', needs: ['assign-ids', 'attributions'] },
  { name: 'differing-copies', run: noteDifferingCopies, scope: 'source', needs: ['mark-repeats'] },
];

export interface NormalizedPage {
  /** URL path under /docs/, e.g. "cixi-shisiwu-guihua" or "jingcai-pianzhang/haishu". */
  path: string;
  document: DocumentEntry;
  article?: ArticleEntry & { headlineMoved: boolean };
  tree: Root;
  toc: TocItem[];
  /** What was repaired in this page's text, each entry tied to its passage (repairs-by-page.ts). */
  repairs: PageRepair[];
  /** Passages on this page that the manifest attributes to a district's text (attributions.ts). */
  passages: Array<{ district: string; id: string; belongsTo: string }>;
}

export interface NormalizedSource {
  document: DocumentEntry;
  /** The source text after recorded corrections (what “every sentence is on the site” is checked against). */
  correctedText: string;
  pages: NormalizedPage[];
  /** The source's whole repair log (its pages' 整理说明 together list exactly these). */
  repairs: RepairSummary[];
  /** Where each file's lines start in `correctedText` (pass.ts sourceLine). */
  parts: SourceFilePart[];
}

export function normalizeDocument(document: DocumentEntry, contentDir: string): NormalizedSource {
  const context = createContext(document, join(contentDir, 'sources'));
  const tree: Root = { type: 'root', children: [] };
  for (const step of pipeline) {
    if (step.scope === 'source') step.run(tree, context);
    else for (const page of pagesOf(tree, context)) step.run(page.tree, context);
  }
  const trees = pagesOf(tree, context);
  if (trees.every((p) => p.tree.children.length === 0))
    throw new Error(`${context.label}: the source yields no text`);
  const repairs = context.log.summaries();
  const perPage = repairsByPage(
    trees.map((p) => ({ tree: p.tree, article: p.article?.article.slug })),
    repairs,
  );
  // The passes number a document's lines on through its files: each entry names its file and line there.
  const locate = <T extends { line: number }>(entry: T): T => ({
    ...entry,
    ...sourceLine(context.parts, entry.line),
  });
  if (context.parts.length > 1) {
    for (const summary of repairs) summary.details = summary.details.map(locate);
    for (const page of perPage) for (const kind of page) kind.entries = kind.entries.map(locate);
  }
  const pages = trees.map((page, i): NormalizedPage => ({
    path: page.path,
    document,
    ...(page.article && { article: { ...page.article.article, headlineMoved: page.article.headlineMoved } }),
    tree: page.tree,
    toc: tableOfContents(page.tree),
    repairs: perPage[i],
    passages: attributedPassages(page.tree, document),
  }));
  return { document, correctedText: context.text, parts: context.parts, pages, repairs };
}

/** The passages of a page attributed to a district's text, once each, with the id of the block holding it. */
function attributedPassages(tree: Root, document: DocumentEntry): NormalizedPage['passages'] {
  const found = new Map<number, NormalizedPage['passages'][number]>();
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'heading') continue;
    const to = node.data?.attributedTo;
    if (to?.district && node.data?.id && !found.has(to.attribution))
      found.set(to.attribution, {
        district: to.district,
        id: node.data.id,
        belongsTo: document.attributions[to.attribution].belongsTo!,
      });
  }
  return [...found.values()];
}
