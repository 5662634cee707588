/**
 * dist/ → dist/pagefind/: an exact-substring Chinese search index, built with Pagefind's Node API.
 *
 * Stock Pagefind segments Chinese into words (jieba at index time, something else at query time),
 * so it misses substrings and returns loose matches. Here the build decides what Pagefind sees:
 *  - one custom record per section of each document page (page head, then each heading with what
 *    follows), with its own URL (page URL + heading id) — see scripts/search-records.ts;
 *  - the record's content is its text as overlapping character bigrams + each run's last character
 *    (src/lib/search/text.ts), under a language code with no stemming or segmentation, so a query's
 *    bigrams, searched as a quoted phrase, retrieve every record that contains the query;
 *  - the record's meta carries the original text by block (paragraph ids) so the search page can
 *    verify the exact substring, count hits, link to the paragraph and build the excerpt.
 *  - filters: district (slug) and kind (类别), from src/generated/catalog.json.
 */
import { readFileSync, rmSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { readSite } from './search-records.ts';
import { indexTokens, normalize } from '../src/lib/search/text.ts';

/** Language code of the index: not a real language, so Pagefind neither stems nor segments. */
export const SEARCH_LANGUAGE = 'zxx';
/** How many normalized characters of the next section a record carries, so matches spanning a section boundary are found. */
export const TAIL = 48;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

interface CatalogPage { path: string; title: string; kind: string; district: string; parent?: string }
const catalog = JSON.parse(readFileSync(join(root, 'src', 'generated', 'catalog.json'), 'utf8')) as {
  districts: { slug: string; name: string }[]; pages: CatalogPage[];
};
const districtName = (slug: string) => catalog.districts.find((d) => d.slug === slug)?.name ?? slug;

const site = readSite(dist);
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);

let records = 0;
let textChars = 0;
for (const page of site) {
  const cat = catalog.pages.find((p) => p.path === page.path);
  if (!cat) throw new Error(`search index: ${page.path} is not in the catalog`);
  const parent = cat.parent ? catalog.pages.find((p) => p.path === cat.parent) : undefined;
  const crumbs = [districtName(cat.district), ...(parent ? [parent.title] : []), page.title];
  const norms = page.records.map((r) => normalize(r.blocks.map((b) => b.text).join('')));
  for (const [i, rec] of page.records.entries()) {
    const tail = (norms[i + 1] ?? '').slice(0, TAIL);
    textChars += norms[i].length;
    const added = await index.addCustomRecord({
      url: `/docs/${page.path}/#${rec.anchor}`,
      content: indexTokens(norms[i] + tail),
      language: SEARCH_LANGUAGE,
      meta: {
        title: page.title,
        heading: rec.heading,
        crumbs: crumbs.join(' › '),
        page: page.path,
        order: String(records),
        blocks: JSON.stringify(rec.blocks.map((b) => [b.id, b.text.replace(/\s+/gu, ' ')])),
        tail,
      },
      filters: { district: [cat.district], kind: [cat.kind] },
    });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    records++;
  }
}
rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`search index: ${site.length} pages, ${records} sections, ${textChars} characters indexed`);
