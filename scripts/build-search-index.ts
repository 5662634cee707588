/**
 * A built site → its exact-substring Chinese search index (pagefind/ and pagefind-text/), built with
 * Pagefind's Node API. Run by the build (scripts/integrations/search-index.ts, at astro:build:done)
 * on the site in its staging directory, before it is published.
 *
 * Stock Pagefind segments Chinese into words (jieba at index time, something else at query time),
 * so it misses substrings and returns loose matches. Here the build decides what Pagefind sees:
 *  - one custom record per section of each document page (page head, then each heading with what
 *    follows), with its own URL (page URL + heading id) — see scripts/search-records.ts;
 *  - the record's content is its text as overlapping character bigrams + each run's last character
 *    (src/lib/search/text.ts), under a language code with no stemming or segmentation, so a query's
 *    bigrams retrieve (a superset of) every record that contains the query;
 *  - the section's original text by block (paragraph ids) is written next to the index, in small
 *    gzip shards (pagefind-text/<n>.pft, with shards.json: Pagefind record hash → shard), so the
 *    search page can verify the exact substring, count hits, link to the paragraph and build the
 *    excerpt. It is not Pagefind meta: Pagefind indexes every meta value as words, which would add
 *    whole sentences to the index.
 *  - filters: district (slug; a page's own district plus the districts it mentions, as the district
 *    pages list them) and kind (类别), from the catalog (src/generated/catalog.json).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { districtName, type Catalog } from './manifest/site-data.ts';
import { readSite } from './search-records.ts';
import { followingText, indexTokens, normalize, TEXT_DIR, TEXT_EXT } from '../src/lib/search/text.ts';
import type { SectionText, ShardEntry } from '../src/lib/search/section-text.ts';

/** Language code of the index: not a real language, so Pagefind neither stems nor segments. */
const SEARCH_LANGUAGE = 'zxx';
/** Target size of a text shard (JSON characters before gzip). */
const SHARD_BYTES = 6_000;

export interface SearchIndexOptions {
  /** The built site whose document pages (docs/<path>/index.html) are indexed. */
  siteDir: string;
  catalog: Catalog;
  /** Where pagefind/ and pagefind-text/ are written; the site itself by default. */
  outDir?: string;
  /** The site's base path ('/' or '/sub/', Astro's `base`): results link to the pages under it. */
  base?: string;
}

export interface SearchIndexSummary {
  pages: number;
  sections: number;
  characters: number;
  textBytes: number;
  shards: number;
}

export async function buildSearchIndex({
  siteDir,
  catalog,
  outDir = siteDir,
  base = '/',
}: SearchIndexOptions): Promise<SearchIndexSummary> {
  const site = readSite(siteDir);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const store = new Map<string, SectionText>(); // by URL
    let characters = 0;
    for (const page of site) {
      const cat = catalog.pages.find((p) => p.path === page.path);
      if (!cat) throw new Error(`search index: ${page.path} is not in the catalog`);
      const parent = cat.parent ? catalog.pages.find((p) => p.path === cat.parent) : undefined;
      const crumbs = [
        districtName(catalog.districts, cat.district),
        ...(parent ? [parent.title] : []),
        page.title,
      ];
      const norms = page.records.map((r) => normalize(r.blocks.map((b) => b.text).join('')));
      for (const [i, rec] of page.records.entries()) {
        const url = `${base}docs/${page.path}/#${rec.anchor}`;
        if (store.has(url)) throw new Error(`search index: two sections at ${url}`);
        const tail = followingText(norms, i);
        characters += norms[i].length;
        // Nothing but the tokens goes to Pagefind: it indexes every meta value as words too.
        const added = await index.addCustomRecord({
          url,
          content: indexTokens(norms[i] + tail),
          language: SEARCH_LANGUAGE,
          meta: {},
          // As on the district pages (src/lib/catalog.ts pagesOf): a district lists its own documents and the articles that mention it.
          filters: { district: [...new Set([cat.district, ...(cat.mentions ?? [])])], kind: [cat.kind] },
        });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        store.set(url, {
          url,
          title: page.title,
          heading: rec.heading,
          crumbs: crumbs.join(' › '),
          page: page.path,
          order: store.size,
          blocks: rec.blocks.map((b) => [b.id, b.text.replace(/\s+/gu, ' ')]),
          tail,
        });
      }
    }
    const indexDir = join(outDir, 'pagefind');
    rmSync(indexDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: indexDir });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    const { textBytes, shards } = writeSectionTexts(store, indexDir, join(outDir, TEXT_DIR));
    return { pages: site.length, sections: store.size, characters, textBytes, shards };
  } finally {
    await pagefind.close();
  }
}

/**
 * The section texts, next to the index: Pagefind record hash (the `id` of a search result) → shard;
 * shards are runs of consecutive sections of one page, about SHARD_BYTES of JSON each, gzip.
 * Small enough that a rare word costs a few KB, few enough that a common word costs few requests.
 */
function writeSectionTexts(
  store: Map<string, SectionText>,
  indexDir: string,
  textDir: string,
): { textBytes: number; shards: number } {
  const idOf = new Map<string, string>(); // url → Pagefind hash
  for (const file of readdirSync(join(indexDir, 'fragment'))) {
    const raw = gunzipSync(readFileSync(join(indexDir, 'fragment', file))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string };
    if (!store.has(fragment.url))
      throw new Error(`search index: fragment ${file} (${fragment.url}) has no section`);
    idOf.set(fragment.url, file.replace(/\.pf_fragment$/, ''));
  }
  if (idOf.size !== store.size)
    throw new Error(`search index: ${store.size} sections but ${idOf.size} Pagefind fragments`);
  rmSync(textDir, { recursive: true, force: true });
  mkdirSync(textDir, { recursive: true });
  const shardOf: Record<string, number> = {};
  const shards: ShardEntry[][] = [];
  let size = 0;
  for (const rec of store.values()) {
    const json = JSON.stringify(rec).length;
    const cur = shards[shards.length - 1];
    if (!cur || cur[0].page !== rec.page || size + json > SHARD_BYTES) {
      shards.push([]);
      size = 0;
    }
    const id = idOf.get(rec.url)!;
    shards[shards.length - 1].push({ id, ...rec });
    shardOf[id] = shards.length - 1;
    size += json;
  }
  let textBytes = 0;
  shards.forEach((shard, n) => {
    const gz = gzipSync(JSON.stringify(shard), { level: 9 });
    writeFileSync(join(textDir, `${n}${TEXT_EXT}`), gz);
    textBytes += gz.length;
  });
  writeFileSync(join(textDir, 'shards.json'), JSON.stringify(shardOf));
  return { textBytes, shards: shards.length };
}
