import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (or CHROMIUM_PATH): the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run here; when not, they are skipped with this printed reason. Never in
 * CI: there `.ci/run` installs chromium, and a missing browser must fail the run, not skip its checks.
 */
export const chromiumMissing = existsSync(CHROMIUM_PATH) || process.env.CI ? null : `chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)`;
if (chromiumMissing) console.warn(`Skipping the browser tests: ${chromiumMissing}`);

/** Launch headless chromium with no network chatter of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
