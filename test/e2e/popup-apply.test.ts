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

it('applies a console game with the console network it includes, and explains a port only one device can have', async () => {
  server.reset({
    rules: [{ name: 'Other PS5', protocol: 'both', externalStart: 3074, externalEnd: 3074, internalStart: 3074, internalEnd: 3074, ip: '192.168.1.99', enabled: true }],
  });
  const router = await ext.context.newPage();
  await router.goto(server.url);
  const tabId = await tabIdOf(ext, router);

  const popup = await openPopup(ext.context, ext.extensionId, tabId);
  await popup.waitForSelector('#results li');
  await popup.keyboard.type('black ops 6');
  await popup.waitForFunction(() => /Black Ops 6/.test(document.querySelector('#results li')?.textContent ?? ''));
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('#router-detected');
  await popup.selectOption('#preset-platform', 'ps5');
  await popup.waitForSelector('#rules tr.group');
  expect(await popup.locator('#rules tr.group').textContent()).toBe('Includes PlayStation Network ports');
  expect(await popup.locator('#nat-goal').textContent()).toMatch(/NAT Type 2/);
  await popup.selectOption('#preset-device', { label: 'Server PC — 192.168.1.60' });
  await popup.waitForSelector('#apply:not([disabled])');
  await popup.click('#apply');
  await popup.waitForFunction(() => /Finished/.test(document.querySelector('#apply-progress')?.textContent ?? ''), undefined, { timeout: 30_000 });
  const outcomes = (await popup.locator('#outcomes li').allTextContents()).join('\n');
  expect(outcomes).toMatch(/only one device in your home can have port 3074 TCP\+UDP, and 192\.168\.1\.99 already has it/);
  // Explained below the outcomes, with the two ways out and steps to copy.
  expect(await popup.locator('#conflicts .note').textContent()).toMatch(/^TCP\+UDP 3074 already goes to 192\.168\.1\.99; only one device in your home can have it\. .*UPnP.*move the rule/);
  expect(await popup.locator('#copy-conflicts').textContent()).toBe('Copy instructions');
  const stored = server.rules().map((r) => `${r.protocol} ${r.externalStart}-${r.externalEnd} ${r.ip}`);
  expect(stored).toEqual(expect.arrayContaining(['tcp 3478-3480 192.168.1.60', 'udp 3478-3479 192.168.1.60', 'both 3074-3074 192.168.1.99']));
  expect(stored.filter((r) => r.startsWith('both 3074'))).toHaveLength(1);
  await Promise.all([popup.close(), router.close()]);
});
