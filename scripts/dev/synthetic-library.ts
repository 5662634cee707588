/**
 * A synthetic library of N documents made from the seed documents of content/, for the scale
 * benchmark (bench-scale.ts). Documents 1–5 are the seeds as they are; every further one is a seeded
 * variant of a seed: the districts permuted (ningbo, the city, stays; in the text, the manifest entry
 * and its district fields alike), its statistics changed, its running paragraphs shuffled within
 * their section, and a date spread over 2010–2024 (a few left undated). Lines the
 * manifest names (corrections, segments, table rows, the preamble's end) and structure (headings,
 * numbered items, tables, captions) stay as they are, so each variant builds as its seed does.
 * Written to a directory of its own (never content/), with districts and vocabularies copied.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { caption } from '../../src/lib/conventions/captions.ts';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';

/** mulberry32: a small seeded generator, so that a library is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

interface DistrictEntry {
  slug: string;
  name: string;
  level: string;
}
type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

/** Every string of a parsed YAML value, mapped; district slugs (in `district`, `mentions`) by `slugMap`. */
function mapStrings(value: Yaml, text: (s: string) => string, slugMap: Map<string, string>, key = ''): Yaml {
  if (typeof value === 'string')
    return key === 'district' || key === 'mentions' ? (slugMap.get(value) ?? value) : text(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, text, slugMap, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, text, slugMap, k)]));
  return value;
}

/** Manifest fields that name source text: the preamble's end, corrections, segments, headlines, table rows. */
const NAMES_TEXT = new Set(['until', 'find', 'replace', 'from', 'headline', 'byline', 'row']);

/** The strings of those fields in a parsed manifest entry. */
const namedText = (value: Yaml, key = ''): string[] =>
  typeof value === 'string'
    ? NAMES_TEXT.has(key)
      ? [value]
      : []
    : Array.isArray(value)
      ? value.flatMap((v) => namedText(v, key))
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => namedText(v, k))
        : [];

/** A district's name as written in running text too: 北仑区 and 北仑, 余姚市 and 余姚. */
const shortName = (name: string) => name.replace(/[区市县]$/u, '');

/** The text mapping of a permutation of districts: every full and short name to its image. */
function nameMapper(districts: DistrictEntry[], image: Map<string, string>): (s: string) => string {
  const bySlug = new Map(districts.map((d) => [d.slug, d]));
  const names = new Map<string, string>();
  for (const [from, to] of image) {
    const a = bySlug.get(from)!;
    const b = bySlug.get(to)!;
    names.set(a.name, b.name);
    if (shortName(a.name).length >= 2) names.set(shortName(a.name), shortName(b.name));
  }
  const pattern = new RegExp(
    [...names.keys()]
      .sort((a, b) => b.length - a.length)
      .map((n) => RegExp.escape(n))
      .join('|'),
    'gu',
  );
  return (s) => s.replace(pattern, (m) => names.get(m)!);
}

/** Whether a source line is a running paragraph: a whole sentence or more, no structure. */
function runningParagraph(line: string): boolean {
  const text = line.trim();
  return (
    text.length >= 20 &&
    endsSentence(text) &&
    !text.includes('\t') &&
    !headingMarker(text) &&
    !itemMarker(text) &&
    !caption(text) &&
    !/^[[【]/u.test(text)
  );
}

/** Statistics (a number before %, 亿 or 万) scaled by 0.7–1.3, with as many decimals as printed. */
function changeNumbers(line: string, next: () => number): string {
  return line.replace(/\d+(?:\.(\d+))?(?=\s*[%％亿万])/gu, (number, decimals: string | undefined) => {
    const scaled = Number(number) * (0.7 + 0.6 * next());
    return scaled.toFixed(decimals?.length ?? 0);
  });
}

/**
 * The source's lines with runs of running paragraphs shuffled (blank lines between them stay where
 * they are; a run ends at a heading, a table, a broken line or a line the manifest names), and the
 * statistics changed in every line but headings, tables of contents and lines the manifest names.
 */
function varyText(text: string, anchors: string[], next: () => number): string {
  const lines = text.split('\n');
  // A short name (a table row's number, "17") names a line only as the whole line.
  const named = (line: string) =>
    anchors.some((a) => (a.length >= 4 ? line.includes(a) || a.includes(line) : line === a));
  const filled = lines.flatMap((line, i) => (line.trim() ? [i] : []));
  const free = filled.map((at, k) => {
    const line = lines[at].trim();
    return runningParagraph(line) && !named(line) && (k === 0 || endsSentence(lines[filled[k - 1]].trim()));
  });
  for (let start = 0; start < filled.length;) {
    if (!free[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end < filled.length && free[end]) end++;
    const at = filled.slice(start, end);
    const run = shuffle(
      at.map((i) => lines[i]),
      next,
    );
    at.forEach((i, k) => (lines[i] = run[k]));
    start = end;
  }
  return lines
    .map((line) => {
      const text = line.trim();
      const kept = !text || named(text) || headingMarker(text) || /\t|\.{2,}/u.test(text);
      return kept ? line : changeNumbers(line, next);
    })
    .join('\n');
}

export interface SyntheticLibrary {
  documents: number;
  /** Path of each document's source text, by slug (for the ground truth of the search check). */
  sources: Map<string, string>;
}

/** Writes a library of `count` documents made from the seeds in `seedDir` into `outDir` (content layout). */
export function writeSyntheticLibrary(
  seedDir: string,
  outDir: string,
  count: number,
  seed = 1,
): SyntheticLibrary {
  mkdirSync(join(outDir, 'documents'), { recursive: true });
  mkdirSync(join(outDir, 'sources'), { recursive: true });
  cpSync(join(seedDir, 'vocabularies'), join(outDir, 'vocabularies'), { recursive: true });
  cpSync(join(seedDir, 'districts.yaml'), join(outDir, 'districts.yaml'));
  const districts = parse(readFileSync(join(seedDir, 'districts.yaml'), 'utf8')) as DistrictEntry[];
  const movable = districts.filter((d) => d.slug !== 'ningbo').map((d) => d.slug);
  const seeds = readdirSync(join(seedDir, 'documents'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, entry: parse(readFileSync(join(seedDir, 'documents', file), 'utf8')) as Yaml }));
  const sources = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const { file, entry } = seeds[i % seeds.length];
    const variant = Math.floor(i / seeds.length);
    const original = entry as { [key: string]: Yaml };
    const sourceText = readFileSync(join(seedDir, 'sources', String(original.source)), 'utf8');
    if (variant === 0) {
      writeFileSync(join(outDir, 'documents', file), stringify(entry));
      writeFileSync(join(outDir, 'sources', String(original.source)), sourceText);
      sources.set(String(original.slug), join(outDir, 'sources', String(original.source)));
      continue;
    }
    const next = random(seed * 1_000_003 + i);
    const order = shuffle([...movable], next);
    const image = new Map(movable.map((slug, k) => [slug, order[k]]));
    const names = nameMapper(districts, image);
    const mapped = mapStrings(entry, names, image) as { [key: string]: Yaml };
    const slug = `${String(original.slug)}-v${variant}`;
    const source = `v${variant}-${String(original.source)}`;
    const undated = next() < 0.15;
    const year = 2010 + Math.floor(next() * 15);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const varied: { [key: string]: Yaml } = { ...mapped, slug, source };
    if (undated) delete varied.date;
    else varied.date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const anchors = namedText(mapped)
      .flatMap((s) => s.split('\n'))
      .map((s) => s.trim())
      .filter((s) => s.length >= 2);
    const text = varyText(names(sourceText), anchors, next);
    writeFileSync(join(outDir, 'documents', `${String(i).padStart(5, '0')}-${slug}.yaml`), stringify(varied));
    writeFileSync(join(outDir, 'sources', source), text);
    sources.set(slug, join(outDir, 'sources', source));
  }
  return { documents: count, sources };
}
