// The whole path a person takes: router page open, PortPilot popup, pick a preset and a device,
// click Apply, watch the outcome, find the rule in the router and the apply in the history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, openPopup, tabIdOf, type ExtensionBrowser } from '../support/browser';
import { startRouterServer, type RouterServer } from '../support/router-server';

let ext: ExtensionBrowser;
let server: RouterServer;
beforeAll(async () => {
  ext = await launchWithExtension();
  server = await startRouterServer('rac2v1k');
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

it('applies a shipped preset from the popup and records it in the history', async () => {
  const router = await ext.context.newPage();
  await router.goto(server.url);
  const tabId = await tabIdOf(ext, router);

  const popup = await openPopup(ext.context, ext.extensionId, tabId);
  await popup.waitForSelector('#results li');
  await popup.keyboard.type('minecraft java');
  await popup.waitForFunction(() => /Minecraft: Java/.test(document.querySelector('#results li')?.textContent ?? ''));
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('#router-detected');
  expect(await popup.locator('#router-detected').textContent()).toContain(server.origin);
  // No device yet: Apply says why it cannot run.
  expect(await popup.locator('#apply').isDisabled()).toBe(true);
  expect(await popup.locator('#apply-reason').textContent()).toMatch(/Choose the device/);

  await popup.fill('#new-device-name', 'Server PC');
  await popup.fill('#new-device-ip', '192.168.1.60');
  await popup.click('#add-device button[type="submit"]');
  await popup.waitForSelector('#apply:not([disabled])');
  await popup.click('#apply');
  await popup.waitForFunction(() => /Finished/.test(document.querySelector('#apply-progress')?.textContent ?? ''), undefined, { timeout: 30_000 });
  const outcomes = await popup.locator('#outcomes li').allTextContents();
  expect(outcomes.length).toBeGreaterThan(0);
  expect(outcomes.every((o) => /applied/.test(o))).toBe(true);
  expect(server.rules().map((r) => [r.protocol, r.externalStart, r.ip])).toContainEqual(['tcp', 25565, '192.168.1.60']);
  await popup.screenshot({ path: 'test-results/popup-applied.png' });

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.waitForSelector('#history td');
  expect(await options.locator('#history').textContent()).toMatch(/Minecraft: Java Edition.*192\.168\.1\.60.*applied/s);
  await Promise.all([options.close(), popup.close(), router.close()]);
});
