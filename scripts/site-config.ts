/**
 * Where the site is published, from the environment: the one place the build reads it.
 *
 *   SITE_URL   the public address, e.g. https://<host>/ (optional). Without it the
 *              site has no absolute address at all: no canonical links, no sitemap, no OpenSearch
 *              description, and a copied link or citation uses the address the reader is at.
 *   BASE_PATH  the path the site lives under, e.g. /ningbo-policy/ (optional; default: SITE_URL's
 *              path, else /). Every link, asset and search file is under it.
 *
 * astro.config.ts passes both to Astro (`site`, `base`); pages read them back through
 * src/lib/site-url.ts, the integrations through Astro's config.
 */

export interface SiteConfig {
  /** The public URL of the site's root (origin + base path, ending in '/'), when SITE_URL is set. */
  site?: string;
  /** '/' or '/segment/…/', always with both slashes. */
  base: string;
}

export class SiteConfigError extends Error {}

/** A path segment that needs no escaping in a URL. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/u;

function basePath(value: string, variable: string): string {
  const segments = value.split('/').filter(Boolean);
  const bad = segments.find((s) => !SEGMENT.test(s) || s === '.' || s === '..');
  if (bad !== undefined)
    throw new SiteConfigError(
      `${variable}="${value}": the segment "${bad}" is not a plain URL path segment. ` +
        'Use letters, digits and . _ ~ - only, e.g. BASE_PATH=/ningbo-policy/ (README: Publishing).',
    );
  return segments.length ? `/${segments.join('/')}/` : '/';
}

function siteUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteConfigError(
      `SITE_URL="${value}" is not an absolute URL. Set it to the address the site is published at, ` +
        'with its scheme (https://host/ or https://host/path/), or leave it unset (README: Publishing).',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SiteConfigError(`SITE_URL="${value}": the scheme must be https: or http:.`);
  if (url.search || url.hash || url.username || url.password)
    throw new SiteConfigError(
      `SITE_URL="${value}": a site address has no query, fragment or credentials; give its origin and path only.`,
    );
  return url;
}

/** The site's address and base path from SITE_URL and BASE_PATH; a bad value throws, naming the variable. */
export function siteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const rawSite = env.SITE_URL?.trim() || undefined;
  const rawBase = env.BASE_PATH?.trim() || undefined;
  const url = rawSite === undefined ? undefined : siteUrl(rawSite);
  const siteBase = url ? basePath(decodeURI(url.pathname), 'SITE_URL') : undefined;
  const base = rawBase === undefined ? (siteBase ?? '/') : basePath(rawBase, 'BASE_PATH');
  if (siteBase !== undefined && siteBase !== '/' && siteBase !== base)
    throw new SiteConfigError(
      `SITE_URL="${rawSite}" ends in the path ${siteBase}, but BASE_PATH="${rawBase}" says ${base}. ` +
        'Give the path once: in SITE_URL, or in BASE_PATH with SITE_URL as the bare origin.',
    );
  return { site: url ? new URL(base, url.origin).href : undefined, base };
}
