/**
 * The router scenario every fixture goes through, in any browser: the Chromium suite
 * (test/e2e/routers.test.ts) and the Firefox suite (test/e2e/firefox.test.ts) run the same steps
 * with the same assertions through their own driver.
 */
import { expect } from 'vitest';
import type { ApplyJob, Detection, RouterRule } from '../../extension/lib/apply/types';
import { comparable, THREE_RULES_EXPECTED } from './apply-driver';
import type { FixtureInfo, RouterServer } from './router-server';
import { fitName } from '../../extension/lib/apply/fit-name';

/** What a scenario needs of a browser with the extension: a tab on a page, and the popup's messages. */
export interface ScenarioDriver {
  openRouterPage(url: string): Promise<{ page: { close(): Promise<void> }; tabId: number }>;
  detect(tabId: number): Promise<Detection>;
  apply(tabId: number): Promise<ApplyJob>;
}

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
export const USERS_OWN: RouterRule[] = [port('tcp', 5000, '192.168.1.10', 'NAS'), port('udp', 8000, '192.168.1.20', 'Camera')];
/** Someone else's rule on a port the preset wants: reported as a conflict, left as it is. */
export const THEIRS = port('tcp', 25565, '192.168.1.99', 'Their server');

/** Rules as this router keeps them: without a name when it stores none, shortened to its name box. */
export function asStored(fixture: FixtureInfo, rules: RouterRule[]): RouterRule[] {
  const name = (n: string) => (fixture.storesName === false ? '' : fixture.nameMaxLength ? fitName(n, fixture.nameMaxLength) : n);
  return comparable(rules.map((r) => ({ ...r, name: name(r.name) })));
}

/** Each of the user's own rules is still there exactly once, every field as it was. */
export function expectOwnRulesUnchanged(fixture: FixtureInfo, server: RouterServer, own: RouterRule[] = USERS_OWN): void {
  const now = comparable(server.rules());
  for (const want of asStored(fixture, own)) {
    const same = now.filter((r) => r.protocol === want.protocol && r.externalStart <= want.externalEnd && want.externalStart <= r.externalEnd);
    expect(same, `the user's own rule "${want.name || want.externalStart}" on the router`).toEqual([want]);
  }
}

/** A reason a person can read: words, no code, no pattern, no selector. */
export function expectUserReadable(text: string | undefined): void {
  expect(text ?? '').toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
  expect(text).not.toMatch(/undefined|null|\[object|NaN|\\[dsw]|\[name=|querySelector|Error:|at \w+ \(/);
}

/** Applies 3 rules exactly, then finds them all present, then reports a conflict untouched; the user's own rules never change. */
export async function applyScenario(driver: ScenarioDriver, server: RouterServer, fixture: FixtureInfo): Promise<void> {
  server.reset({ rules: USERS_OWN });
  let { page, tabId } = await driver.openRouterPage(server.url);
  let job = await driver.apply(tabId);
  expect(job.rules.map((r) => `${r.status}${r.message ? `: ${r.message}` : ''}`)).toEqual(['applied', 'applied', 'applied']);
  expect(job.state).toBe('done');
  expectOwnRulesUnchanged(fixture, server);
  expect(comparable(server.rules())).toEqual(asStored(fixture, [...USERS_OWN, ...THREE_RULES_EXPECTED]));
  await page.close();

  ({ page, tabId } = await driver.openRouterPage(server.url));
  job = await driver.apply(tabId);
  expect(job.rules.map((r) => r.status)).toEqual(['present', 'present', 'present']);
  expectOwnRulesUnchanged(fixture, server);
  expect(comparable(server.rules())).toEqual(asStored(fixture, [...USERS_OWN, ...THREE_RULES_EXPECTED]));
  await page.close();

  server.reset({ rules: [...USERS_OWN, THEIRS] });
  ({ page, tabId } = await driver.openRouterPage(server.url));
  job = await driver.apply(tabId);
  const tcp = job.rules.find((r) => r.rule.externalStart === THEIRS.externalStart)!;
  expect(tcp.status).toBe('conflict');
  expect(tcp.message).toMatch(fixture.storesName === false ? /192\.168\.1\.99/ : /192\.168\.1\.99|Their server/);
  expect(job.rules.filter((r) => r.status === 'applied')).toHaveLength(2);
  expectOwnRulesUnchanged(fixture, server, [...USERS_OWN, THEIRS]);
  expect(server.rules()).toHaveLength(USERS_OWN.length + 3);
  await page.close();
}

/** Stops with a reason a person can read, writes nothing, and the user's own rules never change. */
export async function refuseScenario(driver: ScenarioDriver, server: RouterServer, fixture: FixtureInfo): Promise<void> {
  server.reset({ rules: USERS_OWN });
  const writesBefore = server.writes().length;
  const { page, tabId } = await driver.openRouterPage(server.url);
  const job = await driver.apply(tabId);
  expect(job.state).toBe('stopped');
  expectUserReadable(job.message);
  expect(job.rules.filter((r) => r.status === 'applied' || r.status === 'saving')).toEqual([]);
  expect(server.writes().slice(writesBefore)).toEqual([]);
  expectOwnRulesUnchanged(fixture, server);
  expect(comparable(server.rules())).toEqual(asStored(fixture, USERS_OWN));
  await page.close();
}
