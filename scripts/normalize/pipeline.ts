/**
 * The normalization pipeline: raw source text → structured pages. Each step is a small pass over
 * the tree; facts about one document come from its manifest entry, never from code branches.
 */
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { ArticleEntry, DocumentEntry } from '../manifest/schema.ts';
import { applyCorrections } from './apply-corrections.ts';
import { assignIds, type TocItem } from './assign-ids.ts';
import { recogniseBoxes } from './boxes.ts';
import { checkAgainstToc } from './check-toc.ts';
import { convertTraditional } from './convert-traditional.ts';
import { extractPreamble } from './extract-preamble.ts';
import { recogniseFigures } from './figures.ts';
import { collectGlossary, linkGlossaryNotes } from './glossary-notes.ts';
import { recogniseHeadings } from './headings.ts';
import { inlineMarkup } from './inline-markup.ts';
import { joinBrokenLines } from './join-broken-lines.ts';
import { markJumpLines } from './jump-lines.ts';
import { markRepeats, tocWithoutRepeats } from './mark-repeats.ts';
import { repairsByPage } from './repairs-by-page.ts';
import { parseLines } from './parse-lines.ts';
import { readSource } from './read-source.ts';
import { removeTableOfContents } from './remove-table-of-contents.ts';
import { RepairLog, type RepairSummary } from './repair-log.ts';
import { splitCompilation } from './split-compilation.ts';
import { removeStraySpacesPass } from './stray-spaces.ts';
import { stripWordBookmarks } from './strip-word-bookmarks.ts';
import { recogniseTables } from './tables.ts';

export interface NormalizedPage {
  /** URL path under /docs/, e.g. "cixi-shisiwu-guihua" or "jingcai-pianzhang/haishu". */
  path: string;
  document: DocumentEntry;
  article?: ArticleEntry & { headlineMoved: boolean };
  tree: Root;
  toc: TocItem[];
  /** What was repaired in this page's text (a compilation's pages share the source's log). */
  repairs: RepairSummary[];
}

export interface NormalizedSource {
  document: DocumentEntry;
  /** The source text after recorded corrections (what “every sentence is on the site” is checked against). */
  correctedText: string;
  pages: NormalizedPage[];
  repairs: RepairSummary[];
}

/** Passes that shape one page's tree, in order. */
function structure(tree: Root, document: DocumentEntry, log: RepairLog, label: string): void {
  markJumpLines(tree, log);
  recogniseTables(tree, document.tables, log, label);
  recogniseFigures(tree, log);
  recogniseHeadings(tree, log);
  recogniseBoxes(tree);
  collectGlossary(tree);
  joinBrokenLines(tree, log);
  removeStraySpacesPass(tree, log);
  inlineMarkup(tree, log);
  linkGlossaryNotes(tree, log, label);
}

export function normalizeDocument(document: DocumentEntry, contentDir: string): NormalizedSource {
  const file = join(contentDir, 'sources', document.source);
  const label = `${file} (document "${document.slug}")`;
  const log = new RepairLog();
  const raw = readSource(file, label);
  const correctedText = applyCorrections(raw, document.corrections, log, label);
  const tree = parseLines(correctedText);
  stripWordBookmarks(tree, log);
  extractPreamble(tree, document.preamble?.until, label);
  const printedToc = removeTableOfContents(tree, log);
  convertTraditional(tree, log);

  const pages: NormalizedPage[] = [];
  if (document.compilation) {
    const { main, articles } = splitCompilation(tree, document.compilation, log, label);
    structure(main, document, log, label);
    pages.push({ path: document.slug, document, tree: main, toc: [], repairs: [] });
    for (const { article, tree: articleTree, headlineMoved } of articles) {
      structure(articleTree, document, log, label);
      pages.push({
        path: `${document.slug}/${article.slug}`,
        document,
        article: { ...article, headlineMoved },
        tree: articleTree,
        toc: [],
        repairs: [],
      });
    }
  } else {
    structure(tree, document, log, label);
    checkAgainstToc(tree, printedToc, log, label);
    pages.push({ path: document.slug, document, tree, toc: [], repairs: [] });
  }
  for (const page of pages) page.toc = assignIds(page.tree);
  markRepeats(
    pages.map((p) => ({ tree: p.tree, page: `/docs/${p.path}/` })),
    log,
  );
  for (const page of pages) page.toc = tocWithoutRepeats(page.toc, page.tree);
  if (pages.every((p) => p.tree.children.length === 0))
    throw new Error(`${label}: the source yields no text`);
  const repairs = log.summaries();
  const perPage = repairsByPage(
    pages.map((p) => ({ tree: p.tree, article: p.article?.slug })),
    repairs,
  );
  pages.forEach((page, i) => (page.repairs = perPage[i]));
  return { document, correctedText, pages, repairs };
}
