/**
 * popup.bundle_kb_gz: what the popup loads before it can search (HTML, JS, CSS; gzipped),
 * popup.first_paint_ms: first contentful paint of the popup page in Chromium (median of 11;
 * budget ≤ 100 ms), beside the same page stripped of scripts and styles.
 * popup.open_100_rules_script_ms: script time of rendering a 100-rule preset (median of 7;
 * budget: one frame, 16 ms).
 * Uses the e2e build (npm run build:e2e), built here when missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_EXTENSION_DIR, launchWithExtension } from '../../test/support/browser';
import { presetRenderTimes } from '../../test/support/preset-render-timing';
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

    // Baseline, side by side: the same HTML with no script and no style sheet. A headless
    // browser opening an extension page as a tab has a floor of its own (seen here 60-100 ms);
    // the difference is what our scripts and styles add.
    writeFileSync(join(dir, 'bench-blank.html'), html.replace(/<script[^>]*><\/script>|<link[^>]*>/g, ''));
    const ext = await launchWithExtension();
    const paints: Record<'popup' | 'bench-blank', number[]> = { popup: [], 'bench-blank': [] };
    let renders: number[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        for (const name of ['popup', 'bench-blank'] as const) {
          const page = await ext.context.newPage();
          await page.goto(`chrome-extension://${ext.extensionId}/${name}.html`);
          const fcp = await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const found = performance.getEntriesByName('first-contentful-paint')[0];
                if (found) return resolve(found.startTime);
                new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
              }),
          );
          await page.close();
          if (i > 0) paints[name].push(fcp); // the first round also starts the renderer
        }
      }
      // Opening a user's preset of 100 rules (the most a preset may have): script time per render.
      renders = (await presetRenderTimes(ext, 100, 8)).slice(1); // the first opening also compiles the code
    } finally {
      await ext.close();
      rmSync(join(dir, 'bench-blank.html'), { force: true });
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const popup = median(paints.popup);
    const blank = median(paints['bench-blank']);
    return [
      { name: 'popup.bundle_kb_gz', value: popupKb, unit: 'kB' },
      { name: 'popup.first_paint_ms', value: Math.round(popup), unit: 'ms' },
      { name: 'popup.blank_page_first_paint_ms', value: Math.round(blank), unit: 'ms' },
      { name: 'popup.first_paint_over_blank_ms', value: Math.round(popup - blank), unit: 'ms' },
      { name: 'popup.open_100_rules_script_ms', value: Math.round(median(renders) * 10) / 10, unit: 'ms' },
    ];
  },
};
export default bench;
