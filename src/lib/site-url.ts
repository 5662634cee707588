/**
 * The site's addresses, for pages and browser scripts alike: its base path and, only when SITE_URL
 * is configured, its public URL (scripts/site-config.ts → astro.config.ts `base` / `site` → Astro's
 * import.meta.env). Every internal link goes through sitePath(); an absolute address exists only
 * through publicUrl(), which gives none without SITE_URL, so no page names an invented domain.
 * Outside Astro (Node tests) the base is '/' and there is no public URL.
 */

const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/** '/' or '/segment/…/' (Astro's `base`). */
export const BASE_PATH: string = withSlash(import.meta.env ? import.meta.env.BASE_URL : '/');

/** The public URL of the site's root, ending in '/', or undefined when SITE_URL is not set. */
export const SITE_ROOT: string | undefined =
  import.meta.env && import.meta.env.SITE ? new URL(BASE_PATH, import.meta.env.SITE).href : undefined;

/** A path inside the site ('docs/x/', '/search/' or '') as a root-relative URL under the base path. */
export function sitePath(path: string): string {
  return BASE_PATH + path.replace(/^\/+/u, '');
}

/** The absolute public URL of a path inside the site, or undefined when SITE_URL is not set. */
export function publicUrl(path: string): string | undefined {
  return SITE_ROOT && new URL(path.replace(/^\/+/u, ''), SITE_ROOT).href;
}

/** The public URL where there is one, else the root-relative path (for links that may be relative, as in feeds). */
export function linkUrl(path: string): string {
  return publicUrl(path) ?? sitePath(path);
}
