// The popup in real Chromium with the built extension: search, open a preset, favorite it,
// add a device, close and reopen: both kept (IndexedDB through Dexie).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../support/browser';

const OUT = 'test-results';

describe('popup', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('searches, favorites, keeps a device across openings', async () => {
    let popup = await openPopup(ext.context, ext.extensionId);
    await popup.setViewportSize({ width: 400, height: 600 });
    // The search box has focus on opening: typing needs no click.
    await popup.waitForSelector('#results li');
    // First screen: what PortPilot does, whether forwarding is needed at all, popular presets first.
    expect(await popup.locator('#welcome .intro').textContent()).toMatch(/^PortPilot fills in your router’s port-forwarding page/);
    expect(await popup.locator('#need-forwarding summary').textContent()).toBe('Do I need to forward ports?');
    expect(await popup.locator('#results li .name').first().textContent()).toBe('Xbox network');
    expect(await popup.locator('#results li').first().textContent()).toMatch(/popular/);
    await popup.screenshot({ path: `${OUT}/popup-first-screen.png` });
    await popup.keyboard.type('minecraft');
    await popup.waitForSelector('#welcome', { state: 'hidden' });
    await popup.waitForFunction(() => document.querySelector('#results li')?.textContent?.includes('Minecraft'));
    const names = await popup.locator('#results li > span:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    // Presets named Minecraft first (others, e.g. a Minecraft-compatible server, follow by alias).
    expect(names.slice(0, 3).every((n) => /minecraft/i.test(n))).toBe(true);
    await popup.screenshot({ path: `${OUT}/popup-search.png` });

    // Enter opens the highlighted result.
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#preset:not([hidden]) #rules');
    const title = await popup.locator('#preset-title').textContent();
    expect(title).toMatch(/Minecraft/);
    expect(await popup.locator('#rules tbody tr').count()).toBeGreaterThan(0);

    // This tab is no router page: Apply explains, and the router addresses are offered as links.
    await popup.waitForSelector('#router-links');
    expect(await popup.locator('#router-links a').allTextContents()).toEqual(['192.168.1.1', '192.168.0.1']);
    expect(await popup.locator('#apply').isDisabled()).toBe(true);

    await popup.click('#favorite');
    await popup.waitForSelector('#favorite[aria-pressed="true"]');

    // No device yet: the form is open, with where to find a PC's address.
    expect(await popup.locator('#find-ip summary').textContent()).toBe('Where do I find the Windows PC’s IP address?');
    // A public address is refused with a reason, keeping what was typed; a LAN address is kept.
    await popup.fill('#new-device-name', 'Gaming PC');
    await popup.fill('#new-device-ip', '8.8.8.8');
    await popup.click('#add-device button[type="submit"]');
    await expect.poll(() => popup.locator('#device-error').textContent()).toMatch(/public internet address/);
    expect(await popup.locator('#new-device-name').inputValue()).toBe('Gaming PC');
    await popup.fill('#new-device-ip', '192.168.1.50');
    await popup.click('#add-device button[type="submit"]');
    await popup.waitForSelector('#preset-device option:checked:has-text("192.168.1.50")', { state: 'attached' });
    await popup.screenshot({ path: `${OUT}/popup-preset.png` });
    await popup.close();

    popup = await openPopup(ext.context, ext.extensionId);
    await popup.waitForSelector('#results li');
    // Empty query: favorites first, marked as such.
    const first = popup.locator('#results li').first();
    expect(await first.textContent()).toMatch(/Minecraft.*favorite/);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#preset:not([hidden]) #rules');
    expect(await popup.locator('#favorite').getAttribute('aria-pressed')).toBe('true');
    expect(await popup.locator('#preset-device option:checked').textContent()).toBe('Gaming PC — 192.168.1.50');
    // Esc goes back to the search with the box focused.
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('#results:not([hidden])');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('q');
    await popup.close();
  });

  it('finds presets by port, and keeps the platform filter', async () => {
    let popup = await openPopup(ext.context, ext.extensionId);
    await popup.waitForSelector('#results li');
    await popup.fill('#q', '25565');
    await popup.waitForFunction(() => /minecraft/i.test(document.querySelector('#results')?.textContent ?? ''));
    // A port: the platform's own preset first, each row saying which rule matched.
    await popup.fill('#q', '3074');
    await popup.waitForFunction(() => document.querySelector('#results li .name')?.textContent === 'Xbox network');
    expect(await popup.locator('#results li').first().locator('.match').textContent()).toMatch(/^TCP\+UDP 3074 · Xbox network/);
    // Nothing relevant: no unrelated fuzzy matches, and two ways forward.
    await popup.fill('#q', 'qqqq zzzz');
    await popup.waitForSelector('#empty-state:not([hidden]) #suggest-preset');
    expect(await popup.locator('#results li').count()).toBe(0);
    expect(await popup.locator('#status').textContent()).toBe('No preset for “qqqq zzzz” yet.');
    expect(await popup.locator('#make-own').getAttribute('href')).toBe('/options.html#custom-h');
    await popup.fill('#q', '25565');
    await popup.waitForSelector('#empty-state[hidden]', { state: 'attached' });
    await popup.selectOption('#platform', 'xbox');
    await popup.close();
    popup = await openPopup(ext.context, ext.extensionId);
    await popup.waitForSelector('#results li');
    expect(await popup.locator('#platform').inputValue()).toBe('xbox');
    await popup.close();
  });
});
