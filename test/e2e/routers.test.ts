// Every router fixture (test/fixtures/routers/* and the folders under each directory in
// $ROUTER_FIXTURES, colon-separated) gets the same scenario through the popup's Apply path,
// in real Chromium with the built extension, against the loopback router server.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExtension } from '../support/apply-driver';
import { applyScenario, refuseScenario } from '../support/router-scenario';
import { listFixtures, startRouterServer, type FixtureInfo, type RouterServer } from '../support/router-server';

const fixtures: FixtureInfo[] = [
  ...listFixtures(),
  ...(process.env.ROUTER_FIXTURES ?? '').split(':').filter(Boolean).flatMap((dir) => listFixtures(resolve(dir))),
];
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

    if (fixture.kind === 'form' && fixture.pending) {
      it.skip(`pending: ${fixture.pending}`, () => {});
    }

    if (fixture.kind === 'form' && !fixture.pending && fixture.outcome !== 'refuses') {
      it('detects the router with the expected adapter', async () => {
        const { page, tabId } = await browser.driver.openRouterPage(server.url);
        const detection = await browser.driver.detect(tabId);
        expect(detection).toMatchObject({ kind: 'form', origin: server.origin });
        if (fixture.adapter !== 'generic') expect(detection.adapterId).toBe(fixture.adapter);
        await page.close();
      });

      it("applies 3 rules exactly, then finds them all present, then reports a conflict untouched; the user's own rules never change", () =>
        applyScenario(browser.driver, server, fixture));
    }

    if (fixture.kind === 'form' && !fixture.pending && fixture.outcome === 'refuses') {
      it("stops with a reason a person can read, writes nothing, and the user's own rules never change", () =>
        refuseScenario(browser.driver, server, fixture));
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
