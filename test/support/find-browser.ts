/**
 * Where is a browser to test with? Pure (the file system and PATH lookups are passed in), so
 * the order is unit-tested: the environment variable first, then the names on PATH, then the
 * usual install paths on Linux and macOS.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserKind {
  /** What to call it in messages. */
  label: string;
  /** Environment variables that point at the executable, in order. */
  envVars: string[];
  /** Executable names looked up on PATH, in order. */
  names: string[];
  /** Absolute paths tried last. */
  paths: string[];
  /** Debian/Ubuntu package that provides it. */
  aptPackage: string;
}

export const CHROMIUM: BrowserKind = {
  label: 'Chromium',
  envVars: ['CHROMIUM_PATH', 'PORTPILOT_CHROMIUM'],
  names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  paths: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  aptPackage: 'chromium',
};

export const FIREFOX: BrowserKind = {
  label: 'Firefox',
  envVars: ['FIREFOX_PATH'],
  names: ['firefox-esr', 'firefox'],
  paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
  aptPackage: 'firefox-esr',
};

export interface Lookup {
  env: Record<string, string | undefined>;
  /** True when the path is an executable file. */
  isExecutable(path: string): boolean;
}

export type Found = { path: string; via: string } | { path: null; badEnv?: string };

export function findBrowser(kind: BrowserKind, { env, isExecutable }: Lookup): Found {
  for (const name of kind.envVars) {
    const value = env[name];
    if (!value) continue;
    // A variable set to a path that is not there is a mistake to report, not to skip past.
    if (isExecutable(value)) return { path: value, via: name };
    return { path: null, badEnv: `${name}=${value} is not an executable file` };
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of kind.names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, via: `PATH (${name})` };
    }
  }
  for (const path of kind.paths) if (isExecutable(path)) return { path, via: 'a usual install path' };
  return { path: null };
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser on this machine, or null. */
export function locate(kind: BrowserKind): string | null {
  return findBrowser(kind, { env: process.env, isExecutable: isExecutableFile }).path;
}
