/**
 * Launches a real Chromium, for the end-to-end tests and the dev tools: Debian's /usr/bin/chromium
 * where present, else Playwright's own browser if a user installed one, else a clear message on how
 * to get one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed.
  }
  return undefined;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one:\n' +
        '  Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium fonts-noto-cjk\n' +
        '  or, with internet access: npx playwright install chromium\n' +
        '  or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, args: FLAGS, headless: true });
}
