/** Page frontmatter and the site catalog (districts → documents → articles) derived from normalized sources. */
import { Document, parseDocument, visit } from 'yaml';
import { ContentError, type LoadedContent } from '../manifest/load-content.ts';
import {
  continuedFrom,
  displayTitle,
  sourceFiles,
  type District,
  type DocumentEntry,
} from '../manifest/schema.ts';
import {
  districtName,
  pageFrontmatterSchema,
  type Catalog,
  type CatalogPage,
  type PageFrontmatter,
} from '../manifest/site-data.ts';
import type { NormalizedPage, NormalizedSource } from '../normalize/pipeline.ts';

/** Where a page field comes from in its document's manifest entry (undefined: made by the build). */
function manifestField(field: string, page: NormalizedPage): string | undefined {
  const { document, article } = page;
  if (article) {
    const i = document.compilation!.articles.findIndex((a) => a.slug === article.slug);
    const own = { title: 'headline', issuer: 'byline', district: 'district', districtName: 'district' }[
      field
    ];
    if (own) return `compilation.articles.${i}.${own}`;
  }
  if (field === 'sourceFiles') return 'source';
  if (field === 'continues') return 'sources';
  if (field === 'districtName') return 'district';
  return field in document ? field : undefined;
}

/**
 * A page's frontmatter, checked against the schema the site reads it with, so that a bad value fails
 * here, naming the manifest file (`manifestFile`) and field, rather than in Astro at the generated MDX.
 */
export function pageFrontmatter(
  page: NormalizedPage,
  source: NormalizedSource,
  districts: readonly District[],
  manifestFile: string,
): PageFrontmatter {
  const { document, article } = page;
  const parent = source.pages[0];
  const fm = {
    path: page.path,
    title: article ? article.headline : displayTitle(document),
    titleSource: article ? 'official' : document.titleSource,
    titleBasis: article ? undefined : document.titleBasis,
    subtitle: article ? undefined : document.subtitle,
    kind: document.kind,
    district: article?.district ?? document.district,
    districtName: districtName(districts, article?.district ?? document.district),
    issuer: article ? article.byline : document.issuer,
    issuerLabel: article ? undefined : document.issuerLabel,
    date: document.date,
    dateLabel: document.dateLabel,
    documentNumber: article ? undefined : document.documentNumber,
    meetingFileNumber: article ? undefined : document.meetingFileNumber,
    meeting: document.meeting,
    speaker: document.speaker,
    recipients: document.recipients,
    provenance: document.provenance,
    // An article's original is the page it was printed on.
    officialUrl: document.officialUrl,
    // An article's title and byline are printed in the source: of the compilation's supplied fields, only kind and date are its.
    editorSupplied: article ? articleSupplied(document.editorSupplied) : document.editorSupplied,
    sourceFiles: sourceFiles(document),
    continues: article ? undefined : continuedFrom(document),
    headlineMoved: article?.headlineMoved,
    parent: article ? { path: parent.path, title: displayTitle(document) } : undefined,
    articles:
      !article && source.pages.length > 1
        ? source.pages.slice(1).map((p) => ({
            path: p.path,
            title: p.article!.headline,
            district: p.article!.district,
            districtName: districtName(districts, p.article!.district),
            byline: p.article!.byline,
          }))
        : undefined,
    toc: page.toc,
    repairs: page.repairs,
  };
  const parsed = pageFrontmatterSchema.safeParse(
    Object.fromEntries(Object.entries(fm).filter(([, v]) => v !== undefined)),
  );
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const from = manifestField(String(issue.path[0]), page);
    return `  - field "${from ?? field}": ${issue.message}${from ? '' : ` (page field "${field}", made by the build)`}`;
  });
  throw new ContentError(
    `${manifestFile}: document "${document.slug}" (page "${page.path}") is invalid:\n${problems.join('\n')}`,
  );
}

/** Whether a YAML 1.1 reader takes this text, written plain, for this very string. */
function readsAsItself(text: string): boolean {
  try {
    const read = parseDocument(text, { version: '1.1' });
    return read.errors.length === 0 && read.warnings.length === 0 && read.toJS() === text;
  } catch {
    return false; // e.g. an alias (*a) with no anchor
  }
}

/**
 * Frontmatter as YAML that Astro reads back exactly as written. Astro's reader (js-yaml) still takes
 * some YAML 1.1 forms (2022-02-12 as a date), so besides what YAML 1.2 would read otherwise, every
 * string that a YAML 1.1 reader would not read back as itself is quoted: strings stay strings.
 */
export function frontmatterYaml(frontmatter: object): string {
  const doc = new Document(frontmatter);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && !readsAsItself(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The navigation data: vocabularies and districts in display order, pages grouped by kind in the kinds' order. */
export function buildCatalog(
  sources: NormalizedSource[],
  { kinds, levels, districts }: Omit<LoadedContent, 'documents'>,
): Catalog {
  const kindOrder = new Map(kinds.map((kind, i) => [kind.name, i]));
  const pages: CatalogPage[] = sources
    .flatMap((source) =>
      source.pages.map((page) => ({
        path: page.path,
        title: page.article ? page.article.headline : displayTitle(source.document),
        kind: source.document.kind,
        district: page.article?.district ?? source.document.district,
        ...(source.document.date ? { date: source.document.date } : {}),
        ...(page.article ? { parent: source.pages[0].path } : {}),
        ...mentionsOf(page),
      })),
    )
    .toSorted((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)!);
  return { kinds, levels, districts, pages };
}

/** The districts a page speaks about or holds a passage of, and those passages, for the catalog. */
function mentionsOf(page: NormalizedPage): Pick<CatalogPage, 'mentions' | 'passages'> {
  const mentions = [...new Set([...(page.article?.mentions ?? []), ...page.passages.map((p) => p.district)])];
  return {
    ...(mentions.length && { mentions }),
    ...(page.passages.length && {
      passages: page.passages.map((p) => ({
        district: p.district,
        id: p.id,
        text: `文中一段疑为${p.belongsTo}`,
      })),
    }),
  };
}

/** The editor-supplied fields an article shares with its compilation (its kind and date). */
function articleSupplied(supplied: DocumentEntry['editorSupplied']): DocumentEntry['editorSupplied'] {
  const shared = Object.entries(supplied ?? {}).filter(([field]) => field === 'kind' || field === 'date');
  return shared.length ? Object.fromEntries(shared) : undefined;
}
