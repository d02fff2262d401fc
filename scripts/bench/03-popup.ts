/**
 * popup.bundle_kb_gz: what the popup loads before it can search (HTML, JS, CSS; gzipped),
 * popup.first_paint_ms: first contentful paint of the popup page in Chromium (median of 7;
 * budget ≤ 100 ms). Uses the e2e build (npm run build:e2e), built here when missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_EXTENSION_DIR, launchWithExtension } from '../../test/support/browser';
import type { Bench } from './types';

const kbGz = (files: string[]) => Math.round(files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) / 102.4) / 10;

const bench: Bench = {
  name: 'popup',
  async run() {
    const dir = DEFAULT_EXTENSION_DIR;
    if (!existsSync(join(dir, 'popup.html'))) execSync('npm run -s build:e2e', { stdio: 'inherit' });
    const html = readFileSync(join(dir, 'popup.html'), 'utf8');
    // Everything the popup loads before it can search: its HTML, CSS, entry script and every
    // chunk that script imports, statically or dynamically, followed transitively.
    const assets = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1]!)));
    for (const file of assets) {
      if (!file.endsWith('.js')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:\.\/|chunks\/)([\w-]+\.js)/g)) assets.add(join(dir, 'chunks', m[1]!));
    }
    const popupKb = kbGz([join(dir, 'popup.html'), ...assets]);

    const ext = await launchWithExtension();
    const paints: number[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const found = performance.getEntriesByName('first-contentful-paint')[0];
              if (found) return resolve(found.startTime);
              new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
            }),
        );
        await page.close();
        if (i > 0) paints.push(fcp); // the first opening also starts the renderer
      }
    } finally {
      await ext.close();
    }
    paints.sort((a, b) => a - b);
    return [
      { name: 'popup.bundle_kb_gz', value: popupKb, unit: 'kB' },
      { name: 'popup.first_paint_ms', value: Math.round(paints[Math.floor(paints.length / 2)]!), unit: 'ms' },
    ];
  },
};
export default bench;
