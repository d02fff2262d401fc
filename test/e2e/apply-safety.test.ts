// The six safety invariants of issue 7 §1 in real Chromium with the built extension, on the
// hostile fixtures (test/fixtures/routers/hostile-*) and the RAC2V1K page: what the router
// stores, what it was asked to do, and what PortPilot says, for each way a page can mislead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyJob } from '../../extension/lib/apply/types';
import { comparable, THREE_RULES_EXPECTED, useExtension } from '../support/apply-driver';
import { THEIRS, USERS_OWN } from '../support/router-scenario';
import { startRouterServer, type RouterServer } from '../support/router-server';

const browser = useExtension({ beforeAll, afterAll });

/** Runs one apply on a page of the server and returns the job when it has ended. */
async function applyOn(server: RouterServer, path = server.fixture.page, timeoutMs = 40_000): Promise<ApplyJob> {
  const { page, tabId } = await browser.driver.openRouterPage(server.origin + path);
  const started = await browser.driver.start(tabId);
  if (!started.ok) throw new Error(started.error);
  const job = await browser.driver.waitFor(tabId, undefined, timeoutMs);
  await page.close();
  return job;
}

const deletes = (server: RouterServer) => server.requests().filter((r) => r.method === 'DELETE');

describe('hostile pages', () => {
  const servers: RouterServer[] = [];
  const serve = async (name: string) => {
    const s = await startRouterServer(name);
    servers.push(s);
    s.reset({ rules: USERS_OWN });
    return s;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('never presses the OK of a hidden "Delete ALL rules?" dialog, nor any Delete', async () => {
    const server = await serve('hostile-delete-all-dialog');
    const job = await applyOn(server);
    expect(job.rules.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(deletes(server)).toEqual([]);
    expect(comparable(server.rules())).toEqual(comparable([...USERS_OWN, ...THREE_RULES_EXPECTED]));
  });

  it('stops at once and names the rule when a save makes one of the user\'s rules disappear', async () => {
    const server = await serve('hostile-delete-all-dialog');
    const job = await applyOn(server, '/pf.html?sabotage=1');
    expect(job.state).toBe('stopped');
    expect(job.message).toMatch(/your rule "NAS" \(TCP 5000 → 192\.168\.1\.10\) is no longer listed/);
    // The first save went through (and took the user's rule with it); nothing after it was tried.
    expect(job.rules.map((r) => r.status)).toEqual(['applied', 'pending', 'pending']);
    expect(server.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('never fills the hidden, pre-filled "Edit rule" sheet: the user\'s rules are not replaced', async () => {
    const server = await serve('hostile-hidden-edit-dialog');
    const job = await applyOn(server);
    expect(job.rules.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(deletes(server)).toEqual([]);
    expect(comparable(server.rules())).toEqual(comparable([...USERS_OWN, ...THREE_RULES_EXPECTED]));
  });

  it('a Save that does nothing: not applied, checked after a reload, the job stops naming the rule', async () => {
    const server = await serve('hostile-silent-save');
    const job = await applyOn(server);
    expect(job.state).toBe('stopped');
    expect(job.message).toMatch(/did not list "Test Game 27015" after saving it/);
    expect(job.rules.map((r) => r.status)).toEqual(['failed', 'pending', 'pending']);
    expect(job.rules[0]!.message).toMatch(/checked after reloading the page/);
    expect(server.writes()).toEqual([]);
  });

  it('an alert() after Save ends the job with its text instead of leaving it running', async () => {
    const server = await serve('hostile-silent-save');
    const job = await applyOn(server, '/pf.html?alert=1');
    expect(job.state).toBe('stopped');
    expect(job.message).toContain('The system is busy. Please try again later.');
    expect(job.rules[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('The system is busy') });
    expect(server.writes()).toEqual([]);
  });

  it('an Add that opens nothing ends the job with what it waited for', async () => {
    const server = await serve('hostile-silent-save');
    const job = await applyOn(server, '/pf.html?add=1', 45_000);
    expect(job.state).toBe('stopped');
    expect(job.message).toMatch(/^Stopped: waited \d+ s for the form to open after pressing "Add rule"/);
    expect(server.writes()).toEqual([]);
  }, 60_000);

  it('never reads its own typed row as a saved rule: a slow router that refuses is reported as failed', async () => {
    const server = await serve('hostile-input-row-list');
    server.reset({ rules: USERS_OWN, delayMs: 1500, failNext: 'Mapping table is full' });
    const job = await applyOn(server);
    expect(job.rules[0]).toMatchObject({ status: 'failed', message: 'Mapping table is full' });
    expect(job.rules.slice(1).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(server.rules()).toHaveLength(USERS_OWN.length + 2);
  });

  it('reads the list inside an iframe: a rule of someone else there is a conflict, left alone', async () => {
    const server = await serve('hostile-iframe-list');
    server.reset({ rules: [...USERS_OWN, THEIRS] });
    const job = await applyOn(server);
    const tcp = job.rules.find((r) => r.rule.externalStart === THEIRS.externalStart)!;
    expect(tcp).toMatchObject({ status: 'conflict', message: expect.stringMatching(/192\.168\.1\.99/) });
    expect(job.rules.filter((r) => r.status === 'applied')).toHaveLength(2);
    expect(server.rules().find((r) => r.externalStart === THEIRS.externalStart)).toMatchObject(THEIRS);
  });
});

describe('the in-page panel and the outcome everywhere', () => {
  let server: RouterServer;
  beforeAll(async () => {
    server = await startRouterServer('rac2v1k');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the page can neither read the panel nor stall the job with a look-alike', async () => {
    server.reset();
    const { page, tabId } = await browser.driver.openRouterPage(server.url);
    // The page plants an element that looks like PortPilot's panel before the apply starts.
    await page.evaluate(() => {
      const decoy = document.createElement('div');
      decoy.setAttribute('data-portpilot', 'panel');
      document.body.appendChild(decoy);
    });
    await browser.driver.start(tabId);
    const job = await browser.driver.waitFor(tabId);
    expect(job.state).toBe('done');
    expect(job.rules.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    // The job ends with a reload of the page, where PortPilot shows its panel again: the page
    // (this runs in the page's world) finds the host but cannot open it or read what it says.
    const seen = await page.evaluate(() => ({
      hosts: Array.from(document.querySelectorAll('[data-portpilot="panel"]')).map((h) => h.shadowRoot === null),
      readable: document.body.innerText.includes('As reported to PortPilot'),
    }));
    expect(seen.hosts.length).toBeGreaterThan(0);
    expect(seen.hosts.every(Boolean)).toBe(true);
    expect(seen.readable).toBe(false);
    await page.close();
  });

  it('the popup and the history say "2 applied · 1 conflict" in amber, not a green "all handled"', async () => {
    server.reset({ rules: [THEIRS] });
    const { page, tabId } = await browser.driver.openRouterPage(server.url);
    await browser.driver.start(tabId);
    await browser.driver.waitFor(tabId);
    const popup = await browser.ext.context.newPage();
    await popup.goto(`chrome-extension://${browser.ext.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#results li');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#apply-progress .headline');
    expect(await popup.locator('#apply-progress .headline').textContent()).toBe('Finished: 2 applied · 1 conflict');
    expect(await popup.locator('#apply-progress').getAttribute('data-tone')).toBe('warn');
    expect(await popup.locator('.outcome-bar .seg').evaluateAll((s) => s.map((x) => x.getAttribute('data-status')))).toEqual(['applied', 'conflict']);
    const options = await browser.ext.context.newPage();
    await options.goto(`chrome-extension://${browser.ext.extensionId}/options.html`);
    await options.waitForSelector('#history td[data-tone]');
    expect(await options.locator('#history td[data-tone]').first().textContent()).toBe('2 applied · 1 conflict');
    await Promise.all([options.close(), popup.close(), page.close()]);
  });
});
