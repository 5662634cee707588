/**
 * npm run bench:content — the content step (content/ → MDX, scripts/build-content.ts) on generated
 * multi-megabyte sources: text of the seed documents, every third sentence in traditional
 * characters, at 1, 2 and 5 MB, laid out three ways: as one single line; as many lines wrapped
 * every 40 characters as a PDF column is, in paragraphs of five sentences (most lines are joined);
 * and as one paragraph broken over all its lines (every line joined to the one before). Each
 * source is built alone in a temporary content directory (never in content/). Writes the times to
 * bench/content-results.md, with each pass's time on the largest sources.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import * as OpenCC from 'opencc-js';
import { stringify } from 'yaml';
import { caption } from '../../src/lib/conventions/captions.ts';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import { buildContent } from '../build-content.ts';
import { loadContent } from '../manifest/load-content.ts';
import { createContext, pagesOf } from '../normalize/pass.ts';
import { pipeline } from '../normalize/pipeline.ts';

const root = resolve(import.meta.dirname, '..', '..');
const content = join(root, 'content');
const MB = 1024 * 1024;
/** Sizes in MB (BENCH_SIZES=0.1,0.2 for a quick run). */
const SIZES = (process.env.BENCH_SIZES ?? '1,2,5').split(',').map(Number);
const WRAP = 40;

/** Sentences of the seed sources that are running text: nothing a pass would take for structure. */
function seedSentences(): string[] {
  const dir = join(content, 'sources');
  const text = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  return text
    .split(/(?<=[。！？；])|\n/u)
    .map((s) => s.trim())
    .filter(
      (s) =>
        s.length >= 8 &&
        !/[\t[\]【】*]|表\s*\d|图\s*\d|专栏|名词解释|目\s*录|版[)）]/u.test(s) &&
        !headingMarker(s) &&
        !itemMarker(s) &&
        !caption(s),
    );
}

/** `bytes` of UTF-8 text: the seed sentences in turn, every third one in traditional characters. */
function mixedText(bytes: number): string[] {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const seeds = seedSentences();
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = i % 3 === 0 ? toTraditional(seeds[i % seeds.length]) : seeds[i % seeds.length];
    out.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return out;
}

/** Paragraphs of `perParagraph` sentences, each wrapped every WRAP characters. */
function wrapped(sentences: string[], perParagraph: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < sentences.length; i += perParagraph) {
    const paragraph = sentences.slice(i, i + perParagraph).join('');
    for (let at = 0; at < paragraph.length; at += WRAP) lines.push(paragraph.slice(at, at + WRAP));
  }
  return lines;
}

const LAYOUTS: Record<string, (sentences: string[]) => string> = {
  'one line': (sentences) => sentences.join(''),
  'many lines': (sentences) => wrapped(sentences, 5).join('\n'),
  // A line that ends a sentence would end the paragraph: a comma after it continues it.
  'one paragraph, many lines': (sentences) =>
    wrapped(sentences, sentences.length)
      .map((line) => (endsSentence(line) ? `${line}，` : line))
      .join('\n'),
};

/** A content directory holding what content/ holds (districts, vocabularies) but one document made of `text`. */
function contentWith(dir: string, slug: string, text: string): string {
  const contentDir = join(dir, 'content');
  const own = ['documents', 'sources'].map((d) => join(content, d));
  cpSync(content, contentDir, { recursive: true, filter: (path) => !own.includes(path) });
  mkdirSync(join(contentDir, 'documents'), { recursive: true });
  mkdirSync(join(contentDir, 'sources'), { recursive: true });
  writeFileSync(join(contentDir, 'sources', `${slug}.txt`), text);
  const entry = {
    slug,
    source: `${slug}.txt`,
    district: 'ningbo',
    title: '基准测试文本',
    titleSource: 'official',
    kind: '政府工作报告',
    issuer: '基准测试',
    provenance: '由种子文档的句子生成，每三句一句为繁体字。',
  };
  writeFileSync(join(contentDir, 'documents', `${slug}.yaml`), stringify(entry));
  return contentDir;
}

/** Seconds each pass takes on the document of `contentDir` (the pipeline run step by step). */
function passTimes(contentDir: string): Map<string, number> {
  const [{ entry: document }] = loadContent(contentDir).documents;
  const context = createContext(document, join(contentDir, 'sources'));
  const tree: Root = { type: 'root', children: [] };
  const times = new Map<string, number>();
  for (const step of pipeline) {
    const started = performance.now();
    if (step.scope === 'source') step.run(tree, context);
    else for (const page of pagesOf(tree, context)) step.run(page.tree, context);
    times.set(step.name, (performance.now() - started) / 1000);
  }
  return times;
}

interface Result {
  layout: string;
  megabytes: number;
  lines: number;
  traditional: number;
  seconds: number;
  passes?: Map<string, number>;
}

const work = mkdtempSync(join(tmpdir(), 'bench-content-'));
const results: Result[] = [];
try {
  const warmUp = join(work, 'warm-up');
  buildContent({
    contentDir: contentWith(warmUp, 'warm-up', LAYOUTS['many lines'](mixedText(MB / 10))),
    outDir: join(warmUp, 'generated'),
  });
  for (const [layout, lay] of Object.entries(LAYOUTS)) {
    for (const size of SIZES) {
      const text = lay(mixedText(size * MB));
      const slug = `bench-${layout.replace(/\W+/g, '-')}-${Math.round(size * 1000)}kb`;
      const dir = join(work, slug);
      const contentDir = contentWith(dir, slug, text);
      const started = performance.now();
      const [source] = buildContent({ contentDir, outDir: join(dir, 'generated') });
      const seconds = (performance.now() - started) / 1000;
      const result: Result = {
        layout,
        megabytes: Buffer.byteLength(text) / MB,
        lines: text.split('\n').length,
        traditional: source.repairs.find((r) => r.kind === 'traditional-to-simplified')?.count ?? 0,
        seconds,
      };
      if (size === SIZES.at(-1)) result.passes = passTimes(contentDir);
      results.push(result);
      console.log(`${layout}, ${result.megabytes.toFixed(2)} MB: ${seconds.toFixed(1)} s`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const largest = results.filter((r) => r.passes);
const passNames = pipeline.map((s) => s.name);
const md = [
  '# Content step benchmark',
  '',
  `Generated by \`npm run bench:content\` on ${new Date().toISOString()}` +
    ` (Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}).`,
  'Sources: sentences of the seed documents, every third one in traditional characters (OpenCC cn→tw):' +
    ' as one single line;' +
    ` as many lines wrapped every ${WRAP} characters in paragraphs of five sentences;` +
    ' and as one paragraph wrapped over all its lines, none of which ends a sentence.' +
    ' Each is built alone by `buildContent` (normalization, MDX, catalog) in a temporary directory,' +
    ' after one small warm-up build. Target: 5 MB on one line under 30 s, time linear in size.',
  '',
  '| layout | size | lines | traditional characters converted | content step | per MB |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.layout} | ${r.megabytes.toFixed(2)} MB | ${r.lines} | ${r.traditional}` +
      ` | ${r.seconds.toFixed(1)} s | ${(r.seconds / r.megabytes).toFixed(2)} s |`,
  ),
  '',
  `## Passes on the ${SIZES.at(-1)} MB sources`,
  '',
  'The pipeline run pass by pass (normalization only, without writing MDX).',
  '',
  `| pass | ${largest.map((r) => r.layout).join(' | ')} |`,
  `|---|${largest.map(() => '---|').join('')}`,
  ...passNames.map(
    (name) => `| ${name} | ${largest.map((r) => `${r.passes!.get(name)!.toFixed(2)} s`).join(' | ')} |`,
  ),
  '',
].join('\n');
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'content-results.md'), md);
console.log('bench/content-results.md written');
