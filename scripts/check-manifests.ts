/**
 * Pins what the shipped manifests may ask for. Any change to permissions, host access,
 * content scripts, web-accessible resources, external messaging or CSP fails here until
 * test/fixtures/manifest-permissions.json is updated on purpose (`-- --update`), so a new
 * permission is always a reviewed diff.
 *
 *   tsx scripts/check-manifests.ts [--update]   (after `wxt build` and `wxt build -b firefox`)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const PINNED = 'test/fixtures/manifest-permissions.json';
const BUILDS = { chrome: '.output/chrome-mv3/manifest.json', firefox: '.output/firefox-mv2/manifest.json' };
const KEYS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
  'content_security_policy',
] as const;

type Pinned = Record<keyof typeof BUILDS, Record<string, unknown>>;

function read(path: string): Record<string, unknown> {
  if (!existsSync(path)) {
    console.error(`check-manifests: ${path} is missing; build first (wxt build && wxt build -b firefox)`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const actual = {} as Pinned;
for (const [browser, path] of Object.entries(BUILDS) as [keyof typeof BUILDS, string][]) {
  const manifest = read(path);
  actual[browser] = Object.fromEntries(KEYS.filter((k) => manifest[k] !== undefined).map((k) => [k, manifest[k]]));
}

if (process.argv.includes('--update')) {
  writeFileSync(PINNED, `${JSON.stringify(actual, null, 2)}\n`);
  console.log(`check-manifests: wrote ${PINNED}`);
  process.exit(0);
}

const pinned = JSON.parse(readFileSync(PINNED, 'utf8')) as Pinned;
let failed = false;
for (const browser of Object.keys(BUILDS) as (keyof typeof BUILDS)[]) {
  for (const key of KEYS) {
    const want = pinned[browser]?.[key];
    const got = actual[browser][key];
    if (isDeepStrictEqual(want, got)) continue;
    failed = true;
    console.error(`${browser} manifest ${key}: pinned ${JSON.stringify(want)}, built ${JSON.stringify(got)}`);
  }
}
if (failed) {
  console.error(`check-manifests: the shipped permissions changed. If that is intended, run \`npm run check:manifests -- --update\` and commit ${PINNED}.`);
  process.exit(1);
}
console.log('check-manifests: Chrome and Firefox manifests ask for exactly the pinned permissions');
