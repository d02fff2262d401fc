/**
 * read.page_model_ms: median time of readPage() (the whole page model: form, fields with their
 * confidence, buttons, flow, the saved-rules list, frames) on the largest fixture page,
 * ASUSWRT-Merlin's Virtual Server page, holding 64 rules (its limit), in happy-dom with the
 * page's own scripts run by the loopback test router.
 */
import type { RouterRule } from '../../extension/lib/apply/types';
import { readPage } from '../../extension/lib/apply/read';
import { openPage } from '../../test/support/happy-router';
import { startRouterServer } from '../../test/support/router-server';
import type { Bench } from './types';

const FIXTURE = 'asuswrt-merlin';
const RULES = 64;

const bench: Bench = {
  name: 'read',
  async run() {
    const server = await startRouterServer(FIXTURE);
    const rules: RouterRule[] = Array.from({ length: RULES }, (_, i) => ({
      name: `Rule ${i + 1}`,
      protocol: (['tcp', 'udp', 'both'] as const)[i % 3]!,
      externalStart: 20000 + i * 10,
      externalEnd: 20000 + i * 10 + (i % 4),
      internalStart: 20000 + i * 10,
      internalEnd: 20000 + i * 10 + (i % 4),
      ip: `192.168.1.${10 + (i % 200)}`,
      enabled: true,
    }));
    server.reset({ rules });
    const page = await openPage(server.url);
    try {
      for (let i = 0; i < 100 && readPage(page.doc).rules.length < RULES; i++) await new Promise((r) => setTimeout(r, 50));
      const seen = readPage(page.doc).rules.length;
      if (seen !== RULES) throw new Error(`the ${FIXTURE} page should list ${RULES} rules, the model read ${seen}`);
      // One sample: the median of 15 reads, each timed alone.
      const times: number[] = [];
      readPage(page.doc);
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        readPage(page.doc);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return [{ name: `read.page_model_ms@${FIXTURE}-${RULES}rules`, value: Math.round(times[7]! * 10) / 10, unit: 'ms' }];
    } finally {
      await page.close();
      await server.close();
    }
  },
};
export default bench;
