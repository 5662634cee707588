/**
 * /robots.txt: every page may be crawled; the sitemap is named only where there is one (SITE_URL).
 * Crawlers read robots.txt at the host's root only: a site under a BASE_PATH needs the host's own
 * robots.txt to carry the Sitemap line (README: Publishing).
 */
import type { APIRoute } from 'astro';
import { publicUrl } from '../lib/site-url';

export const GET: APIRoute = () => {
  const sitemap = publicUrl('sitemap-index.xml');
  const lines = ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : [])];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
