/**
 * Every document page carries citation metadata that reference managers read: the Highwire Press
 * citation_* meta tags in <head>, as Zotero's Embedded Metadata translator and Google Scholar read
 * them (by name, content trimmed), and they say what the page shows: its title (h1), issuer or
 * author, 文号 and date — as far as the text states them: a value the page marks 编者补 (and an issuer
 * value that is no issuing body, such as a 刊载版面) is in no tag, since a tag cannot mark it. citation_technical_report_institution is what makes Zotero save a report
 * (机构 = the issuer, 报告编号 = the 文号) instead of guessing a journal article from citation_title.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { builtPages } from '../support/dist-html.ts';

const docs = builtPages().filter((p) => p.url.startsWith('/docs/'));

/** The content of each <meta name> in <head>, as the translator reads it (all values of a repeated name). */
function highwire(tree: Root): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of selectAll('head meta[name^="citation_"]', tree) as Element[]) {
    const name = String(meta.properties.name);
    tags.set(name, [...(tags.get(name) ?? []), String(meta.properties.content ?? '').trim()]);
  }
  return tags;
}

/**
 * What the page's metadata list (dl.doc-meta) shows under a label, as the text states it: a value the
 * page marks 编者补 is not stated by the text, and a tag cannot carry that mark, so none gives it.
 */
function shown(tree: Root, label: RegExp): string | undefined {
  const row = (selectAll('.doc-meta > div', tree) as Element[]).find((div) => {
    const dt = select('dt', div);
    return dt !== undefined && label.test(toText(dt).trim());
  });
  return row && !select('.editor-supplied', row) ? toText(select('dd', row)!).trim() : undefined;
}

test('there are document pages', () => assert.ok(docs.length >= 10));

for (const page of docs)
  test(`${page.url} has Highwire citation metadata that matches the page`, () => {
    const tags = highwire(page.tree);
    const one = (name: string) => {
      const values = tags.get(name) ?? [];
      assert.ok(values.length <= 1, `${name} appears once`);
      return values[0];
    };
    assert.equal(one('citation_title'), toText(select('h1', page.tree)!).trim());
    // The issuer, when the page shows one that the text states (not 编者补, not a 刊载版面).
    const issuer = shown(page.tree, /^(发布机关|作者)$/u);
    assert.deepEqual(tags.get('citation_author'), issuer && [issuer]);
    // Zotero's item type: a report with this institution.
    assert.equal(one('citation_technical_report_institution'), issuer);
    assert.equal(one('citation_technical_report_number'), shown(page.tree, /^文号$/u));
    assert.equal(
      one('citation_keywords'),
      [shown(page.tree, /^地区$/u), shown(page.tree, /^类别$/u)].filter(Boolean).join('; '),
    );
    const time = select('.doc-meta time', page.tree);
    const date = time && String(time.properties.dateTime);
    assert.equal(one('citation_date'), date?.replaceAll('-', '/'));
    if (date) assert.match(one('citation_date')!, /^\d{4}\/\d{2}\/\d{2}$/u, 'Google Scholar’s date form');
    assert.equal(one('citation_language'), 'zh');
  });
