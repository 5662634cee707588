/** For an end-to-end test file: the built site and a real Chromium (scripts/dev/chromium.ts). */
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { serveDist, type DistServer } from './serve-dist.ts';

export { launchBrowser };

/**
 * For an end-to-end test file: serves dist/ and launches Chromium before its tests, closes both
 * after. The fields are set once the `before` hook has run.
 */
export interface LiveSite {
  browser: Browser;
  site: DistServer;
}

/** A desktop window, the size every end-to-end test uses unless it tests another. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

export function siteInBrowser(): LiveSite {
  const live = {} as LiveSite;
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

/** Runs `run` on a fresh page in a fresh browser context (its own storage and settings), then closes it. */
export async function withPage<T>(
  live: LiveSite,
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await live.browser.newContext(options);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}
