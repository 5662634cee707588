/**
 * The shape of the `fidelity` facts about a seed document (tests/content/expected/<slug>.yaml),
 * checked by fidelity.test.ts: how its pages present the source and what they say about it.
 */
import { z } from 'zod';

const page = z.string();

export const fidelitySchema = z.strictObject({
  /** Passages printed in one article that belong to another text: where, and who lists or shows them. */
  attributed: z
    .array(
      z.strictObject({
        page,
        starts: z.string(),
        listedUnder: z.string().optional(),
        shownIn: page.optional(),
      }),
    )
    .default([]),
  /** Markers of text the source lacks, with the words just before and/or after them. */
  gaps: z
    .array(z.strictObject({ page, after: z.string().optional(), before: z.string().optional() }))
    .default([]),
  /** What the summary of a fold of repeated text says (the page has a fold whose summary reads this). */
  folds: z.array(z.strictObject({ page, summary: z.string() })).default([]),
  /** The numbering of the headings each page lists in its table of contents. */
  toc: z.record(page, z.array(z.string())).default({}),
  /** Joins that probably lost a character: the marker stands between these words. */
  probableLosses: z.array(z.strictObject({ page, before: z.string(), after: z.string() })).default([]),
  /** Articles whose headline the layout printed elsewhere. */
  movedHeadlines: z.array(page).default([]),
  /** Entries of a page's 整理说明: its count (0: not listed), lines, first and last line, label, a phrase. */
  repairs: z
    .array(
      z.strictObject({
        page,
        kind: z.string(),
        count: z.number().int().nonnegative().optional(),
        lines: z.array(z.number().int().positive()).optional(),
        from: z.number().int().positive().optional(),
        through: z.number().int().positive().optional(),
        label: z.string().optional(),
        includes: z.string().optional(),
      }),
    )
    .default([]),
  /** Previous and next page. */
  pager: z.record(page, z.strictObject({ prev: page.optional(), next: page.optional() })).default({}),
  /** The metadata fields (their labels) marked as the editors' on each page. */
  editorSupplied: z.record(page, z.array(z.string())).default({}),
  /** A metadata field's value, or that the page has no such field. */
  meta: z
    .array(
      z.strictObject({
        page,
        field: z.string(),
        includes: z.string().optional(),
        absent: z.boolean().optional(),
      }),
    )
    .default([]),
  /** A table cell's text. */
  cells: z.array(z.strictObject({ page, table: z.string(), text: z.string() })).default([]),
  /** Text that one paragraph holds (a recorded join). */
  joined: z.array(z.strictObject({ page, text: z.string() })).default([]),
});
export type Fidelity = z.infer<typeof fidelitySchema>;
