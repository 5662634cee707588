/**
 * Link checker over a built site: every internal href/src/action in every HTML page resolves to a
 * file of the site, and every #fragment to an element id on the target page. A site built for a
 * base path (BASE_PATH) is checked as published there: an internal link outside the base is broken.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { builtPages, urlOf } from './dist-html.ts';

const ORIGIN = 'http://site.invalid';

export interface LinkReport {
  pages: number;
  checked: number;
  broken: string[];
}

export function checkLinks(siteDir: string, base = '/'): LinkReport {
  const pages = builtPages(siteDir);
  const idsByUrl = new Map(
    pages.map((p) => [p.url, new Set(selectAll('[id]', p.tree).map((e) => String(e.properties.id)))]),
  );
  /** The file a URL path is served from (directory → index.html), or undefined. */
  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    const file = join(siteDir, decodeURIComponent(pathname.slice(base.length)));
    if (!existsSync(file)) return undefined;
    if (statSync(file).isDirectory()) {
      const index = join(file, 'index.html');
      return existsSync(index) ? index : undefined;
    }
    return file;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const pageUrl = new URL(base + page.url.slice(1), ORIGIN);
    const refs = selectAll(
      'a[href], link[href], script[src], img[src], iframe[src], source[src], form[action]',
      page.tree,
    ) as Element[];
    for (const el of refs) {
      const raw = String(el.properties.href ?? el.properties.src ?? el.properties.action);
      if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(raw) && !raw.startsWith(ORIGIN)) continue;
      const url = new URL(raw, pageUrl);
      checked++;
      const target = fileFor(url.pathname);
      const where = `${page.url}: <${el.tagName} ${el.properties.href ? 'href' : 'src'}="${raw}">`;
      if (!target) {
        broken.push(`${where} → no file for ${url.pathname}`);
        continue;
      }
      if (url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        const ids = target.endsWith('.html') ? idsByUrl.get(urlOf(target, siteDir)) : undefined;
        if (!ids) broken.push(`${where} → fragment on a non-HTML target`);
        else if (!ids.has(id)) broken.push(`${where} → no id "${id}" on ${urlOf(target, siteDir)}`);
      }
    }
  }
  return { pages: pages.length, checked, broken };
}
