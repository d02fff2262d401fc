/**
 * npm run demo -- [fixture] [--port N] [--headless]    (default fixture: rac2v1k)
 * npm run demo -- --list
 *
 * Serves a stand-in router (test/fixtures/routers/<fixture>) on 127.0.0.1 and, when a display
 * exists, opens Chromium with the built extension on its port-forwarding page. Without a display
 * it prints the URL and how to load the extension in your own browser, and keeps serving until
 * Ctrl+C. Nothing here talks to any address but loopback.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { listFixtures, startRouterServer } from '../test/support/router-server';
import { CHROMIUM_PATH, DEFAULT_EXTENSION_DIR, launchWithExtension } from '../test/support/browser';

const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run demo -- [fixture] [--port N] [--headless]\n       npm run demo -- --list');
  process.exit(0);
}

if (args.includes('--list')) {
  console.log('Router fixtures (reconstructions; see test/fixtures/routers/README.md):\n');
  for (const f of listFixtures()) {
    console.log(`  ${f.name.padEnd(24)} ${f.kind.padEnd(9)} adapter ${f.adapter.padEnd(18)} ${f.page}`);
  }
  process.exit(0);
}

const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : undefined;
if (portAt >= 0 && !(Number.isInteger(port) && port! > 0 && port! < 65536)) {
  console.error('--port needs a number 1-65535');
  process.exit(2);
}
const name = args.find((a, i) => !a.startsWith('--') && (portAt < 0 || i !== portAt + 1)) ?? 'rac2v1k';
const known = listFixtures().map((f) => f.name);
if (!known.includes(name)) {
  console.error(`unknown fixture "${name}". Fixtures: ${known.join(', ')}`);
  process.exit(2);
}

const extDir = resolve(DEFAULT_EXTENSION_DIR);
if (!existsSync(resolve(extDir, 'manifest.json'))) {
  console.log(`${DEFAULT_EXTENSION_DIR} is missing: running npm run build:e2e …`);
  const built = spawnSync('npm', ['run', 'build:e2e'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('build:e2e failed');
    process.exit(built.status ?? 1);
  }
}

const server = await startRouterServer(name, { port });
console.log(`\nPortPilot demo — fixture "${name}" (${server.fixture.kind}, adapter ${server.fixture.adapter})`);
console.log(`Router page: ${server.url}`);
console.log(`Reset it:    curl -X POST ${server.origin}/__fixture/reset -d '{}'   (see test/fixtures/routers/README.md)`);

let closeBrowser: (() => Promise<void>) | undefined;
let stopping: Promise<void> | undefined;
/** Idempotent: Ctrl+C and the browser closing both land here; the first one does the work. */
async function shutdown(code = 0): Promise<never> {
  stopping ??= (async () => {
    await closeBrowser?.().catch(() => undefined);
    await server.close().catch(() => undefined);
  })();
  await stopping;
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const wantWindow = Boolean(process.env.DISPLAY) && !args.includes('--headless');
if (wantWindow && existsSync(CHROMIUM_PATH)) {
  const ext = await launchWithExtension({ extensionDir: extDir, headless: false, handleSignals: false });
  closeBrowser = ext.close;
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(server.url);
  console.log(`\nChromium is open with PortPilot (extension id ${ext.extensionId}).`);
  console.log('Click the PortPilot toolbar icon on the router page. Close the browser or press Ctrl+C to stop.');
  ext.context.on('close', () => void shutdown(0));
} else {
  if (wantWindow) console.log(`\n(No Chromium at ${CHROMIUM_PATH}; not opening a window.)`);
  console.log(`
No display here, so no browser is opened. To try it in your own Chrome or Chromium on this machine:
  1. Build the extension if needed: npm run build  (writes .output/chrome-mv3)
  2. Open chrome://extensions, switch on Developer mode, click "Load unpacked" and pick
     ${resolve('.output/chrome-mv3')}
     (or ${extDir}, the test build, which already has access to 127.0.0.1 and localhost)
  3. Open ${server.url} and click the PortPilot toolbar icon.

Serving on ${server.origin} until Ctrl+C.`);
}
