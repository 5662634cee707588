/**
 * The document's facts as every format states them (the page, the text and Markdown exports, the
 * citation metadata, the feeds): what the issuer value is, and which values the editors supplied
 * (manifest `editorSupplied`), so that no format gives a supplied value as the text's own.
 */
import type { PageFrontmatter } from '../../scripts/manifest/site-data.ts';

export type SuppliedField = keyof NonNullable<PageFrontmatter['editorSupplied']>;

/** The editors' basis for a value the text does not state; undefined when the text states it. */
export const suppliedBasis = (page: PageFrontmatter, field: SuppliedField): string | undefined =>
  page.editorSupplied?.[field];

/** What the issuer value is: the manifest's label (刊载版面), an article's 作者, else 发布机关. */
export const issuerLabel = (page: PageFrontmatter): string =>
  page.issuerLabel ?? (page.parent ? '作者' : '发布机关');

/**
 * The document's author for metadata that cannot mark a value as the editors' (Highwire tags, an
 * Atom author): the issuer only when the text names it and it is an issuing body or author.
 */
export const statedAuthor = (page: PageFrontmatter): string | undefined =>
  page.issuerLabel || suppliedBasis(page, 'issuer') ? undefined : page.issuer;

export interface DocumentFact {
  label: string;
  value: string;
  /** The editors supplied the value, on this basis. */
  basis?: string;
}

/** The facts shown under the title, in the page's order, each with the editors' basis when they supplied it. */
export function documentFacts(page: PageFrontmatter): DocumentFact[] {
  const facts: [string, string | undefined, SuppliedField?][] = [
    ['地区', page.districtName],
    ['类别', page.kind, 'kind'],
    [issuerLabel(page), page.issuer, 'issuer'],
    ['文号', page.documentNumber, 'documentNumber'],
    ['会议文件编号', page.meetingFileNumber, 'meetingFileNumber'],
    // The page says so when the text gives no date; the library invents none.
    [page.dateLabel ?? '日期', page.date ?? '原文未载日期', 'date'],
    ['会议', page.meeting, 'meeting'],
    ['报告人', page.speaker, 'speaker'],
    ['主送', page.recipients, 'recipients'],
    ['出自', page.parent?.title],
    ['来源', page.provenance],
    ['原文', page.sourceFiles.join('、')],
  ];
  return facts.flatMap(([label, value, field]) => {
    if (!value) return [];
    const basis = field && suppliedBasis(page, field);
    return [{ label, value, ...(basis && { basis }) }];
  });
}

/** A fact as one line of plain text, the editors' mark in 〔〕 as the site's other markers: 类别：规划纲要〔编者补：原文没有印文种，…〕. */
export const factLine = ({ label, value, basis }: DocumentFact): string =>
  `${label}：${value}${basis ? `〔编者补：${basis}〕` : ''}`;

/**
 * The main facts in a line of running text (a feed entry's summary, the page's description):
 * 类别, the issuer, 文号, 会议文件编号 and the date, each labelled, a supplied one marked （编者补）.
 */
export function summaryFacts(page: PageFrontmatter): string[] {
  const main = new Set(['类别', issuerLabel(page), '文号', '会议文件编号', page.dateLabel ?? '日期']);
  return documentFacts(page)
    .filter((f) => main.has(f.label))
    .map((f) => `${f.label}：${f.value}${f.basis ? '（编者补）' : ''}`);
}
