/**
 * Runs before the browser tests: make sure a Chromium-family browser is there. On Debian or
 * Ubuntu as root, install the distribution's package (never a browser download); otherwise
 * stop with one line that says what to install and how to point at it.
 *
 *   tsx scripts/ensure-browser.ts [chromium|firefox]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX, findBrowser, isExecutableFile, type BrowserKind } from '../test/support/find-browser';

const KINDS: Record<string, BrowserKind> = { chromium: CHROMIUM, firefox: FIREFOX };
const kind = KINDS[process.argv[2] ?? 'chromium'];
if (!kind) {
  console.error(`ensure-browser: unknown browser "${process.argv[2]}" (known: ${Object.keys(KINDS).join(', ')})`);
  process.exit(2);
}

const lookup = () => findBrowser(kind, { env: process.env, isExecutable: isExecutableFile });
let found = lookup();
if (found.path) process.exit(0);
if ('badEnv' in found && found.badEnv) {
  console.error(`${kind.label} for the browser tests: ${found.badEnv}. Fix the variable or unset it.`);
  process.exit(1);
}

const canApt = existsSync('/etc/debian_version') && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(
    `No ${kind.label} found for the browser tests. Install it (Debian/Ubuntu: sudo apt-get install ${kind.aptPackage}; ` +
      `macOS: install Chromium or Google Chrome) or set ${kind.envVars[0]}=/path/to/the/browser, then run npm test again.`,
  );
  process.exit(1);
}

console.log(`No ${kind.label} found: installing Debian's "${kind.aptPackage}" package with apt-get (one time).`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', kind.aptPackage], { stdio: ['ignore', 'ignore', 'inherit'], env });
} catch {
  console.error(`apt-get could not install ${kind.aptPackage}; install it by hand or set ${kind.envVars[0]}.`);
  process.exit(1);
}
found = lookup();
if (!found.path) {
  console.error(`${kind.aptPackage} was installed but no ${kind.label} executable was found; set ${kind.envVars[0]}.`);
  process.exit(1);
}
