// Every router fixture (test/fixtures/routers/* and the folders under each directory in
// $ROUTER_FIXTURES, colon-separated) gets the same scenario through the popup's Apply path,
// in real Chromium with the built extension, against the loopback router server.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterRule } from '../../extension/lib/apply/types';
import { comparable, THREE_RULES_EXPECTED, useExtension } from '../support/apply-driver';
import { listFixtures, startRouterServer, type FixtureInfo, type RouterServer } from '../support/router-server';

const fixtures: FixtureInfo[] = [
  ...listFixtures(),
  ...(process.env.ROUTER_FIXTURES ?? '').split(':').filter(Boolean).flatMap((dir) => listFixtures(resolve(dir))),
];
const expected = THREE_RULES_EXPECTED;
const browser = useExtension({ beforeAll, afterAll });

it('has router fixtures to test', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(10);
});

for (const fixture of fixtures) {
  describe(`${fixture.name} (${fixture.kind}, ${fixture.adapter})`, () => {
    let server: RouterServer;
    beforeAll(async () => {
      server = await startRouterServer(fixture.dir);
    });
    afterAll(async () => {
      await server?.close();
    });

    if (fixture.kind === 'form') {
      it('detects the router with the expected adapter', async () => {
        const { page, tabId } = await browser.driver.openRouterPage(server.url);
        const detection = await browser.driver.detect(tabId);
        expect(detection).toMatchObject({ kind: 'form', origin: server.origin });
        if (fixture.adapter !== 'generic') expect(detection.adapterId).toBe(fixture.adapter);
        await page.close();
      });

      it('applies 3 rules exactly, then finds them all present, then reports a conflict untouched', async () => {
        server.reset();
        let { page, tabId } = await browser.driver.openRouterPage(server.url);
        let job = await browser.driver.apply(tabId);
        expect(job.rules.map((r) => `${r.status}${r.message ? `: ${r.message}` : ''}`)).toEqual(['applied', 'applied', 'applied']);
        expect(job.state).toBe('done');
        expect(comparable(server.rules())).toEqual(comparable(expected));
        await page.close();

        ({ page, tabId } = await browser.driver.openRouterPage(server.url));
        job = await browser.driver.apply(tabId);
        expect(job.rules.map((r) => r.status)).toEqual(['present', 'present', 'present']);
        expect(server.rules()).toHaveLength(3);
        await page.close();

        const theirs: RouterRule = { name: 'Their server', protocol: 'tcp', externalStart: 25565, externalEnd: 25565, internalStart: 25565, internalEnd: 25565, ip: '192.168.1.99', enabled: true };
        server.reset({ rules: [theirs] });
        ({ page, tabId } = await browser.driver.openRouterPage(server.url));
        job = await browser.driver.apply(tabId);
        const tcp = job.rules.find((r) => r.rule.externalStart === 25565)!;
        expect(tcp.status).toBe('conflict');
        expect(tcp.message).toMatch(/192\.168\.1\.99|Their server/);
        expect(job.rules.filter((r) => r.status === 'applied')).toHaveLength(2);
        expect(server.rules().find((r) => r.externalStart === 25565)).toMatchObject(theirs);
        expect(server.rules()).toHaveLength(3);
        await page.close();
      });
    }

    if (fixture.kind === 'app-only') {
      it('shows the My Spectrum checklist and fills nothing', async () => {
        server.reset();
        const { page, tabId } = await browser.driver.openRouterPage(server.url);
        expect(await browser.driver.detect(tabId)).toMatchObject({ kind: 'app-only' });
        const popup = await browser.ext.context.newPage();
        await popup.goto(`chrome-extension://${browser.ext.extensionId}/popup.html?tab=${tabId}`);
        await popup.waitForSelector('#results li');
        await popup.fill('#q', 'minecraft java');
        await popup.keyboard.press('Enter');
        await popup.waitForSelector('#app-checklist');
        expect(await popup.locator('#app-checklist').textContent()).toMatch(/My Spectrum app.*Reserve/s);
        expect(await popup.locator('#apply').isDisabled()).toBe(true);
        expect(server.rules()).toEqual([]);
        expect(server.requests().filter((r) => r.method !== 'GET')).toEqual([]);
        await popup.close();
        await page.close();
      });
    }

    if (fixture.kind === 'login') {
      it('is recognised as a login page; Apply waits for the login', async () => {
        const { page, tabId } = await browser.driver.openRouterPage(server.url);
        expect(await browser.driver.detect(tabId)).toMatchObject({ kind: 'login' });
        expect(server.rules()).toEqual([]);
        await page.close();
      });
    }
  });
}
