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
const browser = useExtension({ beforeAll, afterAll });

const port = (protocol: RouterRule['protocol'], n: number, ip: string, name: string): RouterRule => ({
  name,
  protocol,
  externalStart: n,
  externalEnd: n,
  internalStart: n,
  internalEnd: n,
  ip,
  enabled: true,
});
/** The user's own rules, on the router before PortPilot comes: they must never change. */
const USERS_OWN: RouterRule[] = [port('tcp', 5000, '192.168.1.10', 'NAS'), port('udp', 8000, '192.168.1.20', 'Camera')];
/** Someone else's rule on a port the preset wants: reported as a conflict, left as it is. */
const THEIRS = port('tcp', 25565, '192.168.1.99', 'Their server');

/** Rules as this router keeps them: without a name when it stores none. */
function asStored(fixture: FixtureInfo, rules: RouterRule[]): RouterRule[] {
  return comparable(fixture.storesName === false ? rules.map((r) => ({ ...r, name: '' })) : rules);
}

/** Each of the user's own rules is still there exactly once, every field as it was. */
function expectOwnRulesUnchanged(fixture: FixtureInfo, server: RouterServer, own: RouterRule[] = USERS_OWN): void {
  const now = comparable(server.rules());
  for (const want of asStored(fixture, own)) {
    const same = now.filter((r) => r.protocol === want.protocol && r.externalStart <= want.externalEnd && want.externalStart <= r.externalEnd);
    expect(same, `the user's own rule "${want.name || want.externalStart}" on the router`).toEqual([want]);
  }
}

/** A reason a person can read: words, no code, no pattern, no selector. */
function expectUserReadable(text: string | undefined): void {
  expect(text ?? '').toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
  expect(text).not.toMatch(/undefined|null|\[object|NaN|\\[dsw]|\[name=|querySelector|Error:|at \w+ \(/);
}

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

      it("applies 3 rules exactly, then finds them all present, then reports a conflict untouched; the user's own rules never change", async () => {
        server.reset({ rules: USERS_OWN });
        let { page, tabId } = await browser.driver.openRouterPage(server.url);
        let job = await browser.driver.apply(tabId);
        expect(job.rules.map((r) => `${r.status}${r.message ? `: ${r.message}` : ''}`)).toEqual(['applied', 'applied', 'applied']);
        expect(job.state).toBe('done');
        expectOwnRulesUnchanged(fixture, server);
        expect(comparable(server.rules())).toEqual(asStored(fixture, [...USERS_OWN, ...THREE_RULES_EXPECTED]));
        await page.close();

        ({ page, tabId } = await browser.driver.openRouterPage(server.url));
        job = await browser.driver.apply(tabId);
        expect(job.rules.map((r) => r.status)).toEqual(['present', 'present', 'present']);
        expectOwnRulesUnchanged(fixture, server);
        expect(comparable(server.rules())).toEqual(asStored(fixture, [...USERS_OWN, ...THREE_RULES_EXPECTED]));
        await page.close();

        server.reset({ rules: [...USERS_OWN, THEIRS] });
        ({ page, tabId } = await browser.driver.openRouterPage(server.url));
        job = await browser.driver.apply(tabId);
        const tcp = job.rules.find((r) => r.rule.externalStart === THEIRS.externalStart)!;
        expect(tcp.status).toBe('conflict');
        expect(tcp.message).toMatch(fixture.storesName === false ? /192\.168\.1\.99/ : /192\.168\.1\.99|Their server/);
        expect(job.rules.filter((r) => r.status === 'applied')).toHaveLength(2);
        expectOwnRulesUnchanged(fixture, server, [...USERS_OWN, THEIRS]);
        expect(server.rules()).toHaveLength(USERS_OWN.length + 3);
        await page.close();
      });
    }

    if (fixture.kind === 'form' && !fixture.pending && fixture.outcome === 'refuses') {
      it("stops with a reason a person can read, writes nothing, and the user's own rules never change", async () => {
        server.reset({ rules: USERS_OWN });
        const writesBefore = server.writes().length;
        const { page, tabId } = await browser.driver.openRouterPage(server.url);
        const job = await browser.driver.apply(tabId);
        expect(job.state).toBe('stopped');
        expectUserReadable(job.message);
        expect(job.rules.filter((r) => r.status === 'applied' || r.status === 'saving')).toEqual([]);
        expect(server.writes().slice(writesBefore)).toEqual([]);
        expectOwnRulesUnchanged(fixture, server);
        expect(comparable(server.rules())).toEqual(asStored(fixture, USERS_OWN));
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
