// The browser tests drive Debian's chromium through playwright-core; they never download a browser.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (candidates.some((file) => existsSync(file))) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('chromium is missing: installing Debian\'s chromium package for the browser tests');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} else {
  console.warn('chromium is missing and cannot be installed here (needs root and apt-get): install it, or set CHROMIUM_PATH, for the browser tests');
}
