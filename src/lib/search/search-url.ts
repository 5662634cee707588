/** The address of a search (/search/?q=…&district=…): every search, with its filters, is a link. */
import { sitePath } from '../site-url.ts';
import type { SearchFilters } from './engine.ts';

export function searchUrl(q: string, filters: SearchFilters = {}): string {
  const params = new URLSearchParams({ q });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `${sitePath('search/')}?${params}`;
}
