/**
 * The shape of content/: the vocabularies, the district list and one manifest entry per document.
 * Facts about a single document live here as data (validated), never as code branches. References
 * between files (a document's district and kind, a district's level) are checked by load-content.ts.
 */
import { z } from 'zod';
import { SOURCE_GAP_KINDS } from '../normalize/source-gap-kinds.ts';

export const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Not blank, and kept exactly as written (a correction's line breaks are part of what it finds). */
const nonBlankVerbatim = z.string().refine((s) => s.trim() !== '', 'must not be empty');
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by "-"');

/**
 * A calendar day written YYYY-MM-DD, kept as that string: never a Date, which a reader would roll
 * over (2022-02-30 → 03-02) or shift by a time zone.
 */
const calendarDay = z.string().superRefine((day, ctx) => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a day written YYYY-MM-DD (e.g. 2022-02-12), not "${day}"`,
    });
    return;
  }
  const [year, month, date] = parts.slice(1).map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, date);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date)
    ctx.addIssue({
      code: 'custom',
      message: `${day} is not a calendar date (month 01–12, day within the month's length)`,
    });
});

/** One entry of an open vocabulary (content/vocabularies/*.yaml); the file's order is the display order. */
export const vocabularyEntrySchema = z.object({ name: nonEmpty, description: nonEmpty }).strict();
export type VocabularyEntry = z.infer<typeof vocabularyEntrySchema>;

/** A district level (content/vocabularies/levels.yaml). */
export const levelSchema = vocabularyEntrySchema
  .extend({
    /** A 县级行政区 (区、县级市、县): counted among the 区县（市） (not the city itself, nor a 功能区). */
    county: z.boolean(),
  })
  .strict();
export type Level = z.infer<typeof levelSchema>;

export const districtSchema = z
  .object({
    slug,
    name: nonEmpty,
    /** A name in content/vocabularies/levels.yaml. */
    level: nonEmpty,
    /** Official order within the district list (unique). */
    order: z.number().int().nonnegative(),
  })
  .strict();
export type District = z.infer<typeof districtSchema>;

/** A text-level repair applied to the raw source before parsing. */
const correctionSchema = z
  .object({
    find: nonBlankVerbatim,
    replace: z.string(),
    /** How many times `find` must occur; a mismatch fails the build. */
    count: z.number().int().positive().default(1),
    kind: z.enum(['lost-glyph', 'restored-numbering', 'stray-space', 'typo']),
    reason: nonEmpty,
  })
  .strict();

const headerCellSchema = z.union([
  nonEmpty,
  z
    .object({
      text: nonEmpty,
      rowspan: z.number().int().min(1).optional(),
      colspan: z.number().int().min(1).optional(),
    })
    .strict(),
]);

/** Per-row fix for a table row that the extraction shifted or split. */
const rowFixSchema = z
  .object({
    /** The row's first non-empty cell, as extracted (whitespace ignored). */
    row: nonEmpty,
    /** Which occurrence of that first cell (1-based) when it repeats. */
    occurrence: z.number().int().positive().default(1),
    /** Merge these adjacent extracted cells (0-based, inclusive range) into one: their non-empty texts, one per line. */
    merge: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
    /** Place the row's non-empty cells, in order, in these columns (0-based). */
    columns: z.array(z.number().int().nonnegative()).optional(),
    reason: nonEmpty,
  })
  .strict()
  .refine((f) => !!f.merge || !!f.columns, {
    message: 'a row fix needs "merge" or "columns" (merge runs first)',
  });

/**
 * How to rebuild one table the extraction flattened (see scripts/normalize/tables.ts for the two
 * extraction formats it reads: one cell per line, or one tab-separated row per line).
 */
export const tableLayoutSchema = z
  .object({
    /**
     * The caption's number as printed (e.g. "表1"); a caption line starting with it (spaces ignored)
     * opens the table. A second such line right after the table's rows is a page-break repetition.
     */
    caption: nonEmpty,
    columns: z.number().int().min(2),
    /**
     * Header rows, top to bottom, as the reader should see them (HTML placement: a cell spanning rows
     * is given once, in its top row). Their text must equal the source's header cells ignoring whitespace.
     */
    header: z.array(z.array(headerCellSchema)).min(1),
    /** Columns (0-based) whose empty cells continue the cell above (merged category cells), never past a new cell to their left in such a column. */
    mergeDown: z.array(z.number().int().nonnegative()).default([]),
    /**
     * The column (0-based) whose cells name their row (指标名称): its body cells are row headers, and
     * it stays in view while a table wider than the screen scrolls sideways. Default: the first column.
     */
    rowHeader: z.number().int().nonnegative().default(0),
    /** Rows the extraction shifted or split; each fix must find its row, else the build fails. */
    rowFixes: z.array(rowFixSchema).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.rowHeader >= t.columns)
      ctx.addIssue({
        code: 'custom',
        path: ['rowHeader'],
        message: `column ${t.rowHeader} is outside the table's ${t.columns} columns`,
      });
    t.mergeDown.forEach((c, i) => {
      if (c >= t.columns)
        ctx.addIssue({
          code: 'custom',
          path: ['mergeDown', i],
          message: `column ${c} is outside the table's ${t.columns} columns`,
        });
    });
    t.rowFixes.forEach((f, i) => {
      f.columns?.forEach((c, j) => {
        if (c >= t.columns)
          ctx.addIssue({
            code: 'custom',
            path: ['rowFixes', i, 'columns', j],
            message: `column ${c} is outside the table's ${t.columns} columns`,
          });
      });
      if (f.merge && f.merge[1] < f.merge[0])
        ctx.addIssue({
          code: 'custom',
          path: ['rowFixes', i, 'merge'],
          message: 'the range must run from a lower to a higher cell',
        });
    });
  });
export type TableLayout = z.infer<typeof tableLayoutSchema>;

const articleSchema = z
  .object({
    slug,
    district: slug,
    headline: nonEmpty,
    byline: nonEmpty,
    /** Other districts the article speaks about (listed on their district pages too). */
    mentions: z.array(slug).default([]),
  })
  .strict();

const segmentSchema = z
  .object({
    /** The segment starts at the line that begins with this text. */
    from: nonEmpty,
    occurrence: z.number().int().positive().default(1),
    /** Article slug the lines belong to; "" is the compilation page itself. */
    to: z.string().optional(),
    /** This one line is the headline of that article, placed away from it by the layout. */
    headlineOf: slug.optional(),
    reason: z.string().optional(),
  })
  .strict()
  .refine((s) => (s.to === undefined) !== (s.headlineOf === undefined), {
    message: 'a segment needs exactly one of "to" or "headlineOf"',
  })
  .refine((s) => !s.headlineOf || !!s.reason, { message: 'a moved headline needs a "reason"' });

/**
 * A place where the source itself lacks text (scripts/normalize/source-gaps.ts): a column cut off,
 * a source that starts or ends mid-text, a part missing between two parts. Marked on the page,
 * never joined across, listed in 整理说明 with this reason.
 */
const sourceGapSchema = z
  .object({
    kind: z.enum(SOURCE_GAP_KINDS),
    /**
     * The gap stands right before the line that starts with this text … (without either, a
     * starts-mid-text gap stands before the first line of the body, an ends-mid-text gap after the last line)
     */
    before: nonEmpty.optional(),
    /** … or right after it. */
    after: nonEmpty.optional(),
    /** Which line starting with that text (1-based, in source order) when several do. */
    occurrence: z.number().int().positive().default(1),
    /** How we know text is missing here (shown to the reader). */
    reason: nonEmpty,
  })
  .strict()
  .refine((g) => g.before === undefined || g.after === undefined, {
    message: 'a source gap stands either "before" or "after" a line, not both',
  })
  .refine(
    (g) =>
      g.before !== undefined ||
      g.after !== undefined ||
      g.kind === 'starts-mid-text' ||
      g.kind === 'ends-mid-text',
    {
      message:
        'a source gap needs "before" or "after" (the line it stands next to); only starts-mid-text and ends-mid-text may leave both out, for the start or the end of the text',
    },
  );

/**
 * A paragraph that continues the one before it although that one ends a sentence: a page break fell
 * at a sentence end (scripts/normalize/continued-paragraphs.ts). The two are joined, with this reason.
 */
const continuedParagraphSchema = z
  .object({
    /** The continuing paragraph starts with this text. */
    from: nonEmpty,
    occurrence: z.number().int().positive().default(1),
    /** The evidence: the page break, the paragraph's first words, the section's pattern. */
    reason: nonEmpty,
  })
  .strict();

/**
 * A passage printed in this document that belongs to another text (scripts/normalize/attributions.ts):
 * kept where the source prints it, with an editor's note saying whose we think it is and why.
 */
const attributionSchema = z
  .object({
    /** The passage starts with this text (at the start of a line, or inside one). */
    from: nonEmpty,
    /** Which line holding `from` (1-based, in source order) when several do. */
    occurrence: z.number().int().positive().default(1),
    /** It ends with this text, the first such after `from` on its page; default: the end of the line it starts in. */
    to: nonEmpty.optional(),
    /** It belongs to this article of the compilation (whose copy of it is then the one shown) … */
    article: slug.optional(),
    /** … or to a text of this district that is not in the library (the passage is listed on the district's page). */
    district: slug.optional(),
    /** With `district`: whose text we think it is, in words (慈溪市理论学习中心组的文章). */
    belongsTo: nonEmpty.optional(),
    /** Why we think so: the evidence in the text, shown to the reader. */
    reason: nonEmpty,
  })
  .strict()
  .refine((a) => (a.article === undefined) !== (a.district === undefined), {
    message: 'an attribution needs exactly one of "article" or "district"',
  })
  .refine((a) => !a.district || !!a.belongsTo, {
    message: 'an attribution to a district needs "belongsTo" (whose text it is, in words)',
    path: ['belongsTo'],
  });

/**
 * What a document says about itself, shared by its manifest entry and its pages' frontmatter
 * (scripts/manifest/site-data.ts), so anything the manifest accepts the site accepts too.
 */
export const documentFields = {
  title: nonEmpty,
  /** "official": printed in the source; "editor": supplied by the editors (say why in titleBasis). */
  titleSource: z.enum(['official', 'editor']),
  titleBasis: z.string().optional(),
  subtitle: z.string().optional(),
  /** A name in content/vocabularies/kinds.yaml. */
  kind: nonEmpty,
  issuer: nonEmpty,
  /**
   * What the issuer value is, when it is not the issuing body (刊载版面: a newspaper section's name
   * printed in its masthead): the page labels it so, and citation and feed metadata do not give it as the author.
   */
  issuerLabel: z.string().optional(),
  date: calendarDay.optional(),
  dateLabel: z.string().optional(),
  /** 文号: the issuing number of an official document (慈政发〔2021〕11号). */
  documentNumber: z.string().optional(),
  /** 会议文件编号: the number of a meeting's document (区十届人大一次会议文件（10）), not a 文号. */
  meetingFileNumber: z.string().optional(),
  meeting: z.string().optional(),
  speaker: z.string().optional(),
  recipients: z.string().optional(),
  provenance: nonEmpty,
  /**
   * The official original's address (the issuer's own publication of the text), where one is known
   * from the source itself: the page links to it. Never a guessed address.
   */
  officialUrl: z
    .url({
      protocol: /^https?$/,
      error: 'must be the http(s) address of the official original, e.g. https://www.cixi.gov.cn/…',
    })
    .optional(),
  /**
   * Fields whose value the text does not state, supplied by the editors, each with its basis (what
   * in the text or outside it the value rests on). The page marks them as the editors', as it marks
   * an editor-supplied title (titleSource: editor).
   */
  editorSupplied: z
    .partialRecord(
      z.enum([
        'issuer',
        'kind',
        'date',
        'documentNumber',
        'meetingFileNumber',
        'meeting',
        'speaker',
        'recipients',
      ]),
      nonEmpty,
    )
    .optional(),
};

const sourceFileName = z.string().regex(/^[^/\\]+\.txt$/, 'must be a .txt file name inside content/sources/');

/**
 * One part of a document printed in several files (the pages of a newspaper, a report and its
 * continuation), in reading order: a file in content/sources/, or a part the library does not
 * hold, said in words (what it is and where it was printed). A missing part is marked where it
 * belongs; a document that begins with one is a continuation and says so on its page.
 */
const sourcePartSchema = z.union([
  z.strictObject({ file: sourceFileName }),
  z.strictObject({ missing: nonEmpty }),
]);

export const documentSchema = z
  .object({
    slug,
    /** The source: a file name inside content/sources/ … */
    source: sourceFileName.optional(),
    /** … or, for a document in several files, its parts in reading order. */
    sources: z.array(sourcePartSchema).min(1).optional(),
    district: slug,
    ...documentFields,
    preamble: z.object({ until: nonEmpty }).strict().optional(),
    corrections: z.array(correctionSchema).default([]),
    tables: z.array(tableLayoutSchema).default([]),
    sourceGaps: z.array(sourceGapSchema).default([]),
    attributions: z.array(attributionSchema).default([]),
    continuedParagraphs: z.array(continuedParagraphSchema).default([]),
    compilation: z
      .object({
        articles: z.array(articleSchema).min(1),
        segments: z.array(segmentSchema).min(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => d.titleSource === 'official' || !!d.titleBasis, {
    message: 'an editor-supplied title needs "titleBasis" saying where it comes from',
    path: ['titleBasis'],
  })
  .refine((d) => (d.source === undefined) !== (d.sources === undefined), {
    message:
      'a document needs either "source" (one file) or "sources" (its parts in reading order), not both',
    path: ['source'],
  })
  .refine((d) => d.sources === undefined || d.sources.some((part) => 'file' in part), {
    message: 'at least one part must be a file in content/sources/',
    path: ['sources'],
  })
  // One shape for the passes and the site: every document has its parts, a one-file one too.
  .transform(({ source, sources, ...document }) => ({
    ...document,
    sources: sources ?? [{ file: source! }],
  }));
export type DocumentEntry = z.infer<typeof documentSchema>;

/**
 * What the document continues, when its first part is not in the library (a continuation page):
 * the words the manifest says it with. Its page's title then ends in （续）.
 */
export function continuedFrom(document: Pick<DocumentEntry, 'sources'>): string | undefined {
  const [first] = document.sources;
  return 'missing' in first ? first.missing : undefined;
}

/** The title pages and lists show: a continuation's ends in （续）, which the site adds. */
export function displayTitle(document: Pick<DocumentEntry, 'sources' | 'title'>): string {
  return continuedFrom(document) ? `${document.title}（续）` : document.title;
}

/** The document's files in content/sources/, in reading order. */
export function sourceFiles(document: Pick<DocumentEntry, 'sources'>): string[] {
  return document.sources.flatMap((part) => ('file' in part ? [part.file] : []));
}
export type ArticleEntry = z.infer<typeof articleSchema>;
