/**
 * Reads the built document pages (dist/docs/…/index.html) and cuts each into search records:
 * one record per section (the page head up to the first heading, then each h2–h6 with what
 * follows it until the next heading). A record keeps its blocks (the nearest element with a stable
 * id — paragraph, list item, table, box title, heading — and its text), so a match can link to the
 * exact paragraph. Only document text counts: anything under data-search-ignore (breadcrumbs,
 * meta, 整理说明, the folded repeats <details class="repeat">) stays out.
 * data-search-body (the article) and data-search-ignore are this project's own markers, read only
 * here: Pagefind never reads these pages, it is given the records (build-search-index.ts).
 *
 * Shared by the index build and the benchmark's ground truth.
 */
import { globSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Element, Nodes, Root } from 'hast';

interface Block {
  id: string;
  text: string;
}
interface SectionRecord {
  page: string; // catalog path, e.g. "cixi-shisiwu-guihua"
  anchor: string; // id the record starts at ("top" for the page head)
  heading: string; // section heading text ('' for the page head)
  blocks: Block[];
}
export interface PageRecords {
  path: string;
  title: string;
  records: SectionRecord[];
}

const INLINE = new Set([
  'a',
  'sup',
  'sub',
  'span',
  'mark',
  'strong',
  'em',
  'b',
  'i',
  'dfn',
  'abbr',
  'code',
  'time',
  'small',
  'br',
  'u',
  's',
  'q',
  'cite',
]);
const HEADING = /^h[2-6]$/;
const SKIP = new Set(['script', 'style', 'template', 'noscript']);

function ignored(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.dataSearchIgnore !== undefined && p.dataSearchIgnore !== null && p.dataSearchIgnore !== false)
    return true;
  const cls = p.className;
  if (el.tagName === 'details' && Array.isArray(cls) && cls.includes('repeat')) return true;
  return SKIP.has(el.tagName);
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && ignored(node)) return '';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

const BODY_MARKER = 'data-search-body';
/**
 * The HTML of the page's <article data-search-body> alone: parsing the whole page (its header,
 * navigation and scripts) cost more than the article itself. The whole page when it has no such article.
 */
function articleHtml(html: string): string {
  const marker = html.indexOf(BODY_MARKER);
  const start = marker < 0 ? -1 : html.lastIndexOf('<article', marker);
  const end = start < 0 ? -1 : html.indexOf('</article>', marker);
  return end < 0 ? html : html.slice(start, end + '</article>'.length);
}

/** Cuts one page's <article data-search-body> into records. */
function pageRecords(html: string, path: string): PageRecords | undefined {
  const tree: Root = fromHtml(articleHtml(html), { fragment: true });
  const article = select(`[${BODY_MARKER}]`, tree);
  if (!article) return undefined;
  const h1 = select('h1', article);
  const title = h1 ? textOf(h1).trim() : path;
  const records: SectionRecord[] = [];
  let current: SectionRecord = { page: path, anchor: 'top', heading: '', blocks: [] };
  records.push(current);

  const addText = (anchor: string, text: string) => {
    if (!text) return;
    const last = current.blocks[current.blocks.length - 1];
    if (last && last.id === anchor) last.text += text;
    else current.blocks.push({ id: anchor, text });
  };

  const walk = (node: Nodes, anchor: string) => {
    if (node.type === 'text') {
      addText(anchor || current.anchor, node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (ignored(node)) return;
      const id = node.properties?.id;
      if (HEADING.test(node.tagName)) {
        const hid = typeof id === 'string' && id ? id : current.anchor;
        current = { page: path, anchor: hid, heading: textOf(node).replace(/\s+/gu, ' ').trim(), blocks: [] };
        records.push(current);
        anchor = hid;
      } else if (typeof id === 'string' && id && !INLINE.has(node.tagName)) {
        anchor = id;
      }
    }
    for (const child of node.children as Nodes[]) walk(child, anchor);
  };
  walk(article, '');

  for (const r of records) {
    r.blocks = r.blocks.filter((b) => b.text.replace(/\s+/gu, '') !== '');
  }
  return { path, title, records: records.filter((r) => r.blocks.length > 0) };
}

/** Every document page of a built site (its docs/<path>/index.html files), in path order. */
export function readSite(dist: string): PageRecords[] {
  const docs = join(dist, 'docs');
  return globSync('**/index.html', { cwd: docs })
    .sort()
    .map((file) => pageRecords(readFileSync(join(docs, file), 'utf8'), dirname(file).split(sep).join('/')))
    .filter((page) => page !== undefined);
}
