/** Page frontmatter and the site catalog (districts → documents → articles) derived from normalized sources. */
import type { District } from '../manifest/schema.ts';
import type { NormalizedPage, NormalizedSource } from '../normalize/pipeline.ts';

export function pageFrontmatter(
  page: NormalizedPage,
  source: NormalizedSource,
  districts: District[],
): Record<string, unknown> {
  const { document, article } = page;
  const districtName = (slug: string) => districts.find((d) => d.slug === slug)?.name ?? slug;
  const parent = source.pages[0];
  const fm: Record<string, unknown> = {
    path: page.path,
    title: article ? article.headline : document.title,
    titleSource: article ? 'official' : document.titleSource,
    titleBasis: article ? undefined : document.titleBasis,
    subtitle: article ? undefined : document.subtitle,
    kind: document.kind,
    district: article?.district ?? document.district,
    districtName: districtName(article?.district ?? document.district),
    issuer: article ? article.byline : document.issuer,
    date: document.date,
    dateLabel: document.dateLabel,
    documentNumber: article ? undefined : document.documentNumber,
    meeting: document.meeting,
    speaker: document.speaker,
    recipients: document.recipients,
    provenance: document.provenance,
    sourceFile: document.source,
    headlineMoved: article?.headlineMoved,
    parent: article ? { path: parent.path, title: document.title } : undefined,
    articles:
      !article && source.pages.length > 1
        ? source.pages.slice(1).map((p) => ({
            path: p.path,
            title: p.article!.headline,
            district: p.article!.district,
            districtName: districtName(p.article!.district),
            byline: p.article!.byline,
          }))
        : undefined,
    toc: page.toc,
    repairs: page.repairs.map((r) => ({
      kind: r.kind,
      label: r.label,
      count: r.count,
      ...(r.reason ? { reason: r.reason } : {}),
      details: r.details.slice(0, 60).map(({ line, text }) => ({ line, text })),
    })),
  };
  return Object.fromEntries(Object.entries(fm).filter(([, v]) => v !== undefined));
}

export interface CatalogPage {
  path: string;
  title: string;
  kind: string;
  district: string;
  date?: string;
  parent?: string;
  mentions?: string[];
}

export function buildCatalog(
  sources: NormalizedSource[],
  districts: District[],
): { districts: District[]; pages: CatalogPage[] } {
  const pages: CatalogPage[] = sources.flatMap((source) =>
    source.pages.map((page) => ({
      path: page.path,
      title: page.article ? page.article.headline : source.document.title,
      kind: source.document.kind,
      district: page.article?.district ?? source.document.district,
      ...(source.document.date ? { date: source.document.date } : {}),
      ...(page.article ? { parent: source.pages[0].path } : {}),
      ...(page.article?.mentions.length ? { mentions: page.article.mentions } : {}),
    })),
  );
  return { districts, pages };
}
