/**
 * npm run add -- path/to/text.txt [--district SLUG] [--slug SLUG]
 *
 * Adds a source text to the library: copies it into content/sources/, drafts its manifest entry
 * in content/documents/<slug>.yaml (every value read from the text marked 推测 for the maintainer
 * to check, every required value the text does not show marked 必填), then runs the content step
 * for that one document and prints what it recognised and what looks wrong. Run it again on the
 * same file after editing the YAML: it builds the document from its manifest and reports again.
 * --content DIR works on another content directory (default: content/).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { loadContent, type LoadedContent, type UnfinishedDocument } from '../manifest/load-content.ts';
import { documentSchema, sourceFiles, type DocumentEntry } from '../manifest/schema.ts';
import { pageFrontmatter } from '../mdx/frontmatter.ts';
import { toMdx } from '../mdx/to-mdx.ts';
import { normalizeDocument } from '../normalize/pipeline.ts';
import { decodeSource } from '../normalize/read-source.ts';
import { draftManifest, draftYaml, type DraftField } from './draft-manifest.ts';
import { recognitionReport } from './recognition-report.ts';

const root = resolve(import.meta.dirname, '..', '..');

export class AddError extends Error {
  override name = 'AddError';
}

export interface AddOptions {
  file: string;
  contentDir: string;
  district?: string;
  slug?: string;
}

export interface AddResult {
  /** The manifest written (or found, when the text was added before). */
  manifest: string;
  drafted: boolean;
  /** The report lines. */
  report: string[];
}

/** Stand-ins for the values a draft leaves to the maintainer, so that the one document can be built before they are written. */
const PREVIEW: Record<string, string> = {
  title: '（标题待填写）',
  titleBasis: '（待填写）',
  kind: '（类别待填写）',
  issuer: '（发布机关待填写）',
  provenance: '（来源待填写）',
};

function previewEntry(
  fields: DraftField[],
  content: LoadedContent,
): { entry: DocumentEntry; missing: string[] } {
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of fields) {
    if (field.value !== undefined) values[field.key] = field.value;
    else if (field.todo?.required) {
      missing.push(field.key);
      values[field.key] = PREVIEW[field.key] ?? content.districts[0]?.slug;
    }
  }
  return { entry: documentSchema.parse(values), missing };
}

/** Builds one document as the content step does (normalize, frontmatter, MDX) and reports on it. */
function buildOne(
  entry: DocumentEntry,
  manifest: string,
  content: LoadedContent,
  contentDir: string,
): string[] {
  const source = normalizeDocument(entry, contentDir);
  // The page's frontmatter and MDX are made as the content step makes them (their errors are the build's).
  for (const page of source.pages)
    toMdx(page.tree, pageFrontmatter(page, source, content.districts, manifest));
  return recognitionReport(source);
}

export function addDocument({ file, contentDir, district, slug }: AddOptions): AddResult {
  // Other drafts still being written do not stop this one.
  const unfinished: UnfinishedDocument[] = [];
  const content = loadContent(contentDir, { unfinished });
  if (district && !content.districts.some((d) => d.slug === district))
    throw new AddError(
      `--district ${district}: not in ${join(contentDir, 'districts.yaml')} (known: ${content.districts.map((d) => d.slug).join(', ')}); add the district there first`,
    );
  if (!existsSync(file)) throw new AddError(`${file}: no such file`);
  const name = basename(file);
  if (!/^[^/\\]+\.txt$/.test(name))
    throw new AddError(`${file}: the source must be a .txt file (rename it to …${name}.txt if it is text)`);
  const bytes = readFileSync(file);
  const text = decodeSource(bytes, file);
  const target = join(contentDir, 'sources', name);
  const existing = content.documents.find((d) => sourceFiles(d.entry).includes(name));
  if (existsSync(target) && resolve(target) !== resolve(file) && !readFileSync(target).equals(bytes))
    throw new AddError(
      `${target} already exists with another text: rename ${file} (its name becomes the source's file name) and run again`,
    );
  const draft = unfinished.find((d) => d.files.includes(name));
  if (draft)
    throw new AddError(
      `${name} was added before; its manifest is not finished yet:\n${draft.problems}\nEdit ${draft.file}, then run again.`,
    );
  if (existing) {
    // Added before: build it from its (edited) manifest.
    return {
      manifest: existing.file,
      drafted: false,
      report: buildOne(existing.entry, existing.file, content, contentDir),
    };
  }

  const fields = draftManifest({
    text,
    source: name,
    kinds: content.kinds,
    districts: content.districts,
    levels: content.levels,
    takenSlugs: new Set([
      ...content.documents.map((d) => d.entry.slug),
      ...unfinished.map((d) => basename(d.file).replace(/\.ya?ml$/u, '')),
    ]),
    district,
    slug,
  });
  const entrySlug = fields.find((f) => f.key === 'slug')!.value as string;
  const manifest = join(contentDir, 'documents', `${entrySlug}.yaml`);
  if (existsSync(manifest)) throw new AddError(`${manifest} already exists: choose another slug with --slug`);
  const yaml = draftYaml(
    fields,
    `由 npm run add 据 ${name} 起草：核对每个“推测”，填写每个“必填”（字段说明见 README 的 Adding a document）。`,
  );
  // The draft must read back as the fields it was made from.
  parseYaml(yaml);
  if (resolve(target) !== resolve(file)) copyFileSync(file, target);
  writeFileSync(manifest, yaml);
  const { entry, missing } = previewEntry(fields, content);
  const report = buildOne(entry, manifest, content, contentDir);
  if (missing.length)
    report.unshift(`（预览：${missing.join('、')} 尚待填写；填好之前 npm run build 会报错并指出这些字段）`);
  return { manifest, drafted: true, report };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      district: { type: 'string' },
      slug: { type: 'string' },
      content: { type: 'string', default: join(root, 'content') },
    },
  });
  if (positionals.length !== 1) {
    console.error('usage: npm run add -- path/to/text.txt [--district SLUG] [--slug SLUG]');
    process.exit(2);
  }
  try {
    const result = addDocument({
      file: positionals[0],
      contentDir: resolve(values.content),
      district: values.district,
      slug: values.slug,
    });
    const manifest = relative(process.cwd(), result.manifest);
    console.log(
      result.drafted ? `已加入原文，起草了 ${manifest}` : `原文已在文库中（${manifest}）：按其 YAML 重新整理`,
    );
    console.log(result.report.join('\n'));
    console.log(
      [
        '下一步：',
        `  1. 打开 ${manifest}：核对每个“推测”，填写每个“必填”；看上面“需要检查”的各处（原文截断、首部、标题）。`,
        `  2. 改了 YAML 后再运行 npm run add -- ${positionals[0]}，看整理结果。`,
        '  3. npm run build，npm run golden:update（写入新页面的 golden 文件），npm test。',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`npm run add failed:\n${(error as Error).message}`);
    process.exit(1);
  }
}
