/** Reads and validates content/: districts and document manifests. Errors name the file, the entry and the field. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { districtListSchema, documentSchema, type DistrictList, type DocumentEntry } from './schema.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

function formatIssues(file: string, entry: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(entry)';
    return `  - field "${field}": ${issue.message}`;
  });
  return `${file}: ${entry} is invalid:\n${lines.join('\n')}`;
}

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError(`${path}: cannot read YAML: ${(error as Error).message}`);
  }
}

export interface LoadedContent {
  districts: DistrictList;
  documents: DocumentEntry[];
}

export function loadContent(contentDir: string): LoadedContent {
  const districtsFile = join(contentDir, 'districts.yaml');
  const parsedDistricts = districtListSchema.safeParse(readYaml(districtsFile));
  if (!parsedDistricts.success)
    throw new ContentError(formatIssues(districtsFile, 'the district list', parsedDistricts.error));
  const districts = parsedDistricts.data;
  const districtSlugs = new Set(districts.map((d) => d.slug));

  const documentsDir = join(contentDir, 'documents');
  const files = readdirSync(documentsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (files.length === 0) throw new ContentError(`${documentsDir}: no document manifests (*.yaml) found`);
  const documents: DocumentEntry[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = join(documentsDir, file);
    const raw = readYaml(path);
    const name =
      typeof raw === 'object' && raw && 'slug' in raw
        ? `document "${String((raw as { slug: unknown }).slug)}"`
        : 'the document';
    const parsed = documentSchema.safeParse(raw);
    if (!parsed.success) throw new ContentError(formatIssues(path, name, parsed.error));
    const doc = parsed.data;
    const fail = (field: string, message: string) => {
      throw new ContentError(`${path}: document "${doc.slug}" is invalid:\n  - field "${field}": ${message}`);
    };
    if (seen.has(doc.slug)) fail('slug', `"${doc.slug}" is already used by ${seen.get(doc.slug)}`);
    seen.set(doc.slug, file);
    if (!districtSlugs.has(doc.district))
      fail('district', `unknown district "${doc.district}" (known: ${[...districtSlugs].join(', ')})`);
    doc.compilation?.articles.forEach((article, i) => {
      if (!districtSlugs.has(article.district))
        fail(`compilation.articles.${i}.district`, `unknown district "${article.district}"`);
      article.mentions.forEach((m, j) => {
        if (!districtSlugs.has(m)) fail(`compilation.articles.${i}.mentions.${j}`, `unknown district "${m}"`);
      });
    });
    const articleSlugs = new Set(doc.compilation?.articles.map((a) => a.slug));
    doc.compilation?.segments.forEach((segment, i) => {
      const target = segment.headlineOf ?? segment.to;
      if (target && !articleSlugs.has(target))
        fail(`compilation.segments.${i}`, `names article "${target}", which is not in compilation.articles`);
    });
    documents.push(doc);
  }
  return { districts: [...districts].sort((a, b) => a.order - b.order), documents };
}
