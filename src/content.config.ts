/** The generated document pages (written by scripts/build-content.ts) as a content collection. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const tocItem = z.object({ id: z.string(), depth: z.number(), text: z.string() });
const repair = z.object({
  kind: z.string(),
  label: z.string(),
  count: z.number(),
  reason: z.string().optional(),
  details: z.array(z.object({ line: z.number().optional(), text: z.string() })),
});

const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/generated/docs' }),
  schema: z.object({
    path: z.string(),
    title: z.string(),
    titleSource: z.enum(['official', 'editor']),
    titleBasis: z.string().optional(),
    subtitle: z.string().optional(),
    kind: z.string(),
    district: z.string(),
    districtName: z.string(),
    issuer: z.string(),
    // YAML reads an unquoted 2022-02-12 as a date; keep the ISO day string.
    date: z
      .union([z.string(), z.date()])
      .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10)))
      .optional(),
    dateLabel: z.string().optional(),
    documentNumber: z.string().optional(),
    meeting: z.string().optional(),
    speaker: z.string().optional(),
    recipients: z.string().optional(),
    provenance: z.string(),
    sourceFile: z.string(),
    headlineMoved: z.boolean().optional(),
    parent: z.object({ path: z.string(), title: z.string() }).optional(),
    articles: z
      .array(
        z.object({
          path: z.string(),
          title: z.string(),
          district: z.string(),
          districtName: z.string(),
          byline: z.string(),
        }),
      )
      .optional(),
    toc: z.array(tocItem),
    repairs: z.array(repair),
  }),
});

export const collections = { docs };
