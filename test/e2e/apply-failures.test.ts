// What goes wrong during an apply, in real Chromium, on an in-page router (RAC2V1K), a router
// whose Save reloads the page (RAC2V1A) and a multi-page flow (Netgear): each reported as it
// happened, nothing lost, nothing saved twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparable, THREE_RULES_EXPECTED, useExtension } from '../support/apply-driver';
import { startRouterServer, type RouterServer } from '../support/router-server';

const expected = THREE_RULES_EXPECTED;
const browser = useExtension({ beforeAll, afterAll });

for (const name of ['rac2v1k', 'rac2v1a', 'netgear-charter']) {
  describe(name, () => {
    let server: RouterServer;
    beforeAll(async () => {
      server = await startRouterServer(name);
    });
    afterAll(async () => {
      await server?.close();
    });

    it("reports the router's error banner for that rule and carries on; a retry completes", async () => {
      server.reset({ failNext: 'Router says no: the rule table is full' });
      const { page, tabId } = await browser.driver.openRouterPage(server.url);
      let job = await browser.driver.apply(tabId);
      expect(job.rules[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('the rule table is full') });
      expect(job.rules.slice(1).map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(server.rules()).toHaveLength(2);

      await page.goto(server.url);
      job = await browser.driver.apply(tabId);
      expect(job.rules.map((r) => r.status)).toEqual(['applied', 'present', 'present']);
      expect(comparable(server.rules())).toEqual(comparable(expected));
      await page.close();
    });

    it('pauses when the session expires mid-apply and resumes after login', async () => {
      server.reset({ delayMs: 300 });
      const { page, tabId } = await browser.driver.openRouterPage(server.url);
      await browser.driver.start(tabId);
      await browser.driver.waitFor(tabId, (j) => j.rules[0]!.status === 'applied');
      server.reset({ rules: server.rules(), delayMs: 300, expireSession: true });
      const paused = await browser.driver.waitFor(tabId, (j) => j.state === 'paused-login' || j.state === 'done');
      expect(paused.state).toBe('paused-login');
      expect(paused.message).toMatch(/log in/i);

      await page.waitForSelector('#login-form');
      await page.fill('#password', 'not-stored-anywhere');
      await page.click('#login-button');
      const job = await browser.driver.waitFor(tabId);
      expect(job.state).toBe('done');
      expect(job.rules.every((r) => r.status === 'applied')).toBe(true);
      expect(comparable(server.rules())).toEqual(comparable(expected));
      await page.close();
    });

    it('waits out a slow save, showing progress', async () => {
      server.reset({ delayMs: 1200 });
      const { page, tabId } = await browser.driver.openRouterPage(server.url);
      await browser.driver.start(tabId);
      const midway = await browser.driver.waitFor(tabId, (j) => j.rules.some((r) => r.status === 'saving'));
      expect(midway.state).toBe('running');
      // The in-page panel shows progress on the router page itself.
      expect(await page.locator('[data-portpilot="panel"]').count()).toBe(1);
      const job = await browser.driver.waitFor(tabId);
      expect(job.rules.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      expect(comparable(server.rules())).toEqual(comparable(expected));
      await page.close();
    });

    it('survives navigating away mid-apply: resumes on return, nothing duplicated', async () => {
      server.reset({ delayMs: 500 });
      const { page, tabId } = await browser.driver.openRouterPage(server.url);
      await browser.driver.start(tabId);
      await browser.driver.waitFor(tabId, (j) => j.rules[0]!.status === 'applied');
      // Another origin (localhost is not 127.0.0.1): the job waits and nothing is injected there.
      // The engine may be navigating the router page itself (Netgear's list → form), which
      // can win over ours: go until we are there, as a user clicking a bookmark twice would.
      const away = `http://localhost:${server.port}/_shared/plain.html`;
      for (let i = 0; !page.url().startsWith(away); i++) {
        if (i === 5) throw new Error(`could not leave the router page: ${page.url()}`);
        await page.goto(away).catch(() => undefined);
        await page.waitForLoadState('load').catch(() => undefined);
      }
      await page.waitForTimeout(800);
      expect(await page.locator('[data-portpilot]').count()).toBe(0);
      expect((await browser.driver.status(tabId))?.state).toBe('running');

      await page.goto(server.url);
      const job = await browser.driver.waitFor(tabId);
      expect(job.state, JSON.stringify(job, null, 1)).toBe('done');
      expect(job.rules.map((r) => `${r.status}${r.message ? `: ${r.message}` : ''}`)).toEqual(
        job.rules.map((r) => (r.status === 'present' ? 'present' : 'applied')),
      );
      expect(comparable(server.rules())).toEqual(comparable(expected));
      await page.close();
    });
  });
}

describe('fill-only', () => {
  it('types the first rule and leaves Save to the user', async () => {
    const server = await startRouterServer('rac2v1k');
    try {
      const { page, tabId } = await browser.driver.openRouterPage(server.url);
      const job = await browser.driver.apply(tabId, 'fill-only');
      expect(job.rules[0]!.status).toBe('filled');
      expect(server.rules()).toEqual([]);
      expect(server.requests().filter((r) => r.method === 'POST')).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
