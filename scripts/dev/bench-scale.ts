/**
 * npm run bench:scale [-- --sizes 5,200,1000] [--label after] [--keep]
 *
 * How the site scales with the size of the library. For each N, a seeded synthetic library of N
 * documents (scripts/dev/synthetic-library.ts) is written to a temporary directory (never content/)
 * and built there by the project's own build, pointed at it through the environment
 * (scripts/site-paths.ts): the content step (node scripts/build-content.ts), then astro build, whose
 * search-index integration indexes the pages. Each step is a child process whose process tree
 * (Pagefind's own process included) is sampled for memory. Then stock Pagefind (its CLI, zh-cn)
 * indexes the same document pages into another directory, and a set of queries, five kinds, runs in
 * Chromium through this site's /search/?q= (until its first page of results is shown) and through
 * stock Pagefind's JS API (the data of its first results), each in a fresh browser context. Every
 * query's results on this site, every page of them (read by the site's own engine in Node, over the
 * same server), are checked against a plain substring scan of the built pages' text.
 *
 * Records into bench/scale-results.json (by label and N, so runs of different sizes and of code
 * before and after a change sit side by side) and renders bench/scale-results.md from it.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  globSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import * as OpenCC from 'opencc-js';
import type { Browser, Page } from 'playwright';
import type { Catalog } from '../manifest/site-data.ts';
import { serveSite } from '../serve-site.ts';
import { sitePaths } from '../site-paths.ts';
import { launchBrowser } from './chromium.ts';
import { writeSyntheticLibrary } from './synthetic-library.ts';
import { openIndex } from '../../src/lib/search/engine.ts';
import { INDEX_DIR } from '../../src/lib/search/index-format.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5,200,1000' },
    label: { type: 'string', default: 'current' },
    keep: { type: 'boolean', default: false },
    /** Only render bench/scale-results.md again from bench/scale-results.json. */
    render: { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const root = sitePaths.root;
const benchDir = join(root, 'bench');
const resultsFile = join(benchDir, 'scale-results.json');

/**
 * The query set: five kinds, three each. The rare phrases hold a statistic, which only the seed keeps
 * (variants change it). Traditional queries are also matched by their simplified form.
 */
const QUERIES: { kind: string; q: string }[] = [
  { kind: 'common 2-character word', q: '发展' },
  { kind: 'common 2-character word', q: '建设' },
  { kind: 'common 2-character word', q: '推进' },
  { kind: 'medium term', q: '数字经济' },
  { kind: 'medium term', q: '营商环境' },
  { kind: 'medium term', q: '乡村振兴' },
  { kind: 'rare long phrase', q: '进出口额首次突破4000亿元' },
  { kind: 'rare long phrase', q: '规上工业总产值达到2150亿元' },
  { kind: 'rare long phrase', q: '新兑现减税降费22.39亿元' },
  { kind: 'traditional', q: '發展' },
  { kind: 'traditional', q: '數字經濟' },
  { kind: 'traditional', q: '營商環境' },
  { kind: 'absent', q: '沙漠治理' },
  { kind: 'absent', q: '火星基地建设' },
  { kind: 'absent', q: '量子引力研究' },
];
/** The build's steps, as the astro build's log lines divide it (see benchSize). */
const ASTRO_BUNDLE = 'astro: content sync and bundle';
const ASTRO_RENDER = 'astro: render pages';
// ('astro': the two Astro phases as one, in runs recorded before they were told apart.)
const BUILD_STEPS = ['content', 'astro', ASTRO_BUNDLE, ASTRO_RENDER, 'search index', 'publish'];
/** Results a reader sees first; stock Pagefind is asked for the data of as many. */
const FIRST_RESULTS = 20;
const QUERY_TIMEOUT = 180_000;

// ── Child processes, their time and the memory of their process tree ───────────────────────────

const PAGE_SIZE = 4096;
const CLOCK_TICKS = 100;
/**
 * Resident memory and CPU time of a process and all its descendants, from /proc. CPU time counts
 * each live process's own time and that of the children it has reaped (Pagefind's process, once
 * it ended, is in node's); on a shared machine it says what a step costs when wall time cannot.
 */
function treeUsage(rootPid: number): { bytes: number; cpuSeconds: number } {
  const children = new Map<number, number[]>();
  const stats = new Map<number, string[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name: state (3), ppid (4), … utime (14), stime (15), cutime (16), cstime (17).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), fields);
      const ppid = Number(fields[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  let bytes = 0;
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    const fields = stats.get(pid);
    if (fields) ticks += [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      // Ended.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes, cpuSeconds: ticks / CLOCK_TICKS };
}

interface Phase {
  seconds: number;
  /** CPU time of the process tree (user and system), when measured. */
  cpuSeconds?: number;
  peakBytes: number;
}
/**
 * Runs a command; its output lines can open a new phase (`phaseAt`: a line → the phase it starts).
 * Returns each phase's time and peak memory (the process tree, sampled every 200 ms).
 */
function run(
  command: string,
  commandArgs: string[],
  env: NodeJS.ProcessEnv,
  firstPhase: string,
  phaseAt: (line: string) => string | undefined = () => undefined,
): Promise<Map<string, Phase>> {
  return new Promise((resolve, reject) => {
    // GNU time reports the command's CPU time with that of every child it reaped, after it ended.
    const timeFile = join(tmpdir(), `bench-scale-time-${process.pid}-${Date.now()}`);
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, command, ...commandArgs], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const phases = new Map<string, Phase>();
    let current = firstPhase;
    let started = performance.now();
    let cpuAtStart = 0;
    let cpuSeen = 0;
    phases.set(current, { seconds: 0, cpuSeconds: 0, peakBytes: 0 });
    const sample = () => {
      const usage = treeUsage(child.pid!);
      const phase = phases.get(current)!;
      phase.peakBytes = Math.max(phase.peakBytes, usage.bytes);
      cpuSeen = Math.max(cpuSeen, usage.cpuSeconds);
    };
    const close = (cpuNow: number) => {
      const phase = phases.get(current)!;
      phase.seconds = (performance.now() - started) / 1000;
      phase.cpuSeconds = cpuNow - cpuAtStart;
    };
    const timer = setInterval(sample, 200);
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const next = phaseAt(stripVTControlCharacters(line));
        if (next && next !== current) {
          sample();
          close(cpuSeen);
          current = next;
          started = performance.now();
          cpuAtStart = cpuSeen;
          phases.set(current, { seconds: 0, cpuSeconds: 0, peakBytes: 0 });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      let total = cpuSeen;
      try {
        const [user, system] = readFileSync(timeFile, 'utf8')
          .trim()
          .split('\n')
          .at(-1)!
          .split(' ')
          .map(Number);
        total = user + system;
        rmSync(timeFile, { force: true });
      } catch {
        // No report: the last sample stands.
      }
      close(Math.max(total, cpuSeen));
      if (code === 0) resolve(phases);
      else
        reject(
          new Error(`${command} ${commandArgs.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`),
        );
    });
  });
}

// ── The built site: files, sizes, page weights ─────────────────────────────────────────────────

const gzipBytes = (buffer: Buffer) => gzipSync(buffer).length;
function sizeOf(dir: string): number {
  return globSync('**/*', { cwd: dir })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((n, s) => n + s.size, 0);
}

interface Weight {
  url: string;
  bytes: number;
  gzip: number;
  /** Of it, the site navigation (<nav id="site-nav">). */
  navBytes: number;
}
function weightOf(dist: string, url: string): Weight {
  const html = readFileSync(join(dist, decodeURI(url), 'index.html'));
  const text = html.toString('utf8');
  const nav = /<nav class="sidebar" id="site-nav"[\s\S]*?<\/nav>/.exec(text)?.[0] ?? '';
  return { url, bytes: html.length, gzip: gzipBytes(html), navBytes: Buffer.byteLength(nav) };
}

interface SiteStats {
  documents: number;
  pages: number;
  files: number;
  htmlFiles: number;
  htmlBytes: number;
  docHtmlBytes: number;
  listingHtmlBytes: number;
  searchIndexBytes: number;
  sectionTextBytes: number;
  sourceBytes: number;
  weights: Weight[];
}
/** The pages weighed, in siteStats' order. */
const PAGE_NAMES = [
  'a document page (慈溪 plan)',
  'a document page (北仑 report)',
  'home',
  'largest district page',
  'smallest district page',
  'search page',
];
function siteStats(dist: string, catalog: Catalog, documents: number): SiteStats {
  const files = globSync('**/*', { cwd: dist }).filter((f) => statSync(join(dist, f)).isFile());
  const html = files.filter((f) => f.endsWith('.html'));
  const bytes = (list: string[]) => list.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  // The largest district (most pages listed), the city's in these libraries.
  const listed = new Map<string, number>();
  for (const p of catalog.pages)
    for (const d of new Set([p.district, ...(p.mentions ?? [])])) listed.set(d, (listed.get(d) ?? 0) + 1);
  const largest = [...listed].sort((a, b) => b[1] - a[1])[0][0];
  const smallest = [...listed].sort((a, b) => a[1] - b[1])[0][0];
  return {
    documents,
    pages: catalog.pages.length,
    files: files.length,
    htmlFiles: html.length,
    htmlBytes: bytes(html),
    docHtmlBytes: bytes(html.filter((f) => f.startsWith('docs/'))),
    listingHtmlBytes: bytes(html.filter((f) => f.startsWith('district/'))),
    searchIndexBytes: sizeOf(join(dist, INDEX_DIR)) - sizeOf(join(dist, INDEX_DIR, 'text')),
    sectionTextBytes: sizeOf(join(dist, INDEX_DIR, 'text')),
    sourceBytes: sizeOf(join(dist, 'sources')),
    weights: [
      '/docs/cixi-shisiwu-guihua/',
      '/docs/beilun-2022-zhengfu-gongzuo-baogao/',
      '/',
      `/district/${largest}/`,
      `/district/${smallest}/`,
      '/search/',
    ].map((url) => weightOf(dist, url)),
  };
}

// ── Ground truth: a plain substring scan of the built pages' text ──────────────────────────────

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const squash = (s: string) => s.replace(/\s+/gu, '');
const forms = (q: string) => [...new Set([squash(q), squash(toSimplified(q))])];

function ignored(el: Element): boolean {
  const p = el.properties ?? {};
  return (
    (p.dataSearchIgnore !== undefined && p.dataSearchIgnore !== null && p.dataSearchIgnore !== false) ||
    ['script', 'style', 'template'].includes(el.tagName)
  );
}
function visibleText(n: Nodes): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element' && ignored(n)) return '';
  return 'children' in n ? (n.children as Nodes[]).map(visibleText).join('') : '';
}
/** Each document page's text (its article, without what the site keeps out of search), squashed. */
function pageTexts(dist: string, catalog: Catalog): Map<string, string> {
  const texts = new Map<string, string>();
  for (const page of catalog.pages) {
    const html = readFileSync(join(dist, 'docs', page.path, 'index.html'), 'utf8');
    const start = html.indexOf('<article');
    const article = select('article', fromHtml(html.slice(start, html.indexOf('</article>', start) + 10)));
    texts.set(page.path, squash(article ? visibleText(article) : ''));
  }
  return texts;
}

// ── Queries in Chromium ─────────────────────────────────────────────────────────────────────────

interface QueryRun {
  /** Transfer of the search's own requests (script, index, texts), as sent, and as a static host gzips it. */
  bytes: number;
  gzip: number;
  requests: number;
  /** From navigation start to the first results shown (or the page saying there are none). */
  firstMs: number;
  /** Result pages (document paths) of the first results shown. */
  pages: string[];
  shown: number;
  error?: string;
}

const docPath = (href: string) => {
  const m = /^\/docs\/(.+?)\/?$/.exec(decodeURIComponent(new URL(href, 'http://x').pathname));
  return m?.[1] ?? href;
};

async function measure(
  browser: Browser,
  counted: RegExp,
  go: (page: Page, shown: () => void) => Promise<{ firstMs: number; hrefs: string[] }>,
): Promise<QueryRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let gzip = 0;
  let requests = 0;
  let done = false;
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (done || !counted.test(new URL(response.url()).pathname)) return;
    requests++;
    pending.push(
      response.body().then(
        (body) => {
          bytes += body.length;
          // The search index's files are gzip already (stock Pagefind's too); a host gzips the rest.
          gzip += body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipBytes(body);
        },
        () => {},
      ),
    );
  });
  try {
    // Requests once the first results are shown (stock: the rest of its data) do not count.
    const { firstMs, hrefs } = await go(page, () => (done = true));
    done = true;
    await Promise.all(pending);
    const pages = [...new Set(hrefs.map(docPath))];
    return { bytes, gzip, requests, firstMs, pages, shown: hrefs.length };
  } catch (error) {
    done = true;
    return { bytes, gzip, requests, firstMs: NaN, pages: [], shown: 0, error: String(error).split('\n')[0] };
  } finally {
    await context.close();
  }
}

/** This site: /search/?q=, until its first page of results is shown. */
const ourSearch = (browser: Browser, origin: string, q: string) =>
  measure(browser, new RegExp(`^/(${INDEX_DIR}/|_astro/)`), async (page) => {
    await page.addInitScript(() => {
      const mark = () => {
        const list = document.getElementById('search-results');
        if (!list) return;
        const w = window as unknown as { __firstMs?: number };
        if (
          w.__firstMs === undefined &&
          (list.querySelector('li') || list.getAttribute('aria-busy') === 'false')
        )
          w.__firstMs = performance.now();
      };
      new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
    const settled = page.locator('#search-results[aria-busy="false"]');
    await settled.waitFor({ state: 'attached', timeout: QUERY_TIMEOUT });
    const firstMs = await page.evaluate(() => (window as unknown as { __firstMs: number }).__firstMs);
    if (await page.locator('#search-results[data-error]').count())
      throw new Error(await page.locator('#search-status').innerText());
    const hrefs = await page
      .locator('#search-results .search-result-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    return { firstMs, hrefs };
  });

/** Stock Pagefind on the same pages: its JS API, the data of the first results. */
const stockSearch = (browser: Browser, origin: string, q: string) =>
  measure(browser, /^\/pagefind-stock\//, async (page) => {
    await page.goto(`${origin}/404.html`);
    return page.evaluate(
      async ({ query, first }) => {
        const url = '/pagefind-stock/pagefind.js';
        const pagefind = await import(/* @vite-ignore */ url);
        await pagefind.options({ basePath: '/pagefind-stock/' });
        const search = await pagefind.search(query);
        type Data = { url: string };
        const data: Data[] = await Promise.all(
          search.results.slice(0, first).map((r: { data: () => Promise<Data> }) => r.data()),
        );
        return { firstMs: performance.now(), hrefs: data.map((d) => d.url), total: search.results.length };
      },
      { query: q, first: FIRST_RESULTS },
    );
  });

/**
 * Every result of a query on this site, every page read ("更多结果" until the end), by the site's
 * own engine in Node over the same server: the document paths.
 */
async function allResultPages(origin: string, q: string): Promise<{ pages: string[]; unreadable: number }> {
  const { results } = await openIndex(`${origin}/`).search(q);
  const hrefs: string[] = [];
  while (!results.done) hrefs.push(...(await results.next(500)).map((r) => r.url));
  // A text that failed to load is no page missed by the search: reported apart.
  return { pages: [...new Set(hrefs.map(docPath))], unreadable: results.unreadable.length };
}

interface QueryResult {
  kind: string;
  q: string;
  relevant: number;
  ours: QueryRun & { allPages: number; missed: number; wrong: number; unreadable?: number };
  stock: QueryRun & { wrong: number };
}

// ── One library ────────────────────────────────────────────────────────────────────────────────

interface SizeResult {
  label: string;
  n: number;
  commit: string;
  date: string;
  /** The machine's 1-minute load average when the build started and when it ended (other work slows the build). */
  load?: [number, number];
  steps: Record<string, Phase>;
  stats: SiteStats;
  queries: QueryResult[];
}

async function benchSize(n: number): Promise<SizeResult> {
  const work = mkdtempSync(join(tmpdir(), `bench-scale-${n}-`));
  const dirs = {
    content: join(work, 'content'),
    generated: join(work, 'generated'),
    dist: join(work, 'dist'),
    cache: join(work, 'astro-cache'),
    stock: join(work, 'stock'),
  };
  const env = {
    ...process.env,
    SITE_CONTENT_DIR: dirs.content,
    SITE_GENERATED_DIR: dirs.generated,
    SITE_DIST_DIR: dirs.dist,
    SITE_CACHE_DIR: dirs.cache,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  try {
    console.log(`N=${n}: writing the library in ${work}`);
    writeSyntheticLibrary(sitePaths.content, dirs.content, n);
    const steps: Record<string, Phase> = {};
    const loadBefore = loadavg()[0];
    console.log(`N=${n}: content step`);
    Object.assign(
      steps,
      Object.fromEntries(await run(process.execPath, ['scripts/build-content.ts'], env, 'content')),
    );
    console.log(`N=${n}: astro build (pages, then the search index)`);
    // Astro's own log lines mark its phases: content sync and the bundle of every module (the MDX
    // pages among them), then rendering the pages; the search-index integration's, the index.
    const astro = await run(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build'],
      env,
      ASTRO_BUNDLE,
      (line) =>
        /generating static routes/.test(line)
          ? ASTRO_RENDER
          : /\[search-index\] indexing/.test(line)
            ? 'search index'
            : /\[search-index\] \d+ pages,/.test(line)
              ? 'publish'
              : undefined,
    );
    for (const phase of [ASTRO_RENDER, 'search index'])
      if (!astro.has(phase))
        throw new Error(`astro build: no log line marked the start of "${phase}"; update bench-scale.ts`);
    Object.assign(steps, Object.fromEntries(astro));
    const load: [number, number] = [loadBefore, loadavg()[0]];
    console.log(`N=${n}: stock Pagefind`);
    const stock = await run(
      process.execPath,
      [
        'node_modules/pagefind/lib/runner/bin.cjs',
        '--site',
        dirs.dist,
        '--glob',
        'docs/**/*.html',
        '--force-language',
        'zh-cn',
        '--output-path',
        join(dirs.stock, 'pagefind'),
      ],
      env,
      'stock Pagefind',
    );
    Object.assign(steps, Object.fromEntries(stock));

    const catalog = JSON.parse(readFileSync(join(dirs.generated, 'catalog.json'), 'utf8')) as Catalog;
    const stats = siteStats(dirs.dist, catalog, n);
    console.log(`N=${n}: ground truth`);
    const texts = pageTexts(dirs.dist, catalog);
    console.log(`N=${n}: queries`);
    const server = await serveSite({
      root: dirs.dist,
      mounts: { '/pagefind-stock/': join(dirs.stock, 'pagefind') },
    });
    const browser = await launchBrowser();
    const queries: QueryResult[] = [];
    try {
      for (const { kind, q } of QUERIES) {
        const relevant = new Set(
          [...texts].filter(([, text]) => forms(q).some((f) => text.includes(f))).map(([path]) => path),
        );
        const ours = await ourSearch(browser, server.url, q);
        const stockRun = await stockSearch(browser, server.url, q);
        const { pages: all, unreadable } = ours.error
          ? { pages: [], unreadable: 0 }
          : await allResultPages(server.url, q);
        const result: QueryResult = {
          kind,
          q,
          relevant: relevant.size,
          ours: {
            ...ours,
            allPages: all.length,
            missed: [...relevant].filter((p) => !all.includes(p)).length,
            wrong: [...new Set([...all, ...ours.pages])].filter((p) => !relevant.has(p)).length,
            unreadable,
          },
          stock: { ...stockRun, wrong: stockRun.pages.filter((p) => !relevant.has(p)).length },
        };
        queries.push(result);
        console.log(
          `  ${q}: ${relevant.size} pages hold it; ours ${ours.error ?? `${ours.pages.length} pages, ${kb(ours.gzip)} in ${ours.requests} requests, first at ${ms(ours.firstMs)}`}; ` +
            `stock ${stockRun.error ?? `${kb(stockRun.gzip)} in ${stockRun.requests} requests, ${ms(stockRun.firstMs)}`}`,
        );
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return {
      label: args.label,
      n,
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
      date: new Date().toISOString(),
      load,
      steps,
      stats,
      queries,
    };
  } finally {
    if (args.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────────

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const ms = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value)} ms`);
const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

const buildSteps = (r: SizeResult) => BUILD_STEPS.flatMap((k) => (r.steps[k] ? [r.steps[k]] : []));
const buildSeconds = (r: SizeResult) => buildSteps(r).reduce((s, p) => s + p.seconds, 0);
const buildCpu = (r: SizeResult) => buildSteps(r).reduce((s, p) => s + (p.cpuSeconds ?? NaN), 0);
const buildPeak = (r: SizeResult) => Math.max(...buildSteps(r).map((p) => p.peakBytes));

/** The issue's targets at N=1000 (against N=5 and N=200 of the same label), where those runs exist. */
function targets(runs: SizeResult[]): string[] {
  const [small, mid, large] = [5, 200, 1000].map((n) => runs.find((r) => r.n === n));
  if (!small || !large) return [];
  const rows: [string, string, string, boolean][] = [];
  const row = (what: string, value: string, target: string, reached: boolean) =>
    rows.push([what, value, target, reached]);
  for (const i of [0, 1]) {
    const ratio = large.stats.weights[i].bytes / small.stats.weights[i].bytes;
    row(`${PAGE_NAMES[i]}: HTML ÷ N=5`, ratio.toFixed(2), '≤ 1.3', ratio <= 1.3);
  }
  const home = large.stats.weights[2].bytes;
  row('home page HTML', kb(home), '< 100 KB', home < 100 * 1024);
  const perDoc = large.stats.htmlBytes / large.n / (small.stats.htmlBytes / small.n);
  row('HTML per document ÷ N=5', perDoc.toFixed(2), '≤ 1.3', perDoc <= 1.3);
  const files = large.stats.files / large.n;
  row('files in dist per document', files.toFixed(1), '≤ 23', files <= 23);
  const cpu = Number.isFinite(buildCpu(large)) ? ` (CPU ${buildCpu(large).toFixed(0)} s)` : '';
  row('whole build', `${buildSeconds(large).toFixed(0)} s${cpu}`, '< 240 s', buildSeconds(large) < 240);
  if (mid) {
    const growth = buildSeconds(large) / large.n / (buildSeconds(mid) / mid.n);
    row('build time per document ÷ N=200', growth.toFixed(2), '≤ 1.2', growth <= 1.2);
    // Wall time depends on what else the machine runs (the load average above); CPU time much less.
    const cpuGrowth = buildCpu(large) / large.n / (buildCpu(mid) / mid.n);
    if (Number.isFinite(cpuGrowth))
      row('build CPU time per document ÷ N=200', cpuGrowth.toFixed(2), '≤ 1.2', cpuGrowth <= 1.2);
  }
  row('peak memory of the build', gb(buildPeak(large)), '< 4 GB', buildPeak(large) < 4 * 1024 ** 3);
  const index = large.steps['search index'];
  const stock = large.steps['stock Pagefind'];
  if (index && stock)
    row(
      'search index step ÷ stock Pagefind indexing',
      (index.seconds / stock.seconds).toFixed(2),
      '≤ 1',
      index.seconds <= stock.seconds,
    );
  if (index?.cpuSeconds !== undefined && stock?.cpuSeconds)
    row(
      'search index step ÷ stock Pagefind indexing, CPU time',
      (index.cpuSeconds / stock.cpuSeconds).toFixed(2),
      '≤ 1',
      index.cpuSeconds <= stock.cpuSeconds,
    );
  const ok = large.queries.filter((q) => !q.ours.error);
  row(
    'queries that show results',
    `${ok.length} of ${large.queries.length}`,
    'all',
    ok.length === large.queries.length,
  );
  const transfer = median(ok.map((q) => q.ours.gzip));
  row('median transfer per query', kb(transfer), '< 300 KB', transfer < 300 * 1024);
  const most = Math.max(0, ...large.queries.map((q) => q.ours.gzip));
  row(
    'largest transfer of a query',
    kb(most),
    '< 1 MB',
    most < 1024 ** 2 && ok.length === large.queries.length,
  );
  const exact = ok.filter((q) => q.ours.missed === 0 && q.ours.wrong === 0).length;
  row(
    'queries whose results match the substring scan',
    `${exact} of ${large.queries.length}`,
    'all',
    exact === large.queries.length,
  );
  return [
    '### Targets at N=1000 (issue 14)',
    '',
    ...table(
      ['', 'measured', 'target', 'reached'],
      rows.map(([what, value, target, reached]) => [what, value, target, reached ? 'yes' : '**no**']),
    ),
    '',
  ];
}

function render(results: SizeResult[]): string {
  const labels = [...new Set(results.map((r) => r.label))];
  const out = [
    '# Scale benchmark',
    '',
    'Generated by `npm run bench:scale` (scripts/dev/bench-scale.ts). Synthetic libraries of N documents',
    'made from the five seed documents (documents 1–5 are the seeds; every further one a seeded variant:',
    'districts permuted, statistics changed, running paragraphs shuffled within their section, a date in',
    '2010–2024), each built in a temporary directory by the project’s build. Memory: peak resident size',
    'of the step’s process tree (Pagefind’s process included), sampled every 200 ms. Time: wall clock, and',
    'the CPU time (user and system) of the step’s processes, which says what a step costs when other',
    'work shares the machine (the load average is recorded with each run). Transfer per query:',
    'the search’s own requests (search script, index buckets and lists, section texts) until its first',
    'page of results is shown, gzip as a static host sends them, in a fresh browser context; stock',
    'Pagefind (CLI, `--force-language zh-cn` over the same document pages) asked for the data of its',
    `first ${FIRST_RESULTS} results. "First results": from navigation start to the first result shown (or`,
    'the page saying there is none). The check runs every query, every page of its results (read by the',
    'site’s engine in Node over the same server), against a plain substring scan of each built page’s',
    'text (traditional queries also in simplified form): "missed" pages hold the query and are in no',
    'page of results, "wrong" are shown and do not hold it.',
    '',
  ];
  const notes = join(benchDir, 'scale-notes.md');
  if (existsSync(notes)) out.push(readFileSync(notes, 'utf8').trim(), '');
  for (const label of labels) {
    const runs = results.filter((r) => r.label === label).sort((a, b) => a.n - b.n);
    const base = runs.find((r) => r.n === 5);
    out.push(`## ${label}`, '');
    out.push(
      runs
        .map(
          (r) =>
            `N=${r.n}: commit ${r.commit}, ${r.date.slice(0, 16).replace('T', ' ')} UTC` +
            (r.load
              ? `, load average ${r.load.map((l) => l.toFixed(1)).join(' → ')} on ${cpus().length} cores`
              : ''),
        )
        .join(' · '),
      '',
    );
    out.push(...targets(runs));
    out.push('### Build', '');
    const stepNames = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))];
    out.push(
      ...table(
        ['N documents', ...runs.map((r) => String(r.n))],
        [
          ...stepNames.map((step) => [
            step,
            ...runs.map((r) => {
              const phase = r.steps[step];
              if (!phase) return '–';
              const cpu = phase.cpuSeconds === undefined ? '' : ` (CPU ${phase.cpuSeconds.toFixed(0)} s)`;
              return `${phase.seconds.toFixed(1)} s${cpu}, ${gb(phase.peakBytes)}`;
            }),
          ]),
          [
            'whole build (content + astro + index + publish)',
            ...runs.map((r) => `${buildSeconds(r).toFixed(1)} s`),
          ],
          [
            'build time per document',
            ...runs.map((r) => `${((buildSeconds(r) / r.n) * 1000).toFixed(0)} ms`),
          ],
          [
            'CPU time of the build (user and system, every process)',
            ...runs.map((r) =>
              r.steps.content?.cpuSeconds === undefined ? '–' : `${buildCpu(r).toFixed(0)} s`,
            ),
          ],
          ['peak memory of the build', ...runs.map((r) => gb(buildPeak(r)))],
        ],
      ),
      '',
    );
    out.push('### Site', '');
    const s = (r: SizeResult) => r.stats;
    out.push(
      ...table(
        ['N documents', ...runs.map((r) => String(r.n))],
        [
          ['pages (documents and articles)', ...runs.map((r) => String(s(r).pages))],
          ['files in dist', ...runs.map((r) => String(s(r).files))],
          ['files per document', ...runs.map((r) => (s(r).files / r.n).toFixed(1))],
          ['HTML files', ...runs.map((r) => String(s(r).htmlFiles))],
          ['all HTML', ...runs.map((r) => mb(s(r).htmlBytes))],
          ['HTML per document', ...runs.map((r) => kb(s(r).htmlBytes / r.n))],
          ...(base
            ? [
                [
                  'HTML per document ÷ N=5',
                  ...runs.map((r) => (s(r).htmlBytes / r.n / (s(base).htmlBytes / 5)).toFixed(2)),
                ],
              ]
            : []),
          ['document pages’ HTML', ...runs.map((r) => mb(s(r).docHtmlBytes))],
          ['district listings’ HTML', ...runs.map((r) => mb(s(r).listingHtmlBytes))],
          [`search index (${INDEX_DIR}/, without texts)`, ...runs.map((r) => mb(s(r).searchIndexBytes))],
          [`section texts (${INDEX_DIR}/text/)`, ...runs.map((r) => mb(s(r).sectionTextBytes))],
          ['source texts (sources/)', ...runs.map((r) => mb(s(r).sourceBytes))],
        ],
      ),
      '',
    );
    out.push('### Page weight (HTML; gzip; of it the site navigation)', '');
    out.push(
      ...table(
        ['page', ...runs.map((r) => `N=${r.n}`)],
        PAGE_NAMES.map((name, i) => [
          name,
          ...runs.map((r) => {
            const w = s(r).weights[i];
            return `${kb(w.bytes)}; ${kb(w.gzip)}; nav ${kb(w.navBytes)}`;
          }),
        ]),
      ),
      '',
    );
    if (base) {
      const ratio = (r: SizeResult, i: number) =>
        (s(r).weights[i].bytes / s(base).weights[i].bytes).toFixed(2);
      out.push(
        ...table(
          ['÷ the N=5 page', ...runs.map((r) => `N=${r.n}`)],
          [0, 1, 2].map((i) => [PAGE_NAMES[i], ...runs.map((r) => ratio(r, i))]),
        ),
        '',
      );
    }
    out.push('### Queries (gzip transfer, requests, time to first results)', '');
    for (const r of runs) {
      out.push(`N=${r.n}:`, '');
      out.push(
        ...table(
          [
            'kind',
            'query',
            'pages holding it',
            'this site',
            'first page shown; all pages (missed, wrong)',
            'stock Pagefind',
            'stock wrong of its first',
          ],
          r.queries.map((q) => [
            q.kind,
            q.q,
            String(q.relevant),
            q.ours.error
              ? `**fails**: ${q.ours.error}`
              : `${kb(q.ours.gzip)}, ${q.ours.requests} req, ${ms(q.ours.firstMs)}`,
            q.ours.error
              ? '–'
              : `${q.ours.shown} results; ${q.ours.allPages} documents (${q.ours.missed}, ${q.ours.wrong})` +
                (q.ours.unreadable ? `; ${q.ours.unreadable} texts failed to load` : ''),
            q.stock.error
              ? `fails: ${q.stock.error}`
              : `${kb(q.stock.gzip)}, ${q.stock.requests} req, ${ms(q.stock.firstMs)}`,
            q.stock.error ? '–' : `${q.stock.wrong} of ${q.stock.pages.length}`,
          ]),
        ),
        '',
      );
      const ok = r.queries.filter((q) => !q.ours.error);
      out.push(
        `Median transfer: this site ${kb(median(ok.map((q) => q.ours.gzip)))}, stock ${kb(median(r.queries.map((q) => q.stock.gzip)))}; ` +
          `largest: this site ${kb(Math.max(0, ...ok.map((q) => q.ours.gzip)))}; failed queries: ${r.queries.length - ok.length}; ` +
          `exact (no page missed or wrong): ${ok.filter((q) => q.ours.missed === 0 && q.ours.wrong === 0).length} of ${r.queries.length}.`,
        '',
      );
    }
  }
  return out.join('\n');
}

// ── Main ───────────────────────────────────────────────────────────────────────────────────────

const results: SizeResult[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
const writeReport = () => {
  mkdirSync(benchDir, { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(
    join(benchDir, 'scale-results.md'),
    `${render(results)}\nMachine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${gb(totalmem())} memory, Node ${process.version}.\n`,
  );
};
if (args.render) writeReport();
else
  for (const n of SIZES) {
    const result = await benchSize(n);
    const at = results.findIndex((r) => r.label === result.label && r.n === result.n);
    if (at >= 0) results[at] = result;
    else results.push(result);
    writeReport();
    console.log(`N=${n}: bench/scale-results.md written`);
  }
