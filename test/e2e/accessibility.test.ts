// axe-core on the popup (first screen, results, preset view, device states, apply outcomes) and
// on the options page, in light and dark: 0 violations. The same run saves screenshots of the
// main states to test-results/screenshots (three of them, copied to docs/, are in the README).
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { extensionWithRouter } from '../support/extension-with-router';
import { addDeviceIn, openPresetIn, popupOnRouter as popupOnRouterOf } from '../support/popup-steps';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const session = extensionWithRouter('rac2v1k');

/** Checks the page as it stands, then saves what it looks like. */
async function state(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const popupOnRouter = (scheme: 'light' | 'dark' = 'light') => popupOnRouterOf(session.ext(), session.server(), scheme);
const open = openPresetIn;

describe('accessibility and screenshots', () => {
  it('the checker itself finds violations where there are some', async () => {
    const page = await session.ext().context.newPage();
    await page.goto(session.server().url);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="x.png"><ul><div>not a list item</div></ul>');
    });
    expect((await axeViolations(page)).map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'list']));
    await page.close();
  });

  it('popup: first screen, search results, no results, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { popup, router } = await popupOnRouter(scheme);
      await popup.click('#need-forwarding summary');
      await state(popup, `popup-first-screen-${scheme}`);
      await popup.fill('#q', '3074');
      await popup.waitForFunction(() => document.querySelector('#results li .name')?.textContent === 'Xbox network');
      await state(popup, `popup-search-3074-${scheme}`);
      await popup.fill('#q', 'qqqq zzzz');
      await popup.waitForSelector('#empty-state:not([hidden])');
      await state(popup, `popup-no-results-${scheme}`);
      await Promise.all([popup.close(), router.close()]);
    }
  });

  it('popup: preset view with the add-device form, a taken address, and a forward like a DMZ', async () => {
    const { popup, router } = await popupOnRouter();
    await open(popup, 'minecraft java', /Minecraft: Java/);
    await popup.click('#find-ip summary');
    await state(popup, 'popup-preset-add-device');
    await popup.fill('#new-device-name', 'Gaming PC');
    await popup.fill('#new-device-ip', '8.8.8.8');
    await popup.click('#add-device button[type="submit"]');
    await popup.waitForSelector('#device-error');
    await state(popup, 'popup-preset-device-error');
    await popup.fill('#new-device-ip', '192.168.1.20');
    await popup.click('#add-device button[type="submit"]');
    await popup.waitForSelector('#preset-device option:checked:has-text("Gaming PC")', { state: 'attached' });
    await popup.click('#add-device-toggle');
    await popup.fill('#new-device-name', 'Server');
    await popup.fill('#new-device-ip', '192.168.1.20');
    await popup.click('#add-device button[type="submit"]');
    await popup.waitForSelector('#device-taken');
    await state(popup, 'popup-preset-device-taken');
    await popup.keyboard.press('Escape');

    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await open(popup, 'mario kart', /Mario Kart/);
      await popup.selectOption('#preset-device', { label: 'Gaming PC — 192.168.1.20' });
      await popup.waitForSelector('#confirm-wide');
      await state(popup, `popup-preset-whole-udp-${scheme}`);
      await popup.keyboard.press('Escape');
    }
    await Promise.all([popup.close(), router.close()]);
  });

  it('popup: applying, done with "Did it work?", and a conflict explained', async () => {
    session.server().reset({
      rules: [{ name: 'Other PS5', protocol: 'both', externalStart: 3074, externalEnd: 3074, internalStart: 3074, internalEnd: 3074, ip: '192.168.1.99', enabled: true }],
    });
    const { popup, router } = await popupOnRouter();
    await open(popup, 'xbox network', /^Xbox network$/);
    await addDeviceIn(popup, 'Xbox', '192.168.1.51', 'xbox-series');
    await popup.waitForSelector('#apply:not([disabled])');
    await popup.click('#apply');
    await popup.waitForSelector('#apply-progress');
    expect(await axeViolations(popup), 'applying').toEqual([]);
    await popup.waitForSelector('#did-it-work', { timeout: 30_000 });
    await state(popup, 'popup-applied-conflict');
    expect(await popup.locator('#conflicts').count()).toBe(1);
    await Promise.all([popup.close(), router.close()]);
  });

  it('options page, in light and dark, with errors shown and the preset editor open', async () => {
    const ext = session.ext();
    const page = await ext.context.newPage();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await page.waitForSelector('#devices tr');
      await state(page, `options-${scheme}`);
      await page.fill('#device-name', 'Xbox');
      await page.fill('#device-ip', '192.168.1.255');
      await page.click('#device-form button');
      await expect.poll(() => page.locator('#device-errors').textContent()).toMatch(/broadcast/);
      await page.click('#custom-new');
      await page.click('#custom-form button[type="submit"]');
      await page.waitForSelector('#custom-summary:not([hidden])');
      await state(page, `options-errors-${scheme}`);
    }
    await page.close();
  });
});
