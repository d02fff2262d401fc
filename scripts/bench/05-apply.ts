/**
 * apply.overhead_ms_per_rule: main-thread script and layout time per rule on the router page
 * while the real extension applies 12 rules to the RAC2V1K fixture (in-page flow) in Chromium,
 * read from the DevTools Performance metrics (ScriptDuration + LayoutDuration +
 * RecalcStyleDuration). Waiting (our pauses between fills, the router's answer, the fixture's
 * simulated delay, which is 0 here) is not script time, so it is left out. The fixture page's
 * own small scripts are counted in: the figure errs high. Budget ≤ 50 ms per rule.
 */
import type { BundledPreset } from '../../extension/lib/presets/bundle';
import { ApplyDriver } from '../../test/support/apply-driver';
import { launchWithExtension } from '../../test/support/browser';
import { startRouterServer } from '../../test/support/router-server';
import type { Bench } from './types';

const RULES = 12;
const PRESET: BundledPreset = {
  id: 'bench-apply',
  name: 'Bench Game',
  aliases: [],
  category: 'game',
  platforms: {
    pc: {
      forward: Array.from({ length: RULES }, (_, i) => ({
        protocol: (['both', 'udp', 'tcp'] as const)[i % 3]!,
        ports: [String(20000 + i * 10)],
        purpose: 'bench rule',
      })),
    },
  },
  verification: 'unverified',
  sources: [],
};
const METRICS = ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'];

const bench: Bench = {
  name: 'apply',
  async run() {
    const server = await startRouterServer('rac2v1k');
    const ext = await launchWithExtension();
    const driver = new ApplyDriver(ext);
    const samples: number[] = [];
    try {
      for (let round = 0; round < 4; round++) {
        server.reset();
        const { page, tabId } = await driver.openRouterPage(server.url);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const read = async () => {
          const { metrics } = await cdp.send('Performance.getMetrics');
          return metrics.filter((m) => METRICS.includes(m.name)).reduce((s, m) => s + m.value, 0) * 1000;
        };
        // The counters start again on each new document (the job ends with one reload of the
        // page to read the router's list again): add up what each document spent, sampled at
        // every status poll (the few ms between the last poll and a reload are not counted).
        const base = await read();
        let total = 0;
        let docStart = base;
        let last = base;
        const sample = async () => {
          const now = await read().catch(() => last);
          if (now < last) {
            total += last - docStart;
            docStart = 0;
          }
          last = now;
        };
        const started = await driver.start(tabId, 'apply', PRESET);
        if (!started.ok) throw new Error(started.error);
        const job = await driver.waitFor(tabId, (j) => {
          void sample();
          return j.state === 'done' || j.state === 'stopped';
        });
        await sample();
        const spent = total + (last - docStart);
        await page.close();
        const applied = job.rules.filter((r) => r.status === 'applied').length;
        if (applied !== RULES) throw new Error(`expected ${RULES} applied, got ${applied}`);
        if (round > 0) samples.push(spent / RULES); // round 0 warms up
      }
    } finally {
      await ext.close();
      await server.close();
    }
    samples.sort((a, b) => a - b);
    return [{ name: 'apply.overhead_ms_per_rule', value: Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10, unit: 'ms' }];
  },
};
export default bench;
