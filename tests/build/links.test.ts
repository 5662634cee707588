/**
 * Link checker over the built site: every internal href/src in every HTML file of dist/ resolves to
 * an existing file, and every #fragment to an element id on the target page.
 */
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { builtPages, urlOf } from '../support/dist-html.ts';
import { distDir } from '../support/serve-dist.ts';

const pages = builtPages();
const idsByUrl = new Map(
  pages.map((p) => [p.url, new Set(selectAll('[id]', p.tree).map((e) => String(e.properties.id)))]),
);

/** The file a site path is served from (directory → index.html), or undefined. */
function fileFor(pathname: string): string | undefined {
  const file = join(distDir, decodeURIComponent(pathname));
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return file;
}

test('the built site has pages to check', () => {
  assert.ok(pages.length >= 15, `found ${pages.length} HTML pages`);
});

test('every internal link and fragment resolves', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const base = new URL(page.url, 'http://site.invalid');
    const refs = selectAll(
      'a[href], link[href], script[src], img[src], iframe[src], source[src], form[action]',
      page.tree,
    ) as Element[];
    for (const el of refs) {
      const raw = String(el.properties.href ?? el.properties.src ?? el.properties.action);
      if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(raw) && !raw.startsWith('http://site.invalid'))
        continue;
      const url = new URL(raw, base);
      checked++;
      const target = fileFor(url.pathname);
      const where = `${page.url}: <${el.tagName} ${el.properties.href ? 'href' : 'src'}="${raw}">`;
      if (!target) {
        broken.push(`${where} → no file for ${url.pathname}`);
        continue;
      }
      if (url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        const ids = target.endsWith('.html') ? idsByUrl.get(urlOf(target)) : undefined;
        if (!ids) broken.push(`${where} → fragment on a non-HTML target`);
        else if (!ids.has(id)) broken.push(`${where} → no id "${id}" on ${urlOf(target)}`);
      }
    }
  }
  assert.ok(checked > 500, `checked ${checked} links`);
  assert.deepEqual(broken, [], `${broken.length} broken links:\n${broken.slice(0, 30).join('\n')}`);
});

test('ids are unique within each page', () => {
  const dupes: string[] = [];
  for (const page of pages) {
    const seen = new Set<string>();
    for (const el of selectAll('[id]', page.tree)) {
      const id = String(el.properties.id);
      if (seen.has(id)) dupes.push(`${page.url}#${id}`);
      seen.add(id);
    }
  }
  assert.deepEqual(dupes, []);
});
