/**
 * What a reader scans on /search/, in a real Chromium against the built site (issue 15, items 1–4):
 * results grouped by document with the distribution per district, kind, year and document (each a
 * filter, counts checked against a substring scan), excerpts that show a heading match's body,
 * help when nothing is found, and filters that apply only on an explicit choice, by keyboard too.
 * Queries and expected figures come from the built site itself, so the tests hold for any library.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright';
import type { Catalog } from '../../scripts/manifest/site-data.ts';
import { readSite } from '../../scripts/search-records.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import { PER_DOCUMENT } from '../../src/lib/search/count-message.ts';
import { yearLabel, yearOf } from '../../src/lib/navigation.ts';
import { siteInBrowser } from '../support/browser.ts';
import { distDir } from '../support/serve-dist.ts';

const live = siteInBrowser();

/** Ctrl+F folding, written out from its definition: widths, then whitespace, then Latin case. */
const fold = (s: string) => foldWidth(s).replace(/\s+/gu, '').toLowerCase();
const catalog = JSON.parse(
  readFileSync(join(distDir, '..', 'src', 'generated', 'catalog.json'), 'utf8'),
) as Catalog;
const site = readSite(distDir).map((p) => {
  let text = '';
  const sections = p.records.map((r) => {
    const start = text.length;
    text += fold(r.blocks.map((b) => b.text).join(''));
    return { anchor: r.anchor, heading: r.heading, blocks: r.blocks, start, text: text.slice(start) };
  });
  return { path: p.path, title: p.title, text, sections, cat: catalog.pages.find((c) => c.path === p.path)! };
});
const districtName = new Map(catalog.districts.map((d) => [d.slug, d.name]));
const districtsOf = (cat: Catalog['pages'][number]) => [...new Set([cat.district, ...(cat.mentions ?? [])])];

/** The scan: per page, the sections where q starts and the hits (a match may run on into the next section). */
function scan(q: string): Map<string, { sections: number; hits: number }> {
  const needle = fold(q);
  const out = new Map<string, { sections: number; hits: number }>();
  for (const p of site) {
    const holding = new Map<number, number>();
    for (let at = p.text.indexOf(needle); at !== -1; at = p.text.indexOf(needle, at + 1)) {
      const k = p.sections.findLastIndex((s) => s.start <= at);
      holding.set(k, (holding.get(k) ?? 0) + 1);
    }
    if (holding.size)
      out.set(p.path, { sections: holding.size, hits: [...holding.values()].reduce((a, b) => a + b, 0) });
  }
  return out;
}

/** A run of n Han characters of the site held by the most documents (then sections). */
function spreadTerm(n: number): string {
  const docs = new Map<string, Set<string>>();
  for (const p of site)
    for (let i = 0; i + n <= p.text.length; i += 1) {
      const piece = p.text.slice(i, i + n);
      if (!/^\p{Script=Han}+$/u.test(piece)) continue;
      if (!docs.has(piece)) docs.set(piece, new Set());
      docs.get(piece)!.add(p.path);
    }
  return [...docs].sort((a, b) => b[1].size - a[1].size)[0][0];
}

async function fresh(): Promise<Page> {
  const ctx = await live.browser.newContext();
  return ctx.newPage();
}
/** Opens a search and waits until its counts are exact (every section counted, on request if need be). */
async function searchCounted(page: Page, params: Record<string, string>) {
  await page.goto(`${live.site.url}/search/?${new URLSearchParams(params)}`);
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
  for (;;) {
    await page.waitForFunction(() => {
      const exact = document.getElementById('search-results')!.dataset.exact === 'true';
      return exact || !(document.getElementById('search-settle') as HTMLButtonElement).hidden;
    });
    if ((await page.locator('#search-results').getAttribute('data-exact')) === 'true') break;
    await page.locator('#search-settle').click();
  }
  if (await page.locator('#search-results .search-result').count())
    await page.locator('#search-facets:not([hidden])').waitFor();
}
/** A distribution's entries: label and count text. */
const facet = (page: Page, name: string) =>
  page.locator(`#search-facets [data-facet="${name}"] li`).evaluateAll((items) =>
    items.map((li) => {
      const label = li.querySelector('a, strong')!.textContent!;
      const count = li.querySelector('.search-facet-count')!.textContent!.trim();
      return { label, count, href: li.querySelector('a')?.href };
    }),
  );

describe('results grouped by document, with their distribution', () => {
  test('each document once, as a heading over its sections, with counts per document, district, kind and year that agree with a scan', async () => {
    const q = spreadTerm(4);
    const truth = scan(q);
    assert.ok(truth.size >= 2, `${q}: in ${truth.size} documents`);
    const page = await fresh();
    await searchCounted(page, { q });

    const groups = await page.locator('#search-results > li.search-doc').evaluateAll((items) =>
      items.map((li) => ({
        heading: li.querySelector(':scope > h2')?.textContent ?? '',
        paths: [...li.querySelectorAll('.search-result > a.search-result-link')].map(
          (a) => new URL((a as HTMLAnchorElement).href).pathname,
        ),
        count: li.querySelector('.search-doc-count')!.textContent!,
      })),
    );
    assert.equal(groups.length, truth.size, 'one group per document holding it');
    const titles = new Map(site.map((p) => [p.path, p.title]));
    for (const g of groups) {
      const path = g.paths[0].replace(/^\/docs\/|\/$/gu, '');
      assert.ok(
        g.paths.every((p) => p === g.paths[0]),
        `${g.heading}: its sections are of one document`,
      );
      assert.equal(g.heading, titles.get(path), 'the title once, as the group heading');
      const t = truth.get(path)!;
      assert.equal(g.count, `本文档 ${t.sections} 节，${t.hits} 处`, path);
      assert.equal(g.paths.length, Math.min(PER_DOCUMENT, t.sections), `${path}: its best sections`);
    }

    // The distribution: every document, district, kind and year, with its exact share.
    const expectShares = (valuesOf: (cat: Catalog['pages'][number]) => string[]) => {
      const shares = new Map<string, { documents: number; hits: number }>();
      for (const [path, t] of truth)
        for (const v of valuesOf(site.find((p) => p.path === path)!.cat)) {
          const s = shares.get(v) ?? { documents: 0, hits: 0 };
          s.documents++;
          s.hits += t.hits;
          shares.set(v, s);
        }
      return new Map([...shares].map(([v, s]) => [v, `${s.documents} 篇，${s.hits} 处`]));
    };
    for (const [name, valuesOf] of [
      ['district', (cat) => districtsOf(cat).map((d) => districtName.get(d)!)],
      ['kind', (cat) => [cat.kind]],
      ['year', (cat) => [yearLabel(yearOf(cat))]],
    ] as const satisfies [string, (cat: Catalog['pages'][number]) => string[]][]) {
      const shown = await facet(page, name);
      assert.deepEqual(new Map(shown.map((e) => [e.label, e.count])), expectShares(valuesOf), `by ${name}`);
      for (const e of shown) assert.match(e.href!, new RegExp(`[?&]${name}=`), `${e.label} is a filter`);
    }
    const documents = await facet(page, 'doc');
    for (const e of documents) {
      const p = site.find((x) => x.title === e.label)!;
      const t = truth.get(p.path)!;
      assert.equal(e.count, `${t.sections} 节，${t.hits} 处`, e.label);
      assert.equal(new URL(e.href!).searchParams.get('doc'), p.path);
    }
    assert.equal(documents.length, Math.min(truth.size, 10));

    // A status that screen readers hear says the same totals.
    const all = [...truth.values()];
    assert.match(
      await page.locator('#search-status[role="status"]').innerText(),
      new RegExp(
        `${truth.size} 篇文档中的 ${all.reduce((n, t) => n + t.sections, 0)} 节，共 ${all.reduce((n, t) => n + t.hits, 0)} 处`,
      ),
    );
    await page.context().close();
  });

  test('a district of the distribution is a filter: following it keeps the query and narrows the results to that district', async () => {
    const q = spreadTerm(4);
    const page = await fresh();
    await searchCounted(page, { q });
    const [first] = await facet(page, 'district');
    await page.locator(`#search-facets [data-facet="district"] a`, { hasText: first.label }).first().click();
    await page.waitForURL(/district=/);
    await searchCounted(page, Object.fromEntries(new URL(page.url()).searchParams));
    const slug = new URL(page.url()).searchParams.get('district')!;
    assert.equal(districtName.get(slug), first.label);
    assert.equal(new URL(page.url()).searchParams.get('q'), q);
    const paths = await page
      .locator('.search-result-link')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(paths.length > 0);
    for (const p of paths) {
      const cat = site.find((x) => `/docs/${x.path}/` === p)!.cat;
      assert.ok(districtsOf(cat).includes(slug), `${p} is listed under ${slug}`);
    }
    assert.equal((await facet(page, 'district')).find((e) => e.label === first.label)?.count, first.count);
    await page.context().close();
  });
});

describe('excerpts', () => {
  test('a match in a heading also shows the body’s paragraphs around their hits', async () => {
    // A term a section's heading holds and its body too.
    let found: { q: string; path: string; heading: string } | undefined;
    for (const p of site)
      for (const s of p.sections) {
        const heading = fold(s.heading);
        const body = fold(
          s.blocks
            .slice(1)
            .map((b) => b.text)
            .join(''),
        );
        for (let i = 0; !found && s.heading && i + 4 <= heading.length; i++) {
          const q = heading.slice(i, i + 4);
          if (/^\p{Script=Han}+$/u.test(q) && body.includes(q))
            found = { q, path: p.path, heading: s.heading };
        }
      }
    assert.ok(found, 'the site has such a section');
    const page = await fresh();
    await searchCounted(page, { q: found.q, doc: found.path });
    const item = page.locator('.search-result', {
      has: page.locator('.search-section', { hasText: found.heading }),
    });
    assert.equal(
      await item.locator('.search-section mark').first().innerText(),
      found.q,
      'marked in the heading',
    );
    const excerpts = await item.locator('.search-excerpt').allInnerTexts();
    assert.ok(excerpts.length >= 1);
    assert.ok(
      excerpts.every((e) => fold(e) !== fold(found!.heading)),
      'the excerpt is not the heading again',
    );
    assert.equal(
      await item.locator('.search-excerpt mark').first().innerText(),
      found.q,
      'a body hit, marked',
    );
    await page.context().close();
  });
});

describe('when nothing is found', () => {
  /** A district name and a term of its documents that no section holding the name holds. */
  function districtAndTerm(): { name: string; slug: string; term: string } {
    for (const d of catalog.districts) {
      const name = fold(d.name);
      for (const p of site.filter((x) => x.cat.district === d.slug))
        for (const s of p.sections)
          for (let i = 0; i + 4 <= s.text.length; i += 3) {
            const term = s.text.slice(i, i + 4);
            if (!/^\p{Script=Han}+$/u.test(term)) continue;
            const together = site.some((x) =>
              x.sections.some((y) => y.text.includes(term) && y.text.includes(name)),
            );
            if (!together) return { name: d.name, slug: d.slug, term };
          }
    }
    throw new Error('no such district and term');
  }

  test('a district name in the query is offered as the filter; the fallback is the longest part found; how search works is said', async () => {
    const { name, slug, term } = districtAndTerm();
    const page = await fresh();
    await searchCounted(page, { q: `${name} ${term}` });
    assert.match(await page.locator('#search-status').innerText(), /没有找到/);
    const offer = page.locator('#search-offers a', { hasText: `在${name}的文档中查找“${term}”` });
    await offer.waitFor();
    const href = new URL((await offer.getAttribute('href'))!, live.site.url);
    assert.equal(href.searchParams.get('q'), term);
    assert.equal(href.searchParams.get('district'), slug);
    await page.locator('#search-near:not([hidden])').waitFor();
    const longer = Array.from(term).length >= Array.from(name).length ? term : name;
    assert.match(await page.locator('#search-near-note').innerText(), new RegExp(`含有“${longer}”`));
    const how = await page.locator('#search-none .search-how').innerText();
    assert.match(how, /逐字/);
    assert.match(how, /空格.*同一节/);
    await page.context().close();
  });

  test('two terms found apart: each is offered with its count, and the fallback is a whole term, never a fragment', async () => {
    // Two terms of four characters, each in the site, never in one section.
    const a = spreadTerm(4);
    let b: string | undefined;
    outer: for (const p of site)
      for (const s of p.sections)
        for (let i = 0; i + 4 <= s.text.length; i += 5) {
          const t = s.text.slice(i, i + 4);
          if (
            /^\p{Script=Han}+$/u.test(t) &&
            !site.some((x) => x.sections.some((y) => y.text.includes(t) && y.text.includes(a)))
          ) {
            b = t;
            break outer;
          }
        }
    assert.ok(b);
    const page = await fresh();
    await searchCounted(page, { q: `${a} ${b}` });
    await page.locator('#search-near:not([hidden])').waitFor();
    assert.match(
      await page.locator('#search-near-note').innerText(),
      new RegExp(`含有“${a}”，`),
      'the first of the longest terms',
    );
    const offers = await page.locator('#search-offers').innerText();
    for (const t of [a, b]) {
      const sections = [...scan(t).values()].reduce((n, c) => n + c.sections, 0);
      assert.match(offers, new RegExp(`“${t}” (至少 )?\\d+ 节`));
      const shown = Number(new RegExp(`“${t}” (?:至少 )?(\\d+) 节`).exec(offers)![1]);
      assert.ok(shown >= 1 && shown <= sections, `${t}: ${shown} of ${sections}`);
    }
    await page.context().close();
  });
});

describe('filters apply on an explicit choice', () => {
  test('ArrowDown on a filter does not reload; the search button applies it, and the focus comes back near the results', async () => {
    const q = spreadTerm(4);
    const page = await fresh();
    await searchCounted(page, { q });
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url());
    });
    await page.locator('#search-district').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(800);
    assert.deepEqual(navigations, [], 'no reload on a change');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-district', 'the focus stays');
    const chosen = await page.locator('#search-district').inputValue();
    assert.notEqual(chosen, '');

    // Tab to 应用筛选 and press Enter: the filter applies.
    await page.locator('.search-filters button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`district=${chosen}`));
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => document.activeElement?.id === 'search-status');
    assert.equal(await page.locator('#search-district').inputValue(), chosen);
    assert.equal(new URL(page.url()).searchParams.get('q'), q);
    await page.context().close();
  });
});

describe('without script', () => {
  test('the search page says what it needs and links to every district, and keeps its help', async () => {
    const ctx = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${live.site.url}/search/?q=${encodeURIComponent(spreadTerm(4))}`);
    const note = page.locator('.search-noscript');
    assert.ok(await note.isVisible());
    assert.match(await note.innerText(), /需要启用 JavaScript/);
    const links = await note
      .locator('a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const districts = [...new Set(catalog.pages.flatMap(districtsOf))];
    assert.deepEqual(links.toSorted(), districts.map((d) => `/district/${d}/`).toSorted());
    assert.ok(await page.locator('#search-help').isVisible());
    await ctx.close();
  });
});
