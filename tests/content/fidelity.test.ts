/**
 * The pages present their sources faithfully, and say so truly.
 *
 * Properties that hold for any document: no paragraph starts with spaces; an unfinished paragraph never stands before a heading or
 * the page's end without a marker of the gap; a numbered sequence never skips a number without one;
 * a folded heading takes its section with it (no paragraph of a folded heading is left outside the
 * fold); a fold that repeats another page names that page; a 整理说明 entry says each thing once; the sidebar labels a compilation's
 * articles as such; no table cell prints a line twice; the
 * metadata marked as the editors' is exactly what the manifest says the text does not state.
 *
 * Facts about one seed document (which passage is attributed where, which gaps, which entries of
 * 整理说明 …) live beside it in tests/content/expected/<slug>.yaml under `fidelity`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { parse as parseYaml } from 'yaml';
import { fidelitySchema, type Fidelity } from './fidelity-facts.ts';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { endsSentence } from '../../src/lib/conventions/sentence-ends.ts';
import { distDir } from '../support/serve-dist.ts';
import { shownRepairs } from '../support/repair-note.ts';
import { readHtml, squash } from '../support/site-text.ts';
import { documents, pagePaths } from '../support/source-lines.ts';

function expected(slug: string): Fidelity | undefined {
  const file = join(import.meta.dirname, 'expected', `${slug}.yaml`);
  const facts = existsSync(file) ? parseYaml(readFileSync(file, 'utf8'))?.fidelity : undefined;
  return facts === undefined ? undefined : fidelitySchema.parse(facts);
}

const pageTree = (path: string): Root => readHtml(join(distDir, 'docs', path, 'index.html'));
const isElement = (node: ElementContent | undefined): node is Element => node?.type === 'element';
const elements = (parent: Element) => parent.children.filter(isElement);
const hasClass = (el: Element | undefined, name: string) =>
  (el?.properties.className as string[] | undefined)?.includes(name) ?? false;
const isHeading = (el: Element | undefined) => !!el && /^h[2-6]$/.test(el.tagName);
/** A block's own text: without the repair mark and cite controls (they have no text anyway). */
const textOf = (el: Element) => squash(toText(el));

const all = documents().flatMap((doc) => pagePaths(doc).map((path) => ({ doc, path })));

describe('properties of every page', () => {
  for (const { path } of all) {
    test(`${path}`, () => {
      const tree = pageTree(path);
      const body = select('.doc-body', tree)!;
      const blocks = elements(body);

      // An unfinished paragraph before a heading or the page's end is marked as cut off.
      blocks.forEach((el, i) => {
        if (el.tagName !== 'p' || !el.properties.id) return;
        const next = blocks[i + 1];
        if (!endsSentence(textOf(el)) && (next === undefined || isHeading(next)))
          assert.fail(
            `#${el.properties.id} (${textOf(el).slice(-12)}) is unfinished, with no gap marker after it`,
          );
      });

      // No paragraph keeps an indent of spaces from the source (removing one is a recorded repair).
      for (const el of blocks)
        if (el.tagName === 'p' && el.properties.id)
          assert.doesNotMatch(toText(el), /^\s/u, `#${el.properties.id} starts with spaces`);

      // A numbered sequence skips no number without a gap marker since the heading before.
      const last = new Map<number, number>();
      let gapSince = false;
      for (const el of selectAll('h2, h3, h4, .source-gap', body)) {
        if (hasClass(el, 'source-gap')) {
          gapSince = true;
          continue;
        }
        const depth = Number(el.tagName[1]);
        for (const d of [...last.keys()]) if (d > depth) last.delete(d);
        const number = headingMarker(textOf(el))?.number;
        const previous = last.get(depth);
        if (number !== undefined && previous !== undefined && number > previous + 1)
          assert.ok(gapSince, `${textOf(el)} follows number ${previous} with no gap marker`);
        if (number !== undefined) last.set(depth, number);
        gapSince = false;
      }

      // A folded heading takes its section: no paragraph of it stays outside the fold.
      blocks.forEach((el, i) => {
        if (el.tagName !== 'details' || !hasClass(el, 'repeat')) return;
        const inside = elements(el).filter((c) => c.tagName !== 'summary');
        const next = blocks[i + 1];
        if (isHeading(inside.at(-1)) && next?.tagName === 'p' && next.properties.id)
          assert.fail(
            `the fold ending with “${textOf(inside.at(-1)!)}” leaves #${next.properties.id} outside`,
          );
      });

      // A fold that repeats another page names it, and the link goes there.
      for (const source of selectAll('.repeat-source', body)) {
        const link = select('a', source)!;
        const href = String(link.properties.href);
        if (!href.startsWith('/docs/')) continue;
        const summary = select('summary', blocks[blocks.indexOf(source) + 1])!;
        const target = pageTree(href.slice('/docs/'.length).split('#')[0]);
        const name = toText(select('.byline', target) ?? select('h1', target)!).trim();
        assert.ok(
          toText(summary).includes(name),
          `the fold linking to ${href} names “${name}”: ${toText(summary)}`,
        );
        assert.ok(toText(link).includes(name), `its link says where it goes: ${toText(link)}`);
      }

      // An editor's note that points to passages on another page is answered there: that page has a
      // note pointing back (both copies of a differing section say what they are).
      for (const link of selectAll('.editor-note a[href^="/docs/"]', body)) {
        const [targetPath, id] = String(link.properties.href).slice('/docs/'.length).split('#');
        const target = pageTree(targetPath);
        assert.ok(select(`[id="${id}"]`, target), `${link.properties.href} exists`);
        const back = selectAll('.doc-body > .editor-note a', target).some((a) =>
          String(a.properties.href).startsWith(`/docs/${path}/#`),
        );
        assert.ok(back, `${targetPath} has a note pointing back to ${path}`);
      }

      // A 整理说明 entry says each thing once: no clause of its own words (quotations aside) twice.
      for (const kind of shownRepairs(tree))
        for (const entry of kind.entries) {
          const clauses = entry.text
            .replace(/“[^”]*”/gu, '“”')
            .split(/[，。；：（）]/u)
            .map((c) => c.trim())
            .filter((c) => c.length >= 6);
          const twice = clauses.find((c, i) => clauses.indexOf(c) !== i);
          assert.equal(
            twice,
            undefined,
            `${path} 整理说明, line ${entry.line}: “${twice}” twice in ${entry.text}`,
          );
        }

      // An article of a compilation is labelled as one wherever the sidebar lists it.
      for (const link of selectAll('.sidebar a[href^="/docs/"]:not([href*="#"])', tree)) {
        const isArticle = String(link.properties.href).split('/').filter(Boolean).length === 3;
        assert.equal(!!select('.sidebar-tag', link), isArticle, `the sidebar's ${link.properties.href}`);
      }

      // No table cell prints the same line twice.
      for (const cell of selectAll('.doc-body td, .doc-body th', tree)) {
        const lines = cell.children
          .reduce<string[]>(
            (acc, c) =>
              isElement(c) && c.tagName === 'br'
                ? [...acc, '']
                : [...acc.slice(0, -1), acc.at(-1)! + toText(c)],
            [''],
          )
          .map(squash);
        if (lines.length > 1) assert.ok(new Set(lines).size > 1, `a cell reads ${lines.join(' / ')}`);
      }
    });
  }
});

describe('metadata the text does not state is marked as the editors’', () => {
  for (const { doc, path } of all) {
    test(`${path}`, () => {
      const marked = selectAll('.doc-meta > div', pageTree(path))
        .filter((row) => select('.editor-supplied', row))
        .map((row) => toText(select('dt', row)!).trim());
      const supplied = Object.keys(path === doc.slug ? (doc.editorSupplied ?? {}) : {});
      // Each field marked is one the manifest says the editors supplied, with its basis shown.
      assert.equal(marked.length, path === doc.slug ? supplied.length : marked.length);
      const want = expected(doc.slug)?.editorSupplied?.[path];
      if (want) assert.deepEqual(marked.toSorted(), want.toSorted());

      // The text export states each fact the page shows, with the same mark; the Markdown export's
      // frontmatter names the supplied fields (editorSupplied), as many as the page marks.
      const text = readFileSync(join(distDir, 'docs', `${path}.txt`), 'utf8').split('\n');
      for (const row of selectAll('.doc-meta > div', pageTree(path))) {
        const label = toText(select('dt', row)!).trim();
        if (label === '下载') continue; // the files, not a fact about the document
        const value = squash(toText(select('dd', row)!));
        const line = text.find((l) => l.startsWith(`${label}：`));
        assert.ok(line && squash(line).includes(value), `${path}.txt states ${label}：${value}`);
        assert.equal(
          line.includes('〔编者补：'),
          !!select('.editor-supplied', row),
          `${path}.txt marks ${label} as the page does`,
        );
      }
      // The page's description marks a supplied value it states; no citation tag gives one.
      const head = pageTree(path);
      const description = String(select('meta[name="description"]', head)?.properties.content ?? '');
      const citation = selectAll('meta[name^="citation_"]', head).map((m) => String(m.properties.content));
      for (const row of selectAll('.doc-meta > div', head).filter((r) => select('.editor-supplied', r))) {
        const label = toText(select('dt', row)!).trim();
        const value = toText(select('dd', row)!).trim();
        if (description.includes(`${label}：`))
          assert.ok(
            description.includes(`${label}：${value}（编者补）`),
            `${path}: the description marks ${label}`,
          );
        assert.ok(
          !citation.some((c) => c.split('; ').includes(value)),
          `${path}: no citation tag gives ${value}`,
        );
      }
      const markdown = parseYaml(readFileSync(join(distDir, 'docs', `${path}.md`), 'utf8').split('---')[1]);
      assert.equal(
        Object.keys(markdown.editorSupplied ?? {}).length,
        marked.length,
        `${path}.md names the supplied fields`,
      );
    });
  }
});

describe('facts about each seed document', () => {
  for (const doc of documents()) {
    const facts = expected(doc.slug);
    if (!facts) continue;

    test(`${doc.slug}: passages attributed to another text are marked where printed, and explained where shown`, () => {
      for (const a of facts.attributed ?? []) {
        const tree = pageTree(a.page);
        const block = selectAll('.doc-body p[id], .doc-body h2[id], .doc-body h3[id]', tree).find((el) =>
          textOf(el).includes(squash(a.starts)),
        );
        assert.ok(block, `${a.page}: a block holds “${a.starts}”`);
        // The note stands before the passage, or before the fold holding it (and that fold's link).
        const siblings = elements(select('.doc-body', tree)!);
        const top = siblings.find((el) => el === block || selectAll('*', el).includes(block!))!;
        let index = siblings.indexOf(top);
        if (top.tagName === 'details') index--;
        const note = siblings[index - 1];
        assert.ok(hasClass(note, 'editor-note'), `${a.page}: an editor's note stands before “${a.starts}”`);
        assert.match(toText(note), /本站按原文的位置保留/, 'the note says the passage is kept where printed');
        if (block!.tagName === 'p' && !textOf(block!).startsWith(squash(a.starts))) {
          const span = select('.attributed', block!);
          assert.ok(
            span && textOf(span).startsWith(squash(a.starts)),
            'the passage inside its paragraph is marked',
          );
        }
        if (a.listedUnder) {
          const district = readHtml(join(distDir, 'district', a.listedUnder, 'index.html'));
          const href = `/docs/${a.page}/#${block!.properties.id}`;
          const link = selectAll('a', district).find((l) => l.properties.href === href);
          assert.ok(link, `the ${a.listedUnder} district page links to ${href}`);
          assert.match(toText(link!), /疑为/, 'saying what the passage is');
        }
        if (a.shownIn) {
          const home = pageTree(a.shownIn);
          const notes = selectAll('.doc-body > .editor-note', home);
          assert.ok(notes.length > 0, `${a.shownIn} explains the decision too`);
        }
      }
    });

    test(`${doc.slug}: gaps in the source are marked where they fall`, () => {
      for (const gap of facts.gaps ?? []) {
        const blocks = elements(select('.doc-body', pageTree(gap.page))!);
        const found = blocks.some((el, i) => {
          if (!hasClass(el, 'source-gap')) return false;
          const before = blocks[i - 1];
          const after = blocks[i + 1];
          return (
            (!gap.after || (before !== undefined && textOf(before).endsWith(squash(gap.after)))) &&
            (!gap.before || (after !== undefined && textOf(after).startsWith(squash(gap.before))))
          );
        });
        assert.ok(
          found,
          `${gap.page}: a gap marker after “${gap.after ?? ''}” and before “${gap.before ?? ''}”`,
        );
      }
    });

    test(`${doc.slug}: tables of contents, moved headlines, probable losses, previous and next`, () => {
      for (const [path, numbers] of Object.entries(facts.toc ?? {})) {
        const toc = selectAll('.page-toc a', pageTree(path)).map(
          (a) => headingMarker(toText(a).trim())?.text,
        );
        assert.deepEqual(toc, numbers, `${path}: its table of contents`);
      }
      for (const fold of facts.folds ?? []) {
        const summaries = selectAll('.doc-body details.repeat > summary', pageTree(fold.page)).map((s) =>
          toText(s).trim(),
        );
        assert.ok(
          summaries.includes(fold.summary),
          `${fold.page}: a fold reads “${fold.summary}”: ${summaries.join(' / ')}`,
        );
      }
      for (const path of facts.movedHeadlines ?? []) {
        const tree = pageTree(path);
        const h1 = select('h1', tree)!;
        const header = select('.doc-header', tree)!;
        const after = elements(header)[elements(header).indexOf(h1) + 1];
        assert.ok(hasClass(after, 'moved-note'), `${path}: the moved-headline note follows the headline`);
        assert.ok(!select('.byline .moved-note', tree), `${path}: the byline carries no note`);
      }
      for (const loss of facts.probableLosses ?? []) {
        const marker = select('.doc-body .probable-loss', pageTree(loss.page));
        assert.ok(marker, `${loss.page}: a probable loss is marked`);
        const paragraph = selectAll('.doc-body p', pageTree(loss.page)).find((p) =>
          select('.probable-loss', p),
        )!;
        const parts = paragraph.children.map((c) =>
          isElement(c) && hasClass(c, 'probable-loss') ? '|' : squash(toText(c)),
        );
        assert.ok(
          parts.join('').includes(`${squash(loss.before)}|${squash(loss.after)}`),
          `the marker stands between “${loss.before}” and “${loss.after}”`,
        );
      }
      for (const [path, want] of Object.entries(facts.pager ?? {})) {
        const tree = pageTree(path);
        for (const rel of ['prev', 'next'] as const) {
          const link = select(`.pager a[rel="${rel}"]`, tree);
          assert.equal(
            link?.properties.href,
            want[rel] ? `/docs/${want[rel]}/` : undefined,
            `${path}: ${rel}`,
          );
        }
      }
    });

    test(`${doc.slug}: 整理说明 entries, metadata, table cells and recorded joins`, () => {
      for (const fact of facts.repairs ?? []) {
        const kind = shownRepairs(pageTree(fact.page)).find((k) => k.kind === fact.kind);
        const where = `${fact.page}, ${fact.kind}`;
        if (fact.count === 0) {
          assert.equal(kind, undefined, `${where}: not listed`);
          continue;
        }
        assert.ok(kind, `${where}: listed`);
        if (fact.count !== undefined) assert.equal(kind.count, fact.count, `${where}: count`);
        const lines = kind.entries.map((e) => e.line);
        if (fact.lines) assert.deepEqual(lines, fact.lines, `${where}: lines`);
        if (fact.from !== undefined) assert.equal(Math.min(...lines), fact.from, `${where}: first line`);
        if (fact.through !== undefined) assert.equal(Math.max(...lines), fact.through, `${where}: last line`);
        if (fact.label) assert.equal(kind.label, fact.label, `${where}: label`);
        if (fact.includes)
          assert.ok(
            kind.entries.some((e) => e.text.includes(fact.includes!)),
            `${where}: an entry says “${fact.includes}”`,
          );
      }
      for (const fact of facts.meta ?? []) {
        const row = selectAll('.doc-meta > div', pageTree(fact.page)).find(
          (r) => toText(select('dt', r)!).trim() === fact.field,
        );
        if (fact.absent) assert.equal(row, undefined, `${fact.page}: no ${fact.field}`);
        else
          assert.ok(
            row && toText(select('dd', row)!).includes(fact.includes!),
            `${fact.page}: ${fact.field}`,
          );
      }
      for (const fact of facts.cells ?? []) {
        const table = select(`[id="${fact.table}"]`, pageTree(fact.page))!;
        const cells = selectAll('td, th', table).map((c) => squash(toText(c)));
        assert.ok(
          cells.includes(squash(fact.text)),
          `${fact.page} #${fact.table}: a cell reads ${fact.text}`,
        );
      }
      for (const fact of facts.joined ?? []) {
        const paragraphs = selectAll('.doc-body p', pageTree(fact.page)).map(textOf);
        assert.ok(
          paragraphs.some((p) => p.includes(squash(fact.text))),
          `${fact.page}: one paragraph holds ${fact.text}`,
        );
      }
    });
  }
});
