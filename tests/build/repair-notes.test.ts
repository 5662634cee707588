/**
 * What the site says about its own repairs is true: for every source, the pipeline's repair log is
 * listed, kind by kind and entry by entry, in the 整理说明 of the pages made from it — each entry
 * once, with its source line, on one page; each page's counts are its entries' counts and the
 * pages' counts add up to the log's. Every entry that links to a passage links to one on its page,
 * and every mark in the text links back to an entry.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { normalizeDocument } from '../../scripts/normalize/pipeline.ts';
import { distDir } from '../support/serve-dist.ts';
import { shownRepairs } from '../support/repair-note.ts';
import { readHtml } from '../support/site-text.ts';
import { contentDir, documents, pagePaths } from '../support/source-lines.ts';

const page = (path: string) => readHtml(join(distDir, 'docs', path, 'index.html'));

describe('整理说明 lists exactly the repair log', () => {
  for (const doc of documents()) {
    test(`${doc.slug}: every repair the pipeline logged is on its pages, with its line, and the counts add up`, () => {
      const log = normalizeDocument(doc, contentDir).repairs;
      const shown = pagePaths(doc).map((path) => ({ path, kinds: shownRepairs(page(path)) }));
      for (const { path, kinds } of shown)
        for (const kind of kinds)
          assert.equal(
            kind.count,
            kind.entries.reduce((sum, e) => sum + e.count, 0),
            `${path}: “${kind.label}” says ${kind.count}, its entries count otherwise`,
          );
      for (const summary of log) {
        const onPages = shown.flatMap(({ path, kinds }) =>
          kinds.filter((k) => k.kind === summary.kind).map((k) => ({ path, ...k })),
        );
        assert.ok(onPages.length > 0, `“${summary.label}” (${summary.kind}) is logged but on no page`);
        for (const k of onPages)
          assert.equal(k.label, summary.label, `${k.path}: the label of ${summary.kind}`);
        assert.equal(
          onPages.reduce((sum, k) => sum + k.count, 0),
          summary.count,
          `“${summary.label}”: the pages' counts add up to the log's`,
        );
        const lines = (list: number[]) => list.toSorted((a, b) => a - b);
        assert.deepEqual(
          lines(onPages.flatMap((k) => k.entries.map((e) => e.line))),
          lines(summary.details.map((d) => d.line)),
          `“${summary.label}”: every logged line is listed once`,
        );
      }
      const logged = new Set<string>(log.map((s) => s.kind));
      for (const { path, kinds } of shown)
        for (const kind of kinds)
          assert.ok(logged.has(kind.kind), `${path}: “${kind.label}” is listed but was never logged`);
    });
  }
});

describe('整理说明 and the text link to each other', () => {
  for (const doc of documents()) {
    for (const path of pagePaths(doc)) {
      test(`${path}`, () => {
        const tree = page(path);
        const entries = new Set(shownRepairs(tree).flatMap((k) => k.entries.map((e) => e.id)));
        for (const kind of shownRepairs(tree))
          for (const entry of kind.entries) {
            if (!entry.href) continue;
            const target = entry.href.slice(1);
            assert.ok(select(`[id="${target}"]`, tree), `${entry.id} (${entry.text}) links to #${target}`);
          }
        const marks = selectAll('.doc-body a.repair-mark', tree);
        for (const mark of marks) {
          const id = String(mark.properties.href).slice(1);
          assert.ok(entries.has(id), `a mark links to #${id}, an entry of 整理说明`);
        }
        const linked = shownRepairs(tree).flatMap((k) =>
          k.entries.filter((e) => e.href && e.href !== '#top'),
        );
        assert.equal(
          marks.length,
          new Set(linked.map((e) => e.href)).size,
          'each passage an entry links to carries one mark',
        );
      });
    }
  }
});
