// The popup as a guide, in Chromium with the built extension on a router fixture: devices per
// platform, a forward like a DMZ confirmed first, the apply bar in view at 600 px, nothing
// sideways at 320 px, and focus kept (Apply → outcome headline, never the page body).
import { describe, expect, it } from 'vitest';
import { openPopup, tabIdOf } from '../support/browser';
import { extensionWithRouter } from '../support/extension-with-router';
import { presetRenderTimes } from '../support/preset-render-timing';
import { addDeviceIn, openPresetIn, popupOnRouter as popupOnRouterOf } from '../support/popup-steps';

const session = extensionWithRouter('rac2v1k');

const popupOnRouter = () => popupOnRouterOf(session.ext(), session.server());
const open = openPresetIn;
const addDevice = addDeviceIn;

describe('popup guide', () => {
  it('chooses the device per platform and asks before reusing an address', async () => {
    const { popup, router } = await popupOnRouter();
    await open(popup, 'playstation network', /^PlayStation Network$/);
    await addDevice(popup, 'PS5', '192.168.1.50', 'ps5');
    await popup.waitForSelector('#preset-device option:checked:has-text("PS5 — 192.168.1.50")', { state: 'attached' });
    await addDevice(popup, 'Gaming PC', '192.168.1.50', 'pc');
    await popup.waitForSelector('#device-taken');
    expect(await popup.locator('#device-taken p').textContent()).toMatch(/^192\.168\.1\.50 is already “PS5”/);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('replace-device');
    await popup.click('#keep-device');
    // Keeping the other device leaves what was typed, ready for another address.
    expect(await popup.locator('#new-device-name').inputValue()).toBe('Gaming PC');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('new-device-ip');
    // A PC added while looking at a PlayStation preset is kept for PC presets, not chosen here.
    await addDevice(popup, 'Gaming PC', '192.168.1.20', 'pc');
    await popup.waitForSelector('#device-note');
    expect(await popup.locator('#device-note').textContent()).toBe('Added “Gaming PC”: PortPilot offers it for PC presets.');
    expect(await popup.locator('#preset-device option:checked').textContent()).toBe('PS5 — 192.168.1.50');
    await popup.keyboard.press('Escape');

    // A PC preset offers the PC; a PlayStation preset the PS5; a Switch preset asks.
    await open(popup, 'minecraft java', /Minecraft: Java/);
    expect(await popup.locator('#preset-device option:checked').textContent()).toBe('Gaming PC — 192.168.1.20');
    await popup.keyboard.press('Escape');
    await open(popup, 'black ops 6', /Black Ops 6/);
    await popup.selectOption('#preset-platform', 'ps5');
    await expect.poll(() => popup.locator('#preset-device option:checked').textContent()).toBe('PS5 — 192.168.1.50');
    await popup.keyboard.press('Escape');
    await open(popup, 'mario kart', /Mario Kart/);
    expect(await popup.locator('#preset-device option:checked').textContent()).toBe('Choose a device…');
    await Promise.all([popup.close(), router.close()]);
  });

  it('asks for an explicit "I understand" before forwarding every UDP port, and keeps Apply in view', async () => {
    const { popup, router } = await popupOnRouter();
    await open(popup, 'mario kart', /Mario Kart/);
    await addDevice(popup, 'Switch', '192.168.1.40', 'switch');
    await popup.waitForSelector('#preset-device option:checked:has-text("Switch")', { state: 'attached' });
    // One warning, not a box per well-known port.
    expect(await popup.locator('#preset-body .note[data-kind="whole-device"]').count()).toBe(1);
    expect(await popup.locator('#preset-body .note').allTextContents()).not.toContainEqual(expect.stringMatching(/SSH|Remote Desktop|FTP/));
    expect(await popup.locator('#apply').isDisabled()).toBe(true);
    expect(await popup.locator('#apply-reason').textContent()).toMatch(/every UDP port.*I understand/);
    // The apply bar is on screen in a 600 px popup, whatever the length of the preset.
    const box = await popup.locator('#apply').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(600);
    await popup.check('#confirm-wide');
    await popup.waitForSelector('#apply:not([disabled])');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('confirm-wide');
    // Changing the device asks again.
    await popup.selectOption('#preset-device', { label: 'Choose a device…' });
    await popup.selectOption('#preset-device', { label: 'Switch — 192.168.1.40' });
    expect(await popup.locator('#confirm-wide').isChecked()).toBe(false);
    await Promise.all([popup.close(), router.close()]);
  });

  it('moves focus to the outcome headline after Apply by keyboard, and says how to check', async () => {
    session.server().reset();
    const { popup, router } = await popupOnRouter();
    await open(popup, 'xbox network', /^Xbox network$/);
    await addDevice(popup, 'Xbox', '192.168.1.51', 'xbox-series');
    await popup.waitForSelector('#apply:not([disabled])');
    await popup.focus('#apply');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#apply-progress');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await popup.waitForSelector('#did-it-work', { timeout: 30_000 });
    expect(await popup.evaluate(() => document.activeElement === document.body)).toBe(false);
    expect(await popup.locator('#did-it-work').textContent()).toMatch(/Test NAT type.*NAT type Open/);
    await Promise.all([popup.close(), router.close()]);
  });

  it('warns on the forwarding page when the router\'s status page showed a carrier-grade NAT address', async () => {
    const ext = session.ext();
    const server = session.server();
    const router = await ext.context.newPage();
    await router.goto(`${server.origin}/index.html`);
    // The status page lists the router's internet address, as routers do.
    await router.evaluate(() => document.querySelector('table')!.insertAdjacentHTML('beforeend', '<tr><td>WAN IP Address</td><td>100.72.4.9</td></tr>'));
    const tabId = await tabIdOf(ext, router);
    let popup = await openPopup(ext.context, ext.extensionId, tabId);
    await popup.waitForSelector('#results li');
    await popup.waitForSelector('#router-here:not([hidden])'); // shown once the page was read (and its address kept)
    await popup.close();

    await router.goto(server.url);
    popup = await openPopup(ext.context, ext.extensionId, tabId);
    await popup.waitForSelector('#results li');
    await open(popup, 'xbox network', /^Xbox network$/);
    await popup.waitForSelector('#wan-warning');
    expect(await popup.locator('#wan-warning').textContent()).toMatch(/^Your router’s internet address is 100\.72\.4\.9, a carrier-grade NAT address: .*Ask your provider for a public IPv4 address/);
    await Promise.all([popup.close(), router.close()]);
  });

  it('opens a 100-rule preset within one frame of script time', async () => {
    const times = (await presetRenderTimes(session.ext(), 100, 6)).slice(1); // the first also compiles
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    expect(median).toBeLessThan(16.7);
  });

  it('works at 320 px without sideways scrolling', async () => {
    const { popup, router } = await popupOnRouter();
    await popup.setViewportSize({ width: 320, height: 600 });
    const overflow = () => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await open(popup, 'call of duty warzone', /Warzone/);
    expect(await overflow()).toBe(0);
    await Promise.all([popup.close(), router.close()]);
  });
});
