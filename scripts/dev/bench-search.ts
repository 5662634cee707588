/**
 * npm run bench:search — runs the public query set (tests/search/search-queries.json) through
 *  (a) this site's search page /search/?q= in Chromium, and
 *  (b) stock Pagefind (addDirectory on the same dist/, zh-cn, built into a temp dir) through its JS API
 * and scores both against the ground truth: a page / section is relevant when its text, whitespace
 * removed, contains the query (a traditional query also via its simplified form). Writes
 * bench/search-results.json and bench/search-results.md. Needs a built dist/ (npm run build).
 *
 * Per query, each system runs in a fresh browser context (cold cache); bytes = bodies of every
 * search-related request (search page script, converter, index, texts; stock: Pagefind runtime,
 * index, fragments) until the first results are shown (this site: its first page; stock: the data
 * of its first 20 results); time = from the start of the search to them. Recall and precision are
 * then scored on every result (this site: every "更多结果" followed, and every document's
 * "查看本文档全部"; stock: every result's data).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Element, Nodes } from 'hast';
import { readSite } from '../search-records.ts';
import { ENTRY_FILE, INDEX_DIR } from '../../src/lib/search/index-format.ts';
import { serveSite } from '../serve-site.ts';
import { launchBrowser } from './chromium.ts';

const root = resolve(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const benchDir = join(root, 'bench');
if (!existsSync(join(dist, INDEX_DIR, ENTRY_FILE)))
  throw new Error('dist/ is not built: run npm run build first');

interface Query {
  q: string;
  kind: string;
  simplified?: string;
}
const { queries } = JSON.parse(
  readFileSync(join(root, 'tests', 'search', 'search-queries.json'), 'utf8'),
) as { queries: Query[] };
const limit = Number(process.env.BENCH_LIMIT ?? queries.length);

// ---------- ground truth ----------
const squash = (s: string) => s.replace(/\s+/gu, '');
function ignored(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.dataSearchIgnore !== undefined && p.dataSearchIgnore !== null && p.dataSearchIgnore !== false)
    return true;
  return ['script', 'style', 'template'].includes(el.tagName);
}
function visibleText(n: Nodes): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element' && ignored(n)) return '';
  return 'children' in n ? (n.children as Nodes[]).map(visibleText).join('') : '';
}
/** Page text straight from the built HTML (independent of the record cutter). */
const pageText = new Map<string, string>();
const site = readSite(dist);
for (const p of site) {
  const html = readFileSync(join(dist, 'docs', p.path, 'index.html'), 'utf8');
  const art = select('[data-search-body]', fromHtml(html));
  pageText.set(p.path, squash(art ? visibleText(art) : ''));
}
/** Sections (page#anchor) with their text, and which section each block id belongs to. */
const sectionText = new Map<string, string>();
const blockSection = new Map<string, string>();
for (const p of site) {
  for (const r of p.records) {
    const key = `${p.path}#${r.anchor}`;
    sectionText.set(key, squash(r.blocks.map((b) => b.text).join('')));
    for (const b of r.blocks)
      if (!blockSection.has(`${p.path}#${b.id}`)) blockSection.set(`${p.path}#${b.id}`, key);
  }
}
const forms = (q: Query) => [...new Set([squash(q.q), ...(q.simplified ? [squash(q.simplified)] : [])])];
const contains = (text: string, q: Query) => forms(q).some((f) => text.includes(f));

function pageOf(href: string): { page: string; hash: string } {
  const u = new URL(href, 'http://x');
  const m = /^\/docs\/(.+?)\/?$/.exec(decodeURIComponent(u.pathname));
  return { page: m ? m[1] : u.pathname, hash: decodeURIComponent(u.hash.slice(1)) };
}

// ---------- stock index ----------
const stockDir = mkdtempSync(join(tmpdir(), 'pagefind-stock-'));
{
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(errors.join('; '));
  // The same documents only: index a copy of dist/ without our own index.
  const added = await index.addDirectory({ path: dist, glob: 'docs/**/*.html' });
  if (added.errors.length) throw new Error(added.errors.join('; '));
  await index.writeFiles({ outputPath: join(stockDir, 'pagefind') });
  await pagefind.close();
}

// ---------- server: dist/ plus the stock index under /pagefind-stock/ ----------
const server = await serveSite({ root: dist, mounts: { '/pagefind-stock/': join(stockDir, 'pagefind') } });
const origin = server.url;

interface Run {
  hrefs: string[];
  bytes: number;
  requests: number;
  ms: number;
  error?: string;
}

async function measure(
  browser: Browser,
  go: (page: import('playwright').Page, shown: () => void) => Promise<{ hrefs: string[]; ms: number }>,
  counted: RegExp,
): Promise<Run> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  let bytes = 0;
  let requests = 0;
  const pending: Promise<void>[] = [];
  // Requests after the first results (further pages, near misses, the rest of stock's data) do not count.
  let done = false;
  page.on('response', (r) => {
    if (done || !counted.test(new URL(r.url()).pathname)) return;
    requests++;
    pending.push(
      r.body().then(
        (b) => {
          bytes += b.length;
        },
        () => {},
      ),
    );
  });
  try {
    const { hrefs, ms } = await go(page, () => (done = true));
    done = true;
    await Promise.all(pending);
    return { hrefs, ms, bytes, requests };
  } catch (e) {
    return { hrefs: [], ms: NaN, bytes, requests, error: String(e) };
  } finally {
    await ctx.close();
  }
}

const ours = (browser: Browser, q: string) =>
  measure(
    browser,
    async (page, shown) => {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
      const settled = page.locator('#search-results[aria-busy="false"]');
      await settled.waitFor({ state: 'attached', timeout: 60_000 });
      shown();
      const ms = Number(await page.locator('#search-results').getAttribute('data-ms'));
      for (const more = page.locator('#search-more'); await more.isVisible();) {
        await more.click();
        await settled.waitFor({ state: 'attached', timeout: 60_000 });
      }
      const shownLinks = () =>
        page
          .locator('#search-results .search-result-link')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      const hrefs = await shownLinks();
      // Results are grouped by document, each with its best sections: the others are a search
      // narrowed to the document away ("查看本文档全部"), followed here to score every section.
      const rest = await page
        .locator('#search-results .search-doc-rest:not([hidden])')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of rest) {
        await page.goto(href);
        await settled.waitFor({ state: 'attached', timeout: 60_000 });
        for (const more = page.locator('#search-more'); await more.isVisible();) {
          await more.click();
          await settled.waitFor({ state: 'attached', timeout: 60_000 });
        }
        for (const h of await shownLinks()) if (!hrefs.includes(h)) hrefs.push(h);
      }
      return { hrefs, ms };
    },
    new RegExp(`^/(${INDEX_DIR}/|_astro/)`),
  );

/** Results whose data stock Pagefind loads before showing anything (as its default UI shows a first page). */
const STOCK_FIRST = 20;
const stock = (browser: Browser, q: string) =>
  measure(
    browser,
    async (page, shown) => {
      await page.goto(`${origin}/404.html`);
      await page.exposeFunction('firstShown', shown);
      return page.evaluate(
        async ({ query, first }) => {
          const t0 = performance.now();
          const stockUrl = '/pagefind-stock/pagefind.js';
          const pf = await import(/* @vite-ignore */ stockUrl);
          await pf.options({ basePath: '/pagefind-stock/' });
          const s = await pf.search(query);
          type Data = { url: string; sub_results?: { url: string }[] };
          const data: Data[] = await Promise.all(
            s.results.slice(0, first).map((r: { data: () => Promise<Data> }) => r.data()),
          );
          const ms = performance.now() - t0;
          await (window as unknown as { firstShown: () => Promise<void> }).firstShown();
          for (const r of s.results.slice(first)) data.push(await r.data());
          // Pagefind's own deep link: the first sub-result (a heading anchor) when there is one.
          const hrefs = data.map((d) => d.sub_results?.[0]?.url ?? d.url);
          return { hrefs, ms };
        },
        { query: q, first: STOCK_FIRST },
      );
    },
    /^\/pagefind-stock\//,
  );

interface Score {
  pagesFound: number;
  pagesRelevant: number;
  pagesHit: number;
  sectionsFound: number;
  sectionsRelevant: number;
  sectionsHit: number;
  top10: number;
  top10Good: number;
}
function score(q: Query, hrefs: string[], sectionLevel: boolean): Score {
  const relPages = [...pageText].filter(([, t]) => contains(t, q)).map(([p]) => p);
  const relSections = [...sectionText].filter(([, t]) => contains(t, q)).map(([s]) => s);
  const foundPages = new Set(hrefs.map((h) => pageOf(h).page));
  const foundSections = new Set<string>();
  let top10Good = 0;
  hrefs.forEach((h, i) => {
    const { page, hash } = pageOf(h);
    const sec = hash ? blockSection.get(`${page}#${hash}`) : undefined;
    if (sec) foundSections.add(sec);
    if (i < 10 && sec && contains(sectionText.get(sec)!, q)) top10Good++;
  });
  return {
    pagesFound: foundPages.size,
    pagesRelevant: relPages.length,
    pagesHit: relPages.filter((p) => foundPages.has(p)).length,
    sectionsFound: sectionLevel ? foundSections.size : 0,
    sectionsRelevant: relSections.length,
    sectionsHit: sectionLevel ? relSections.filter((s) => foundSections.has(s)).length : 0,
    top10: Math.min(10, hrefs.length),
    top10Good,
  };
}

const browser = await launchBrowser();
const rows: { q: string; kind: string; ours: Run & Score; stock: Run & Score }[] = [];
try {
  for (const q of queries.slice(0, limit)) {
    const a = await ours(browser, q.q);
    const b = await stock(browser, q.q);
    rows.push({
      q: q.q,
      kind: q.kind,
      ours: { ...a, ...score(q, a.hrefs, true) },
      stock: { ...b, ...score(q, b.hrefs, false) },
    });
    const r = rows[rows.length - 1];
    console.log(
      `${q.kind.padEnd(12)} ${q.q.padEnd(10)}`,
      `ours ${r.ours.pagesHit}/${r.ours.pagesRelevant}p ${r.ours.sectionsHit}/${r.ours.sectionsRelevant}s`,
      `found ${r.ours.hrefs.length} ${r.ours.bytes}B ${Math.round(r.ours.ms)}ms |`,
      `stock ${r.stock.pagesHit}/${r.stock.pagesRelevant}p found ${r.stock.pagesFound}`,
      `${r.stock.bytes}B ${Math.round(r.stock.ms)}ms${a.error ? ' ERR ' + a.error : ''}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(stockDir, { recursive: true, force: true });
}

// ---------- summary ----------
const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b); // NaN: nothing to measure (shown as –, null in JSON)
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((x, y) => x - y);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
function summarize(sel: (r: (typeof rows)[number]) => Run & Score, subset: typeof rows, sections = true) {
  const xs = subset.map(sel);
  const sum = (f: (x: Run & Score) => number) => xs.reduce((n, x) => n + f(x), 0);
  const absent = subset.filter((r) => sel(r).pagesRelevant === 0);
  return {
    queries: subset.length,
    pageRecall: ratio(
      sum((x) => x.pagesHit),
      sum((x) => x.pagesRelevant),
    ),
    pagePrecision: ratio(
      sum((x) => x.pagesHit),
      sum((x) => x.pagesFound),
    ),
    sectionRecall: sections
      ? ratio(
          sum((x) => x.sectionsHit),
          sum((x) => x.sectionsRelevant),
        )
      : NaN,
    sectionPrecision: sections
      ? ratio(
          sum((x) => x.sectionsHit),
          sum((x) => x.sectionsFound),
        )
      : NaN,
    top10SectionPrecision: ratio(
      sum((x) => x.top10Good),
      sum((x) => x.top10),
    ),
    falseResultsOnNoMatch: absent.reduce((n, r) => n + sel(r).hrefs.length, 0),
    noMatchQueries: absent.length,
    medianBytes: median(xs.map((x) => x.bytes)),
    meanBytes: Math.round(sum((x) => x.bytes) / Math.max(1, xs.length)),
    medianMs: Math.round(median(xs.map((x) => x.ms))),
    p90Ms: Math.round(
      (() => {
        const s = xs
          .map((x) => x.ms)
          .filter(Number.isFinite)
          .sort((a, b) => a - b);
        return s[Math.floor(s.length * 0.9)] ?? NaN;
      })(),
    ),
    errors: xs.filter((x) => x.error).length,
  };
}
const kinds = [...new Set(rows.map((r) => r.kind))];
const summary = {
  date: new Date().toISOString(),
  ours: {
    all: summarize((r) => r.ours, rows),
    ...Object.fromEntries(
      kinds.map((k) => [
        k,
        summarize(
          (r) => r.ours,
          rows.filter((r) => r.kind === k),
        ),
      ]),
    ),
  },
  stock: {
    all: summarize((r) => r.stock, rows, false),
    ...Object.fromEntries(
      kinds.map((k) => [
        k,
        summarize(
          (r) => r.stock,
          rows.filter((r) => r.kind === k),
          false,
        ),
      ]),
    ),
  },
};
mkdirSync(benchDir, { recursive: true });
writeFileSync(
  join(benchDir, 'search-results.json'),
  JSON.stringify(
    {
      summary,
      rows: rows.map((r) => ({
        ...r,
        ours: { ...r.ours, hrefs: r.ours.hrefs.slice(0, 10) },
        stock: { ...r.stock, hrefs: r.stock.hrefs.slice(0, 10) },
      })),
    },
    (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
    1,
  ) + '\n',
);

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
/** A Markdown table row, and a table's header: its column names and the rule under them. */
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const header = (columns: string[]) => `${row(columns)}\n|${'---|'.repeat(columns.length)}`;
const line = (name: string, s: ReturnType<typeof summarize>, sections: boolean) =>
  row([
    name,
    s.queries,
    pct(s.pageRecall),
    pct(s.pagePrecision),
    sections ? pct(s.sectionRecall) : '–',
    sections ? pct(s.sectionPrecision) : '–',
    pct(s.top10SectionPrecision),
    `${s.falseResultsOnNoMatch} / ${s.noMatchQueries}`,
    kb(s.medianBytes),
    `${s.medianMs} ms (p90 ${s.p90Ms})`,
  ]);
const head = header([
  'set',
  'queries',
  'page recall',
  'page precision',
  'section recall',
  'section precision',
  'top-10 section precision',
  'results on no-match queries',
  'median bytes to first results',
  'median time to first results',
]);
/** One system's summary table: all queries, then each kind. */
const table = (stats: Record<string, ReturnType<typeof summarize>>, sections: boolean) => [
  head,
  line('all', stats.all, sections),
  ...kinds.map((k) => line(k, stats[k], sections)),
];
const md = [
  '# Search benchmark',
  '',
  `Generated by \`npm run bench:search\` on ${summary.date}` +
    ' (Chromium, cold cache per query, local server, no HTTP compression).',
  'Ground truth: a page / section is relevant when its text, whitespace removed, contains the query' +
    ' (traditional queries also via their simplified form).',
  'Stock = Pagefind 1.6 `addDirectory` on the same document pages (zh-cn segmentation),' +
    ' results deep-linked to their first sub-result;' +
    ' it has no section records, so its section recall/precision are not applicable.',
  `Bytes and time: until the first results are shown (this site: its first page; stock: the data of its first ${STOCK_FIRST} results);` +
    ' recall and precision: over every result (every "更多结果" followed).',
  '',
  '## This site (exact search)',
  '',
  ...table(summary.ours, true),
  '',
  '## Stock Pagefind',
  '',
  ...table(summary.stock, false),
  '',
  '## Per query',
  '',
  header([
    'query',
    'kind',
    'relevant pages / sections',
    'ours: pages hit / found, sections hit / found',
    'ours bytes, time',
    'stock: pages hit / found',
    'stock bytes, time',
  ]),
  ...rows.map((r) =>
    row([
      r.q,
      r.kind,
      `${r.ours.pagesRelevant} / ${r.ours.sectionsRelevant}`,
      `${r.ours.pagesHit}/${r.ours.pagesFound}, ${r.ours.sectionsHit}/${r.ours.sectionsFound}`,
      `${kb(r.ours.bytes)}, ${Math.round(r.ours.ms)} ms`,
      `${r.stock.pagesHit}/${r.stock.pagesFound}`,
      `${kb(r.stock.bytes)}, ${Math.round(r.stock.ms)} ms`,
    ]),
  ),
  '',
].join('\n');
writeFileSync(join(benchDir, 'search-results.md'), md);
console.log(JSON.stringify(summary.ours.all), '\n', JSON.stringify(summary.stock.all));
