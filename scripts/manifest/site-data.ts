/**
 * What the content build hands to the site, defined once: the frontmatter of each generated page
 * (written by scripts/mdx/frontmatter.ts, read by src/content.config.ts) and the catalog
 * (src/generated/catalog.json, read by src/lib/catalog.ts and the search index). The document's own
 * fields are the manifest's (schema.ts), so a value the manifest accepts the site accepts too.
 */
import { z } from 'zod';
import { documentFields, nonEmpty, slug, type District, type Level, type VocabularyEntry } from './schema.ts';

/**
 * One entry of a page's "on this page" list: a heading, or a table (listed under the heading of its
 * section, one level deeper, by its caption).
 */
const tocItem = z.strictObject({
  id: nonEmpty,
  depth: z.number().int().min(2),
  text: z.string(),
  kind: z.literal('table').optional(),
});
export type TocItem = z.infer<typeof tocItem>;
/** One kind of repair on a page (scripts/normalize/repairs-by-page.ts): its count is its entries' counts summed. */
const repair = z.strictObject({
  kind: nonEmpty,
  label: nonEmpty,
  /** What the count counts (处, 字, 条 …). */
  unit: nonEmpty,
  count: z.number().int().positive(),
  reason: z.string().optional(),
  entries: z
    .array(
      z.strictObject({
        /** Its anchor in 整理说明. */
        id: nonEmpty,
        line: z.number().int().positive(),
        /** The source file the line is in, for a document in several files. */
        file: nonEmpty.optional(),
        text: z.string(),
        count: z.number().int().min(2).optional(),
        /** The passage it concerns ('top': the page as a whole). */
        target: nonEmpty.optional(),
      }),
    )
    .min(1),
});

/** One page's frontmatter, in the order it is written. Strict: a key the site does not know fails. */
export const pageFrontmatterSchema = z.strictObject({
  /** URL path under /docs/, e.g. "cixi-shisiwu-guihua" or "jingcai-pianzhang/haishu". */
  path: z
    .string()
    .regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)?$/, 'must be a document slug, or a document and an article slug'),
  title: documentFields.title,
  titleSource: documentFields.titleSource,
  titleBasis: documentFields.titleBasis,
  subtitle: documentFields.subtitle,
  kind: documentFields.kind,
  district: slug,
  districtName: nonEmpty,
  issuer: documentFields.issuer,
  issuerLabel: documentFields.issuerLabel,
  date: documentFields.date,
  dateLabel: documentFields.dateLabel,
  documentNumber: documentFields.documentNumber,
  meetingFileNumber: documentFields.meetingFileNumber,
  meeting: documentFields.meeting,
  speaker: documentFields.speaker,
  recipients: documentFields.recipients,
  provenance: documentFields.provenance,
  officialUrl: documentFields.officialUrl,
  editorSupplied: documentFields.editorSupplied,
  /** The source's files in content/sources/, in reading order (each downloadable at /sources/). */
  sourceFiles: z.array(nonEmpty).min(1),
  /** A continuation page: what it continues, which the library does not hold (its title ends in （续）). */
  continues: nonEmpty.optional(),
  /** An article whose headline the layout printed away from it. */
  headlineMoved: z.boolean().optional(),
  /** An article's compilation page. */
  parent: z.strictObject({ path: nonEmpty, title: nonEmpty }).optional(),
  /** A compilation page's articles. */
  articles: z
    .array(
      z.strictObject({
        path: nonEmpty,
        title: nonEmpty,
        district: slug,
        districtName: nonEmpty,
        byline: nonEmpty,
      }),
    )
    .optional(),
  toc: z.array(tocItem),
  repairs: z.array(repair),
});
export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;

/** One page (a document or an article of a compilation) in the navigation. */
export interface CatalogPage {
  path: string;
  title: string;
  kind: string;
  district: string;
  date?: string;
  /** An article's compilation page (its path). */
  parent?: string;
  /** Other districts an article speaks about (it is listed under them too). */
  mentions?: string[];
  /** Passages of this page that belong to another district's text (listed under that district for what they are). */
  passages?: Array<{ district: string; id: string; text: string }>;
}

/** src/generated/catalog.json. Every list is in display order. */
export interface Catalog {
  kinds: VocabularyEntry[];
  levels: Level[];
  districts: District[];
  pages: CatalogPage[];
}

export function districtName(districts: readonly District[], slug: string): string {
  const district = districts.find((d) => d.slug === slug);
  if (!district) throw new Error(`unknown district "${slug}": it is not in content/districts.yaml`);
  return district.name;
}
