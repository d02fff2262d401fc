// A router's status page or menu, in real Chromium: the popup names the router, offers "Open
// Port Forwarding", and that button takes the tab to the router's own port-forwarding page,
// where Apply becomes possible. Framed menus that already show the page are not sent elsewhere.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, openPopup, tabIdOf, type ExtensionBrowser } from '../support/browser';
import { startRouterServer, type RouterServer } from '../support/router-server';

let ext: ExtensionBrowser;
let server: RouterServer | undefined;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Nothing a person reads may hold a pattern, an id or an internal word. */
function expectPlainWords(text: string | null): void {
  expect(text ?? '').toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
  expect(text).not.toMatch(/\\b|\\s|\(\?|#\w|undefined|spectrum-rac|adapter|marker|matched/);
}

it("Spectrum RAC2V1K status page: 'This is your Spectrum RAC2V1K', and Open Port Forwarding goes there", async () => {
  server = await startRouterServer('rac2v1k');
  const router = await ext.context.newPage();
  await router.goto(`${server.origin}/index.html`);
  const tabId = await tabIdOf(ext, router);
  const popup = await openPopup(ext.context, ext.extensionId, tabId);

  await popup.waitForSelector('#router-here:not([hidden]) #open-forwarding');
  const banner = await popup.locator('#router-here').textContent();
  expect(banner).toMatch(/^This is your Spectrum RAC2V1K\. Port forwarding is on another page/);
  expect(banner).toContain('Opens “Advanced › Port Forwarding” on this page.');
  expectPlainWords(banner);

  // In the preset view the same words explain why Apply waits.
  await popup.keyboard.type('minecraft java');
  await popup.waitForFunction(() => /Minecraft: Java/.test(document.querySelector('#results li')?.textContent ?? ''));
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('#apply-section #open-forwarding');
  expect(await popup.locator('#apply').isDisabled()).toBe(true);
  const reason = await popup.locator('#apply-reason').textContent();
  expect(reason).toMatch(/This is your Spectrum RAC2V1K/);
  expectPlainWords(reason);

  // Keyboard: the button is reachable and works with Enter.
  await popup.focus('#apply-section #open-forwarding');
  await popup.keyboard.press('Enter');
  await router.waitForURL(/advanced_port_forwarding\.html$/);
  await popup.waitForFunction(() => /This is your Spectrum RAC2V1K \(/.test(document.querySelector('#router-detected')?.textContent ?? ''), undefined, { timeout: 15_000 });
  expect(await popup.locator('#open-forwarding').count()).toBe(0);
  expect(await popup.locator('#apply-reason').textContent()).toMatch(/Choose the device/);
  expect(server.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  await Promise.all([popup.close(), router.close()]);
});

it('Spectrum Advanced WiFi: named, with the app checklist, and no page to open', async () => {
  server = await startRouterServer('spectrum-advanced-wifi');
  const router = await ext.context.newPage();
  await router.goto(`${server.origin}/index.html`);
  const popup = await openPopup(ext.context, ext.extensionId, await tabIdOf(ext, router));
  await popup.waitForSelector('#router-here:not([hidden])');
  expect(await popup.locator('#router-here').textContent()).toBe(`This is your Spectrum Advanced WiFi (${server.origin})`);
  expect(await popup.locator('#open-forwarding').count()).toBe(0);
  await Promise.all([popup.close(), router.close()]);
});

it('a framed menu that already shows port forwarding is not sent elsewhere', async () => {
  server = await startRouterServer('netgear-genie');
  const router = await ext.context.newPage();
  await router.goto(`${server.origin}/adv_index.htm`);
  await router.waitForSelector('#formframe:not([style*="none"])');
  const popup = await openPopup(ext.context, ext.extensionId, await tabIdOf(ext, router));
  await popup.waitForSelector('#results li');
  await popup.keyboard.type('minecraft java');
  await popup.waitForFunction(() => /Minecraft: Java/.test(document.querySelector('#results li')?.textContent ?? ''));
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('#router-detected');
  // Its menu links to the page its frame already shows: nothing to open, the form is used as it is.
  expect(await popup.locator('#router-detected').textContent()).toBe(`This is your Netgear (${server.origin})`);
  expect(await popup.locator('#open-forwarding').count()).toBe(0);
  expectPlainWords(await popup.locator('#apply-reason').textContent());
  await Promise.all([popup.close(), router.close()]);
});
