/**
 * A passage's citation in the form Chinese readers use: GB/T 7714-2015, electronic resource
 * ([EB/OL]): 主要责任者. 题名: 其他题名信息[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 * The document number (文号) is the other title information, as in citations of government documents.
 * Its facts come from the page's Highwire citation_* meta tags (CitationMeta.astro): the metadata
 * that reference managers read is the metadata the copied citation shows.
 */

export interface CitedDocument {
  /** 主要责任者: the issuing body (or an article's author); none when the text names none. */
  issuer?: string;
  /** The editors supplied the issuer (the text does not state it): it is cited in brackets. */
  issuerSupplied?: true;
  title: string;
  documentNumber?: string;
  /** YYYY-MM-DD. */
  date?: string;
}

/** The names of the Highwire tags each fact is in (Google Scholar's and Zotero's vocabulary). */
export const CITATION_META = {
  title: 'citation_title',
  issuer: 'citation_author',
  /** Its presence makes Zotero's Embedded Metadata translator save a report, with this institution. */
  institution: 'citation_technical_report_institution',
  documentNumber: 'citation_technical_report_number',
  date: 'citation_date',
  language: 'citation_language',
  publicUrl: 'citation_public_url',
  keywords: 'citation_keywords',
  /**
   * Not a Highwire tag (reference managers do not read it): an issuer the editors supplied, which
   * the citation tags leave out since they cannot mark it, for the copied citation to cite in brackets.
   */
  suppliedIssuer: 'ningbo-policy-library:supplied-issuer',
} as const;

/** YYYY-MM-DD ⇄ the YYYY/MM/DD of Highwire dates. */
export const highwireDate = (isoDate: string): string => isoDate.replaceAll('-', '/');
const isoDate = (highwire: string): string => highwire.replaceAll('/', '-');

/** The reader's local calendar day, YYYY-MM-DD: the 引用日期 of a citation copied at `moment`. */
export function localDay(moment: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}

/**
 * The GB/T 7714-2015 reference of `url` (the passage's address, with its #id), accessed at `accessed`.
 * An issuer the editors supplied stands in square brackets, as GB/T 7714 marks information supplied
 * from outside the source; without an issuer the reference starts with the title.
 */
export function gbt7714(doc: CitedDocument, url: string, accessed: Date): string {
  const title = doc.documentNumber ? `${doc.title}: ${doc.documentNumber}` : doc.title;
  const published = doc.date ? `(${doc.date})` : '';
  const issuer = doc.issuer ? `${doc.issuerSupplied ? `[${doc.issuer}]` : doc.issuer}. ` : '';
  return `${issuer}${title}[EB/OL]. ${published}[${localDay(accessed)}]. ${url}.`;
}

/** The cited document from a page's citation_* meta tags; undefined on a page without them. */
export function citedDocument(meta: (name: string) => string | undefined): CitedDocument | undefined {
  const title = meta(CITATION_META.title);
  if (!title) return undefined;
  const stated = meta(CITATION_META.issuer);
  const supplied = meta(CITATION_META.suppliedIssuer);
  const date = meta(CITATION_META.date);
  return {
    title,
    ...(stated ? { issuer: stated } : supplied && { issuer: supplied, issuerSupplied: true as const }),
    documentNumber: meta(CITATION_META.documentNumber),
    date: date && isoDate(date),
  };
}
