/**
 * What the pipeline recognised in one normalized document, for the maintainer who adds it: the
 * masthead, the headings by level, tables, 专栏, figures, notes, the lines it joined and its other
 * repairs, and what looks wrong: a long paragraph without a sentence end, a heading marker inside a
 * paragraph, a short line without punctuation left a paragraph, a text that starts or ends mid-sentence.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingMarker, headingMarkersInside } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import { endsSentence, hasSentencePunctuation } from '../../src/lib/conventions/sentence-ends.ts';
import { sourceLine, type SourceFilePart } from '../normalize/pass.ts';
import type { NormalizedSource } from '../normalize/pipeline.ts';

/** A paragraph this long with no sentence end in it is likely several paragraphs, or a cut text. */
const LONG_WITHOUT_END = 200;
/** A line this short without punctuation reads like a title. */
const SHORT_LINE = 24;
const SAMPLES = 8;

interface Suspicion {
  line?: number;
  message: string;
}

const clip = (text: string, length = 24) => (text.length > length ? `${text.slice(0, length)}…` : text);
type LineLabel = (line?: number) => string;

/** How the report names a line: its number, and its file for a document in several files. */
function lineLabel(parts: readonly SourceFilePart[]): LineLabel {
  return (line) => {
    if (!line) return '';
    const where = sourceLine(parts, line);
    return `${where.file ? `${where.file} ` : ''}第${where.line}行`;
  };
}

/** Passages of a page that a maintainer should look at. */
function suspiciousPassages(tree: Root): Suspicion[] {
  const found: Suspicion[] = [];
  const body = tree.children.filter((n) => n.type !== 'preamble');
  body.forEach((node) => {
    if (node.type !== 'paragraph') return;
    const text = toString(node).trim();
    const line = node.data?.line;
    if (text.length > LONG_WITHOUT_END && !/[。！？!?]/u.test(text))
      found.push({ line, message: `${text.length} 字的段落中没有句末标点：“${clip(text)}”` });
    for (const offset of headingMarkersInside(text))
      found.push({
        line,
        message: `段落中间有像标题的一行，未识别为标题：“${clip(text.slice(offset))}”`,
      });
    if (headingMarker(text)) found.push({ line, message: `以标题序号开头却未识别为标题：“${clip(text)}”` });
    else if (
      text.length <= SHORT_LINE &&
      !hasSentencePunctuation(text) &&
      !endsSentence(text) &&
      !itemMarker(text)
    )
      found.push({ line, message: `短行无标点，像标题却留作段落：“${text}”` });
  });
  // A text that ends mid-sentence, unless the manifest already says the source stops there (a gap the
  // pipeline inferred by rule is marked on the page, but the maintainer should still confirm it).
  const end = body.at(-1);
  const last = end?.type === 'sourceGap' && end.inferred ? body.at(-2) : end;
  if (last?.type === 'paragraph' && !endsSentence(toString(last)))
    found.push({
      line: last.data?.line,
      message: `正文在句中结束（“…${toString(last).trim().slice(-12)}”）：若原文在此截断，请在 YAML 中注明`,
    });
  return found;
}

function headingLines(tree: Root, at: LineLabel): string[] {
  return tree.children.flatMap((node) =>
    node.type === 'heading'
      ? [`${'  '.repeat(node.depth - 2)}h${node.depth} ${toString(node)}  ${at(node.data?.line)}`]
      : [],
  );
}

function count(tree: Root, type: RootContent['type']): number {
  return tree.children.filter((n) => n.type === type).length;
}

/** The report, one line per string. */
export function recognitionReport(source: NormalizedSource): string[] {
  const at = lineLabel(source.parts);
  const out: string[] = [];
  for (const page of source.pages) {
    const { tree } = page;
    out.push(`页面 /docs/${page.path}/`);
    const preamble = tree.children.find((n) => n.type === 'preamble');
    if (preamble)
      out.push(
        `  原文首部（${preamble.children.length} 行，原样显示在正文之上）：${preamble.children.map((p) => clip(toString(p), 40)).join(' | ')}`,
      );
    else out.push('  原文首部：无（没有 preamble.until）');
    const headings = headingLines(tree, at);
    const byDepth = new Map<number, number>();
    for (const node of tree.children)
      if (node.type === 'heading') byDepth.set(node.depth, (byDepth.get(node.depth) ?? 0) + 1);
    out.push(
      `  标题：${headings.length} 个${[...byDepth].map(([depth, n]) => `，h${depth} ${n} 个`).join('')}`,
    );
    out.push(...headings.map((h) => `    ${h}`));
    const tables = tree.children.flatMap((n) =>
      n.type === 'sourceTable' ? [`${n.caption}（${n.body.length} 行）`] : [],
    );
    const glossary = tree.children.find((n) => n.type === 'glossary');
    const jumps = tree.children.flatMap((n) =>
      n.type === 'jumpNote' ? [`【${n.value}】${at(n.data?.line)}`] : [],
    );
    out.push(
      `  表格 ${tables.length} 个${tables.length ? `：${tables.join('、')}` : ''}；专栏 ${count(tree, 'box')} 个；图 ${count(tree, 'figure')} 个；` +
        `名词解释 ${glossary?.type === 'glossary' ? glossary.entries.length : 0} 条；转版注记 ${jumps.length} 个${jumps.length ? `：${jumps.join('、')}` : ''}`,
    );
    out.push(
      `  段落 ${count(tree, 'paragraph')} 个${
        source.pages.length > 1
          ? ''
          : `，来自 ${source.correctedText.split('\n').filter((l) => l.trim()).length} 行非空原文`
      }`,
    );
    const suspicions = suspiciousPassages(tree);
    if (suspicions.length) {
      out.push(`  需要检查（${suspicions.length} 处）：`);
      out.push(...suspicions.map((s) => `    ${at(s.line)} ${s.message}`.trimEnd()));
    } else out.push('  需要检查：无');
  }
  out.push('整理（整理说明中列出）：');
  if (source.repairs.length === 0) out.push('  无');
  for (const repair of source.repairs) {
    out.push(`  ${repair.label}：${repair.count} 处${repair.reason ? `（${repair.reason}）` : ''}`);
    const samples = repair.details
      .slice(0, SAMPLES)
      .map((d) => `${d.file ? `${d.file} ` : ''}第${d.line}行 ${d.text}`.trim());
    if (samples.length) out.push(`    ${samples.join('；')}${repair.details.length > SAMPLES ? '；…' : ''}`);
  }
  return out;
}
