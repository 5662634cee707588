/**
 * Every document page's reusable files agree with the page they were built beside (same tree, one
 * serializer each: scripts/mdx/to-*.ts): the JSON's blocks are the page's passages (same ids, same
 * text, tables with the same rows and merged cells), the plain text and the Markdown hold every
 * passage of the page in order, each table's CSV is the page's table cell by cell (UTF-8 with BOM),
 * the page links to all of them, and catalog.json lists every page with links that resolve.
 */
import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Nodes as MdastNodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import type { ExportedBlock, ExportedCell, ExportedDocument } from '../../scripts/mdx/to-json.ts';
import { pageFiles } from '../../src/lib/downloads.ts';
import { distDir } from '../support/serve-dist.ts';

const catalog = JSON.parse(
  readFileSync(join(distDir, '..', 'src', 'generated', 'catalog.json'), 'utf8'),
) as Catalog;
const read = (sitePath: string) => readFileSync(join(distDir, sitePath), 'utf8');
const squash = (text: string) => text.replace(/\s+/gu, '');
const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Site-made parts of a passage, not its words: link and repair marks, notes' back links, search-ignored parts. */
function skipped(el: Element): boolean {
  const classes = (el.properties.className as string[] | undefined) ?? [];
  return (
    el.properties.dataSearchIgnore !== undefined ||
    classes.some((c) => ['cite', 'repair-mark', 'back-ref'].includes(c)) ||
    el.tagName === 'script'
  );
}

/** A passage's text as the page shows it, <br> as a line break. */
function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (skipped(node)) return '';
    if (node.tagName === 'br') return '\n';
  }
  return 'children' in node ? node.children.map((c) => textOf(c as ElementContent)).join('') : '';
}

/** The table's cells on its grid, as the CSV must hold them: a merged cell's text at its top-left. */
function pageGrid(table: Element): string[][] {
  const grid: string[][] = [];
  (selectAll('tr', table) as Element[]).forEach((tr, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of selectAll(':scope > th, :scope > td', tr) as Element[]) {
      while (grid[r][column] !== undefined) column++;
      const rows = Number(cell.properties.rowSpan ?? 1);
      const cols = Number(cell.properties.colSpan ?? 1);
      for (let dr = 0; dr < rows; dr++)
        for (let dc = 0; dc < cols; dc++) {
          grid[r + dr] ??= [];
          grid[r + dr][column + dc] = dr === 0 && dc === 0 ? textOf(cell) : '';
        }
      column += cols;
    }
  });
  const width = Math.max(...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

const cellsOf = (rows: Element[]): ExportedCell[][] =>
  rows.map((tr) =>
    (selectAll(':scope > th, :scope > td', tr) as Element[]).map((c) => {
      const rowspan = Number(c.properties.rowSpan ?? 1);
      const colspan = Number(c.properties.colSpan ?? 1);
      // A row's name (th scope=row), or the head cell over that column (class row-header).
      const classes = (c.properties.className as string[] | undefined) ?? [];
      const rowHeader = c.properties.scope === 'row' || classes.includes('row-header');
      return {
        text: textOf(c),
        ...(rowspan > 1 ? { rowspan } : {}),
        ...(colspan > 1 ? { colspan } : {}),
        ...(rowHeader ? { rowHeader } : {}),
      };
    }),
  );

/** The passages of a page's body in reading order, each its words only (a jump line: its mark). */
function pagePassages(body: Element): string[] {
  return (selectAll('h2, h3, h4, h5, h6, p, li, figcaption, th, td', body) as Element[])
    .filter((el) => !skipped(el))
    .map((el) => {
      const classes = (el.properties.className as string[] | undefined) ?? [];
      return squash(classes.includes('jump-note') ? textOf(select('.jump-mark', el)!) : textOf(el));
    })
    .filter(Boolean);
}

/** The first passage of `passages` that `text` does not hold in order, or undefined. */
function missingInOrder(passages: string[], text: string): string | undefined {
  let at = 0;
  for (const passage of passages) {
    const found = text.indexOf(passage, at);
    if (found < 0) return passage;
    at = found + passage.length;
  }
  return undefined;
}

/** Markdown read back: its text, a footnote reference as its label (the number the page shows). */
function markdownText(markdown: string): string {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const textOfMd = (node: MdastNodes): string => {
    if (node.type === 'yaml') return '';
    if (node.type === 'footnoteReference') return node.label ?? node.identifier;
    if (node.type === 'footnoteDefinition')
      return `${node.label ?? node.identifier}.${node.children.map(textOfMd).join('')}`;
    if (node.type === 'html') return textOf(fromHtml(node.value, { fragment: true }));
    if ('value' in node) return node.value;
    return 'children' in node ? (node.children as MdastNodes[]).map(textOfMd).join('\n') : '';
  };
  return textOfMd(tree);
}

for (const { path } of catalog.pages) {
  describe(`/docs/${path}/`, () => {
    const files = pageFiles(path);
    const page = fromHtml(read(join(files.page, 'index.html')));
    const body = select('.doc-body', page)!;
    const doc = JSON.parse(read(files.json)) as ExportedDocument;

    test('links to its text, Markdown and JSON, and each table to its CSV; few files per page', () => {
      const hrefs = new Set(
        (selectAll('.doc-meta a[download]', page) as Element[]).map((a) => a.properties.href),
      );
      for (const file of [files.text, files.markdown, files.json])
        assert.ok(hrefs.has(`/${file}`), `links to /${file}`);
      const tables = selectAll('figure.table-figure[id]', body) as Element[];
      for (const figure of tables) {
        const link = select('.table-download a[download]', figure);
        assert.equal(
          link?.properties.href,
          `${figure.properties.id}.csv`,
          `table ${figure.properties.id} links its CSV`,
        );
      }
      // The page itself, its three files and one CSV per table (its articles' files are theirs).
      const own = globSync([`docs/${path}.*`, `docs/${path}/index.html`, `docs/${path}/*.csv`], {
        cwd: distDir,
      });
      assert.deepEqual(own.length, 4 + tables.length, own.join(', '));
    });

    test('the JSON holds every passage of the page, with the page’s ids, text and rows', () => {
      assert.equal(doc.format, 'ningbo-policy-library/document@1');
      assert.equal(doc.metadata.title, textOf(select('h1', page)!).trim());
      const ids = new Set<string>();
      const byId = (id: string) => {
        ids.add(id);
        const el = select(`[id="${id}"]`, body) as Element | undefined;
        assert.ok(el, `#${id} is on the page`);
        return el;
      };
      // The marker is left out of search (it is not the source's words), not out of the page.
      const gaps = (selectAll('p.source-gap', body) as Element[]).map((p) => p.children.map(textOf).join(''));
      for (const block of doc.blocks as ExportedBlock[]) {
        switch (block.type) {
          case 'heading':
          case 'paragraph':
          case 'front': {
            const el = byId(block.id);
            assert.equal(el.tagName, block.type === 'heading' ? `h${block.depth}` : 'p', `#${block.id}`);
            assert.equal(collapse(textOf(el)), collapse(block.text), `#${block.id}`);
            break;
          }
          case 'table': {
            const el = byId(block.id);
            assert.equal(textOf(select('figcaption', el)!).trim(), block.caption);
            assert.deepEqual(cellsOf(selectAll('thead tr', el) as Element[]), block.head);
            assert.deepEqual(cellsOf(selectAll('tbody tr', el) as Element[]), block.body);
            if (block.note) assert.equal(collapse(textOf(byId(`${block.id}-note`))), collapse(block.note));
            assert.equal(block.csv, `/docs/${path}/${block.id}.csv`);
            break;
          }
          case 'box': {
            const el = byId(block.id);
            assert.equal(textOf(byId(`${block.id}-title`)).trim(), block.title);
            for (const item of block.items) {
              const itemEl = byId(item.id);
              assert.equal(itemEl.tagName, item.item ? 'li' : 'p');
              assert.ok(
                el.children.length && collapse(textOf(itemEl)) === collapse(item.text),
                `#${item.id}`,
              );
            }
            break;
          }
          case 'figure':
            assert.equal(textOf(select('figcaption', byId(block.id))!).trim(), block.caption);
            break;
          case 'jump':
            assert.equal(textOf(select('.jump-mark', byId(block.id))!), block.text);
            break;
          case 'gap':
            assert.equal(gaps.shift(), `〔${block.marker}〕`);
            break;
        }
      }
      assert.deepEqual(gaps, [], 'every mark of missing source text is in the JSON');
      for (const note of doc.notes) {
        const el = byId(note.id);
        assert.equal(textOf(select('dfn', el)!), note.term);
        assert.ok(collapse(textOf(el)).endsWith(`。${collapse(note.definition)}`), `#${note.id}`);
        assert.ok(select(`[id="${note.ref}"]`, body), `#${note.ref} refers to note ${note.number}`);
      }
      // …and the page has no citable passage the JSON lacks.
      const pageIds = (selectAll('h2, h3, h4, h5, h6, p, li, figure, aside', body) as Element[])
        .map((el) => el.properties.id)
        .filter((id): id is string => typeof id === 'string');
      assert.deepEqual(
        pageIds.filter((id) => !ids.has(id)),
        [],
      );
    });

    test('the plain text and the Markdown hold every passage of the page, in order', () => {
      const passages = pagePassages(body);
      assert.ok(passages.length > 0);
      assert.equal(missingInOrder(passages, squash(read(files.text))), undefined, files.text);
      assert.equal(
        missingInOrder(passages, squash(markdownText(read(files.markdown)))),
        undefined,
        files.markdown,
      );
    });

    test('each table’s CSV is the page’s table, cell by cell, UTF-8 with a byte-order mark', () => {
      for (const figure of selectAll('figure.table-figure[id]', body) as Element[]) {
        const file = `docs/${path}/${figure.properties.id}.csv`;
        const bytes = readFileSync(join(distDir, file));
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file} starts with a BOM`);
        const rows = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
        assert.deepEqual(rows, pageGrid(select('table', figure)!), file);
      }
    });
  });
}

test('catalog.json lists every page with its metadata and links that resolve to files', () => {
  const published = JSON.parse(read('catalog.json')) as {
    format: string;
    documents: { path: string; title: string; issuer: string; links: Record<string, string | string[]> }[];
  };
  assert.equal(published.format, 'ningbo-policy-library/catalog@1');
  assert.deepEqual(
    published.documents.map((d) => d.path),
    catalog.pages.map((p) => p.path),
  );
  for (const d of published.documents) {
    const page = fromHtml(read(join(pageFiles(d.path).page, 'index.html')));
    assert.equal(d.title, textOf(select('h1', page)!).trim());
    // A document in several files links to each (links.sources).
    for (const [kind, link] of Object.entries(d.links).flatMap(([k, v]) =>
      [v].flat().map((l) => [k, l] as const),
    )) {
      const file = join(distDir, decodeURIComponent(link), kind === 'page' ? 'index.html' : '');
      assert.ok(existsSync(file), `${d.path}: ${kind} link ${link} resolves`);
    }
  }
});
