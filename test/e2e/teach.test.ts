// Teach it once, when it is not sure (issue 7, §3), in real Chromium with the built extension:
// the preview before the first write, confirmed with the keyboard on a router without an
// adapter of its own; a page PortPilot cannot read, taught by clicking its fields and its save
// button; and in both cases the next applies use what was kept, with no question, and the
// user's own rules never change.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyJob } from '../../extension/lib/apply/types';
import { comparable, THREE_RULES_EXPECTED, useExtension } from '../support/apply-driver';
import { asStored, expectOwnRulesUnchanged, THEIRS, USERS_OWN } from '../support/router-scenario';
import { addDeviceIn, openPresetIn, popupOnRouter } from '../support/popup-steps';
import { loadFixture, startRouterServer, type RouterServer } from '../support/router-server';

const browser = useExtension({ beforeAll, afterAll });
let server: RouterServer | undefined;
let page: Page | undefined;
afterEach(async () => {
  await page?.close();
  await server?.close();
  page = server = undefined;
});

const asked = (j: ApplyJob) => j.state !== 'running' || j.review?.state === 'asked';

/** Starts an apply and waits for the preview to ask (or the job to end). */
async function startAndWaitForPreview(tabId: number): Promise<ApplyJob> {
  const started = await browser.driver.start(tabId);
  expect(started.ok, started.error).toBe(true);
  return browser.driver.waitFor(tabId, asked);
}

/** Waits for the end without answering anything: the person's answer was given on the page. */
async function waitForEnd(tabId: number): Promise<ApplyJob> {
  const job = await browser.driver.waitFor(tabId, (j) => j.state === 'done' || j.state === 'stopped', 30_000, { answer: false });
  expect(job.review?.state, 'the preview was answered on the router page').toBe('confirmed');
  return job;
}

describe('a router without an adapter of its own (ASUSWRT stock page): the preview, confirmed once', () => {
  it('outlines what it will fill, waits for Enter on the router page, then never asks again', async () => {
    const fixture = loadFixture('asuswrt-stock');
    server = await startRouterServer(fixture.dir);
    server.reset({ rules: USERS_OWN });
    let tabId: number;
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));

    const preview = await startAndWaitForPreview(tabId);
    expect(preview.review).toMatchObject({ state: 'asked', ready: true, missing: [] });
    expect(preview.review!.found).toEqual(expect.arrayContaining([expect.stringMatching(/^External port: /), expect.stringMatching(/^Device IP: /), expect.stringMatching(/^Protocol: /)]));
    // Nothing was written while it asks.
    expect(server.writes()).toEqual([]);

    await page.screenshot({ path: 'test-results/teach-preview-asuswrt.png' });
    // Keyboard: the panel starts on "Apply with these fields".
    await page.keyboard.press('Enter');
    let job = await waitForEnd(tabId);
    expect(job.rules.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(job.review).toEqual({ state: 'confirmed', by: 'person' });
    expectOwnRulesUnchanged(fixture, server);
    expect(comparable(server.rules())).toEqual(asStored(fixture, [...USERS_OWN, ...THREE_RULES_EXPECTED]));

    // What was confirmed goes with the page outline.
    const outline = await browser.driver.outline(tabId);
    expect(outline.taught).toEqual([expect.objectContaining({ how: 'confirmed', path: fixture.page })]);
    await page.close();

    // Again: everything is there, nothing to write, nothing to ask.
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));
    job = await browser.driver.apply(tabId);
    expect(browser.driver.questions).toBe(0);
    expect(job.rules.map((r) => r.status)).toEqual(['present', 'present', 'present']);
    expectOwnRulesUnchanged(fixture, server);
    await page.close();

    // Writing again on the same page: the kept confirmation is used, no question.
    server.reset({ rules: [...USERS_OWN, THEIRS] });
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));
    job = await browser.driver.apply(tabId);
    expect(browser.driver.questions).toBe(0);
    expect(job.review).toEqual({ state: 'confirmed', by: 'remembered' });
    expect(job.rules.filter((r) => r.status === 'applied')).toHaveLength(2);
    expectOwnRulesUnchanged(fixture, server, [...USERS_OWN, THEIRS]);
  });
});

describe('a page PortPilot cannot read (picture labels): taught once by clicking', () => {
  /** Clicks a field on the router page, then picks its part in the panel's list by typing (the panel has focus). */
  async function teachField(selector: string, part: string): Promise<void> {
    await page!.click(selector);
    await page!.keyboard.type(part);
  }

  it('asks, is shown the fields and the save button, applies, and the next applies use it with no question', async () => {
    const fixture = loadFixture('picture-labels');
    server = await startRouterServer(fixture.dir);
    server.reset({ rules: USERS_OWN });
    let tabId: number;
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));

    let job = await startAndWaitForPreview(tabId);
    expect(job.review).toMatchObject({ state: 'asked', ready: false, found: [], missing: ['External port', 'Device IP', 'Protocol'] });

    // The page's own script "clicks" its Save button: not a person, so nothing is marked or sent.
    await page.evaluate(() => document.getElementById('save')!.click());
    expect(server.writes()).toEqual([]);

    await teachField('input[name=v1]', 'Rule name');
    await teachField('select[name=v7]', 'Protocol');
    await teachField('input[name=v2]', 'External port');
    await teachField('input[name=v3]', 'External end');
    await teachField('input[name=v4]', 'Internal port');
    await teachField('input[name=v5]', 'Internal end');
    await teachField('input[name=v6]', 'Device');
    await teachField('input[name=v8]', 'Enabled');
    // The router's own Save button, clicked by the person, is marked; the page does not see the click.
    await page.click('#save');
    job = await browser.driver.waitFor(tabId, (j) => j.review?.ready === true, 10_000, { answer: false });
    expect(job.review!.found).toEqual([
      'Rule name: Text box without a label',
      'Protocol: List without a label',
      'External port: Text box without a label',
      'External end port: Text box without a label',
      'Internal port: Text box without a label',
      'Internal end port: Text box without a label',
      'Device IP: Text box without a label',
      'Enabled: Tick box without a label',
    ]);
    expect(server.writes()).toEqual([]);
    await page.screenshot({ path: 'test-results/teach-picture-labels.png' });

    // Keyboard from the save button's list: Tab to "Apply with these fields", Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    job = await waitForEnd(tabId);
    expect(job.rules.map((r) => `${r.status}${r.message ? `: ${r.message}` : ''}`)).toEqual(['applied', 'applied', 'applied']);
    expectOwnRulesUnchanged(fixture, server);
    expect(comparable(server.rules())).toEqual(asStored(fixture, [...USERS_OWN, ...THREE_RULES_EXPECTED]));
    const outline = await browser.driver.outline(tabId);
    expect(outline.taught?.[0]).toMatchObject({ how: 'taught', path: '/forward.html', save: 'Save' });
    expect(outline.taught?.[0]?.fields.map((f) => f.part)).toEqual(['Rule name', 'Protocol', 'External port', 'External end port', 'Internal port', 'Internal end port', 'Device IP', 'Enabled']);
    await page.close();

    // Again: everything is there; no question.
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));
    job = await browser.driver.apply(tabId);
    expect(browser.driver.questions).toBe(0);
    expect(job.rules.map((r) => r.status)).toEqual(['present', 'present', 'present']);
    expectOwnRulesUnchanged(fixture, server);
    await page.close();

    // Someone else's rule on a port the preset wants: a conflict, left as it was; still no question.
    server.reset({ rules: [...USERS_OWN, THEIRS] });
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));
    job = await browser.driver.apply(tabId);
    expect(browser.driver.questions).toBe(0);
    expect(job.review).toEqual({ state: 'confirmed', by: 'remembered' });
    expect(job.rules.find((r) => r.rule.externalStart === THEIRS.externalStart)?.status).toBe('conflict');
    expect(job.rules.filter((r) => r.status === 'applied')).toHaveLength(2);
    expectOwnRulesUnchanged(fixture, server, [...USERS_OWN, THEIRS]);
    await page.close();

    // The options page lists the page; forgetting it means PortPilot asks again there.
    const options = await browser.ext.context.newPage();
    await options.goto(`chrome-extension://${browser.ext.extensionId}/options.html`);
    const here = options.locator('#taught-list li', { hasText: `${server.origin}/forward.html` });
    await here.waitFor();
    expect(await here.textContent()).toMatch(/: you showed the fields on .*Forget$/);
    await here.locator('button').click();
    await options.waitForFunction((o) => !document.querySelector('#taught-list')!.textContent!.includes(o), `${server.origin}/forward.html`);
    expect(await options.locator('#taught-status').textContent()).toBe(`Forgot ${server.origin}/forward.html: PortPilot asks again there.`);
    await options.close();
    server.reset({ rules: USERS_OWN });
    ({ page, tabId } = await browser.driver.openRouterPage(server.url));
    job = await browser.driver.apply(tabId);
    expect(browser.driver.questions).toBe(1);
    expect(job.message).toBe('Stopped by you before PortPilot wrote anything.');
  });
});

describe('the whole path in the popup', () => {
  it('offers Apply on a page it cannot read yet, says it will ask, shows what is missing, and takes the answer from the popup', async () => {
    server = await startRouterServer('picture-labels');
    server.reset({ rules: USERS_OWN });
    const { popup, router } = await popupOnRouter(browser.ext, server);
    page = router;
    await openPresetIn(popup, 'minecraft java', /Minecraft: Java/);
    await addDeviceIn(popup, 'Server PC', '192.168.1.60');
    await popup.waitForSelector('#apply:not([disabled])');
    expect(await popup.locator('#apply-reason').textContent()).toMatch(/^PortPilot cannot tell this page’s fields apart yet: when you apply, it asks you to show them once, on the page\./);
    await popup.click('#apply');

    await popup.waitForSelector('#review');
    expect(await popup.locator('[role=status].headline').textContent()).toBe('Waiting for you: check the fields PortPilot outlined on the router page.');
    expect(await popup.locator('#review-missing').textContent()).toBe('Not found yet: External port, Device IP, Protocol.');
    expect(await popup.locator('#review-apply').isDisabled()).toBe(true);

    // Shown on the router page: the popup follows.
    for (const [selector, part] of [['select[name=v7]', 'Protocol'], ['input[name=v2]', 'External port'], ['input[name=v6]', 'Device'], ['input[name=v1]', 'Rule name']] as const) {
      await router.click(selector);
      await router.keyboard.type(part);
    }
    await router.click('#save');
    await popup.waitForSelector('#review-apply:not([disabled])');
    expect(await popup.locator('#review-found li').allTextContents()).toEqual([
      'Rule name: Text box without a label',
      'Protocol: List without a label',
      'External port: Text box without a label',
      'Device IP: Text box without a label',
    ]);
    expect(server.writes()).toEqual([]);
    await popup.click('#review-apply');
    await popup.waitForFunction(() => /Finished/.test(document.querySelector('#apply-progress')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await popup.locator('#review').count()).toBe(0);
    expect(server.rules().map((r) => [r.protocol, r.externalStart, r.ip])).toContainEqual(['tcp', 25565, '192.168.1.60']);
    expectOwnRulesUnchanged(loadFixture('picture-labels'), server);
    await popup.close();
  });
});
