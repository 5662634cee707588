/** For an end-to-end test file: the built site and a real Chromium (scripts/dev/chromium.ts). */
import { after, before } from 'node:test';
import type { Browser } from 'playwright';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { serveDist, type DistServer } from './serve-dist.ts';

export { launchBrowser };

/**
 * For an end-to-end test file: serves dist/ and launches Chromium before its tests, closes both
 * after. The fields are set once the `before` hook has run.
 */
export function siteInBrowser(): { browser: Browser; site: DistServer } {
  const live = {} as { browser: Browser; site: DistServer };
  before(async () => {
    live.site = await serveDist();
    live.browser = await launchBrowser();
  });
  after(async () => {
    await live.browser?.close();
    await live.site?.close();
  });
  return live;
}
