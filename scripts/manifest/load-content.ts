/**
 * Reads and validates content/: the vocabularies, the districts and the document manifests, and the
 * references between them. Every problem in every file is reported in one run, each naming the
 * file, the entry and the field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  districtSchema,
  documentSchema,
  levelSchema,
  vocabularyEntrySchema,
  type District,
  type DocumentEntry,
  type Level,
  type VocabularyEntry,
} from './schema.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Problems found so far, grouped by file and entry in the order they were found. */
class Problems {
  private readonly byEntry = new Map<string, string[]>();

  add(file: string, entry: string, field: string, message: string): void {
    const heading = `${file}: ${entry} is invalid:`;
    const lines = this.byEntry.get(heading) ?? [];
    lines.push(`  - field "${field}": ${message}`);
    this.byEntry.set(heading, lines);
  }

  addIssues(file: string, entry: string, error: z.ZodError, at: PropertyKey[] = []): void {
    for (const issue of error.issues) {
      const path = [...at, ...issue.path];
      this.add(file, entry, path.length ? path.map(String).join('.') : '(entry)', issue.message);
    }
  }

  /** Every problem, grouped by entry; undefined when there is none. */
  message(): string | undefined {
    const entries = [...this.byEntry].map(([heading, lines]) => [heading, ...lines].join('\n'));
    if (entries.length === 1) return entries[0];
    if (entries.length > 1)
      return `${entries.length} invalid entries in content/:\n\n${entries.join('\n\n')}`;
    return undefined;
  }

  throwIfAny(): void {
    const message = this.message();
    if (message) throw new ContentError(message);
  }
}

/** The parsed file, or undefined (with a problem recorded) when it cannot be read. */
function readYaml(path: string, problems: Problems): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8')) ?? null;
  } catch (error) {
    problems.add(path, 'the file', '(file)', `cannot read YAML: ${(error as Error).message}`);
    return undefined;
  }
}

const entryName = (raw: unknown, index: number): string => {
  const { slug, name } = (typeof raw === 'object' && raw ? raw : {}) as Record<string, unknown>;
  const label = typeof slug === 'string' ? slug : typeof name === 'string' ? name : undefined;
  return `entry ${index}${label ? ` ("${label}")` : ''}`;
};

/**
 * A YAML list whose entries are validated one by one: the result keeps each entry's place (undefined
 * where the entry is invalid), or is undefined when the file is not a list.
 */
function readList<T extends object>(
  file: string,
  schema: z.ZodType<T>,
  unique: (keyof T & string)[],
  problems: Problems,
): (T | undefined)[] | undefined {
  const raw = readYaml(file, problems);
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(file, 'the file', '(file)', 'must be a YAML list with at least one entry');
    return undefined;
  }
  const entries = raw.map((item, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) problems.addIssues(file, entryName(item, i), parsed.error, [i]);
    return parsed.data;
  });
  for (const field of unique) {
    const first = new Map<unknown, number>();
    entries.forEach((entry, i) => {
      if (!entry) return;
      const value = entry[field];
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, i);
      else
        problems.add(
          file,
          entryName(raw[i], i),
          `${i}.${field}`,
          `${JSON.stringify(value)} is already the ${field} of entry ${earlier}; each entry needs its own ${field}`,
        );
    });
  }
  return entries;
}

/** Checks a name against an open vocabulary; the message says where a new name goes. */
function vocabularyCheck(noun: string, file: string, entries: (VocabularyEntry | undefined)[] | undefined) {
  const known = entries?.flatMap((e) => (e ? [e.name] : []));
  return (value: string): string | undefined =>
    !known || known.includes(value)
      ? undefined
      : `unknown ${noun} "${value}" (known: ${known.join('、')}); if it is a new ${noun}, add it to ${file}`;
}

/** A manifest entry and the file it was read from (which error messages name). */
export interface ManifestDocument {
  file: string;
  entry: DocumentEntry;
}

/** A document manifest left out by a lenient load (loadContent's `unfinished` option), with its problems. */
export interface UnfinishedDocument {
  file: string;
  /** The source files it names. */
  files: string[];
  problems: string;
}

export interface LoadedContent {
  /** Document kinds, in display order. */
  kinds: VocabularyEntry[];
  /** District levels, in display order. */
  levels: Level[];
  /** Districts by level (in the levels' order), then by their own order. */
  districts: District[];
  documents: ManifestDocument[];
}

export interface LoadOptions {
  /**
   * Leave out document manifests that are invalid (a draft still being written) and list them here,
   * instead of failing: for the add command, which works beside unfinished drafts. The
   * vocabularies and districts must still be valid.
   */
  unfinished?: UnfinishedDocument[];
}

export function loadContent(contentDir: string, { unfinished }: LoadOptions = {}): LoadedContent {
  const problems = new Problems();
  const kindsFile = join(contentDir, 'vocabularies', 'kinds.yaml');
  const levelsFile = join(contentDir, 'vocabularies', 'levels.yaml');
  const kinds = readList(kindsFile, vocabularyEntrySchema, ['name'], problems);
  const levels = readList(levelsFile, levelSchema, ['name'], problems);
  const unknownKind = vocabularyCheck('kind', kindsFile, kinds);
  const unknownLevel = vocabularyCheck('level', levelsFile, levels);

  const districtsFile = join(contentDir, 'districts.yaml');
  const districts = readList(districtsFile, districtSchema, ['slug', 'name', 'order'], problems);
  districts?.forEach((district, i) => {
    const problem = district && unknownLevel(district.level);
    if (problem) problems.add(districtsFile, entryName(district, i), `${i}.level`, problem);
  });
  const districtSlugs = new Set(districts?.flatMap((d) => (d ? [d.slug] : [])));
  const unknownDistrict = (slug: string) =>
    !districts || districtSlugs.has(slug)
      ? undefined
      : `unknown district "${slug}" (known: ${[...districtSlugs].join(', ')}); a new district goes in ${districtsFile}`;

  const documentsDir = join(contentDir, 'documents');
  let files: string[] = [];
  try {
    files = readdirSync(documentsDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch (error) {
    problems.add(documentsDir, 'the folder', '(folder)', (error as Error).message);
  }
  // A library being started (the add command's first document) may have none yet; a build may not.
  if (files.length === 0 && !unfinished)
    problems.add(documentsDir, 'the folder', '(folder)', 'no document manifests (*.yaml) found');

  const documents: ManifestDocument[] = [];
  const slugFiles = new Map<string, string>();
  for (const name of files) {
    const file = join(documentsDir, name);
    // A lenient load collects each document's problems apart, and leaves the document out.
    const own = unfinished ? new Problems() : problems;
    const raw = readYaml(file, own);
    const slug = typeof raw === 'object' && raw && 'slug' in raw ? String(raw.slug) : undefined;
    const entryLabel = slug ? `document "${slug}"` : 'the document';
    const parsed = documentSchema.safeParse(raw);
    if (raw !== undefined && !parsed.success) own.addIssues(file, entryLabel, parsed.error);
    const valid = parsed.success && checkDocument(parsed.data, name, entryLabel, own);
    if (valid) documents.push({ file, entry: parsed.data });
    else if (unfinished) {
      const { source, sources } = (typeof raw === 'object' && raw ? raw : {}) as Record<string, unknown>;
      const parts = Array.isArray(sources) ? sources : [{ file: source }];
      const files = parts.flatMap((p) => (typeof p?.file === 'string' ? [p.file as string] : []));
      unfinished.push({ file, files, problems: own.message() ?? '' });
    }
  }

  /** Checks a valid entry's references and slug; records its problems and says whether it has none. */
  function checkDocument(entry: DocumentEntry, name: string, entryLabel: string, own: Problems): boolean {
    const file = join(documentsDir, name);
    let ok = true;
    const check = (field: string, problem: string | undefined) => {
      if (!problem) return;
      own.add(file, entryLabel, field, problem);
      ok = false;
    };
    check(
      'slug',
      slugFiles.has(entry.slug)
        ? `"${entry.slug}" is already used by ${slugFiles.get(entry.slug)}`
        : undefined,
    );
    slugFiles.set(entry.slug, name);
    check('district', unknownDistrict(entry.district));
    check('kind', unknownKind(entry.kind));
    entry.compilation?.articles.forEach((article, i) => {
      check(`compilation.articles.${i}.district`, unknownDistrict(article.district));
      article.mentions.forEach((m, j) =>
        check(`compilation.articles.${i}.mentions.${j}`, unknownDistrict(m)),
      );
    });
    const articleSlugs = new Set(entry.compilation?.articles.map((a) => a.slug));
    entry.attributions.forEach((attribution, i) => {
      if (attribution.district) check(`attributions.${i}.district`, unknownDistrict(attribution.district));
      if (attribution.article && !articleSlugs.has(attribution.article))
        check(
          `attributions.${i}.article`,
          `names article "${attribution.article}", which is not in compilation.articles`,
        );
    });
    entry.compilation?.segments.forEach((segment, i) => {
      const target = segment.headlineOf ?? segment.to;
      if (target && !articleSlugs.has(target))
        check(`compilation.segments.${i}`, `names article "${target}", which is not in compilation.articles`);
    });
    return ok;
  }

  problems.throwIfAny();
  // No problems: every list was read and every entry is valid.
  const valid = <T>(list: (T | undefined)[] | undefined): T[] => list?.filter((e) => e !== undefined) ?? [];
  const levelOrder = new Map(valid(levels).map((level, i) => [level.name, i]));
  return {
    kinds: valid(kinds),
    levels: valid(levels),
    districts: valid(districts).toSorted(
      (a, b) => levelOrder.get(a.level)! - levelOrder.get(b.level)! || a.order - b.order,
    ),
    documents,
  };
}
