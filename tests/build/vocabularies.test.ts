/**
 * The built site follows the open vocabularies of content/: the home page, the district pages and the
 * search filter list kinds in the order of vocabularies/kinds.yaml and districts by the order of
 * vocabularies/levels.yaml, then by their own order; only what has pages is listed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { loadContent } from '../../scripts/manifest/load-content.ts';
import { builtPages } from '../support/dist-html.ts';
import { contentDir } from '../support/source-lines.ts';

const content = loadContent(contentDir);
const pages = new Map(builtPages().map((p) => [p.url, p.tree]));
const page = (url: string): Root => {
  const tree = pages.get(url);
  assert.ok(tree, `${url} is built`);
  return tree;
};
const kindOrder = new Map(content.kinds.map((k, i) => [k.name, i]));
const levelOrder = new Map(content.levels.map((l, i) => [l.name, i]));
const usedKinds = new Set(content.documents.map((d) => d.entry.kind));
const textOf = (selector: string, tree: Root | Element) =>
  selectAll(selector, tree).map((e) => toText(e).trim());

/** Asserts that the kinds appear in the vocabulary's order (each kind once, as one run). */
function inKindOrder(kinds: string[], where: string): void {
  const ranks = kinds.map((k) => kindOrder.get(k));
  assert.ok(
    ranks.every((r) => r !== undefined),
    `${where}: every kind is in the vocabulary: ${kinds.join(', ')}`,
  );
  assert.deepEqual(
    ranks,
    ranks.toSorted((a, b) => a! - b!),
    `${where}: kinds in vocabulary order: ${kinds.join(', ')}`,
  );
}

test('the search filter offers the kinds that have documents, in the vocabulary order', () => {
  const options = selectAll('#search-kind option', page('/search/'))
    .map((o) => String(o.properties.value))
    .filter(Boolean);
  assert.deepEqual(
    options,
    content.kinds.map((k) => k.name).filter((name) => usedKinds.has(name)),
  );
});

test('home, sidebar and search filter list the districts with pages by level order, then by order', () => {
  const withPages = new Set(
    content.documents.flatMap(({ entry }) => [
      entry.district,
      ...(entry.compilation?.articles.flatMap((a) => [a.district, ...a.mentions]) ?? []),
    ]),
  );
  const expected = content.districts
    .filter((d) => withPages.has(d.slug))
    .toSorted((a, b) => levelOrder.get(a.level)! - levelOrder.get(b.level)! || a.order - b.order)
    .map((d) => d.name);
  assert.deepEqual(
    selectAll('.district-card h3 a', page('/')).map((a) => toText(a)),
    expected,
  );
  assert.deepEqual(textOf('.sidebar-district .sidebar-name', page('/search/')), expected);
  assert.deepEqual(textOf('#search-district option', page('/search/')).slice(1), expected);
});

test('the home page counts as 区县（市） only the districts of a county level (levels.yaml: county)', () => {
  const countyLevels = new Set(content.levels.filter((l) => l.county).map((l) => l.name));
  const listed = selectAll('.district-card h3 a', page('/')).map((a) => toText(a));
  const counties = content.districts.filter((d) => countyLevels.has(d.level) && listed.includes(d.name));
  assert.ok(counties.length < listed.length, 'the city itself is listed on the home page, but is no county');
  const stat = textOf('.stats li', page('/')).find((s) => s.endsWith('个区县（市）'));
  assert.equal(stat, `${counties.length} 个区县（市）`);
});

test('home and district pages list documents grouped by kind, in the vocabulary order', () => {
  // A kind's name is the text of its chip or heading, without the count beside it.
  const names = (selector: string, tree: Root | Element) =>
    selectAll(selector, tree).map((e) =>
      e.children
        .filter((c) => c.type === 'text')
        .map((c) => c.value)
        .join('')
        .trim(),
    );
  for (const card of selectAll('.district-card', page('/')))
    inKindOrder(names('.district-kinds a', card), `home, ${toText(select('h3 a', card)!)}`);
  for (const district of content.districts) {
    const tree = pages.get(`/district/${district.slug}/`);
    if (tree) inKindOrder(names('.listing-group > h2', tree), `/district/${district.slug}/`);
  }
});

test('the home page names the kinds it holds, in the vocabulary order', () => {
  const named = [...usedKinds].toSorted((a, b) => kindOrder.get(a)! - kindOrder.get(b)!);
  const list = new Intl.ListFormat('zh', { type: 'conjunction' }).format(named);
  assert.ok(toText(select('.hero .lead', page('/'))!).includes(`：${list}。`));
});
