// The options page in Chromium: devices, a custom preset, export, a bad import refused whole.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';

let ext: ExtensionBrowser;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

it('keeps devices and presets, exports them, and refuses a bad backup without changing anything', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForSelector('#devices tr');

  await page.fill('#device-name', 'Xbox');
  await page.fill('#device-ip', '192.168.1.255');
  await page.click('#device-form button');
  await expect.poll(() => page.locator('#device-errors').textContent()).toMatch(/broadcast/);
  await page.fill('#device-ip', '192.168.1.40');
  await page.click('#device-form button');
  await expect.poll(() => page.locator('#devices').textContent()).toMatch(/Xbox.*192\.168\.1\.40/);

  // A custom preset may not take a shipped id; the JSON editor keeps the text after an error.
  const template = {
    id: 'my-game', name: 'My Game', aliases: [], category: 'game', verification: 'unverified', sources: [],
    platforms: { pc: { forward: [{ protocol: 'udp', ports: ['7777'], purpose: 'online play' }] } },
  };
  await page.click('#custom-new');
  await page.click('#custom-mode');
  await page.fill('#custom-json', JSON.stringify({ ...template, id: 'fortnite' }));
  await page.click('#custom-form button[type="submit"]');
  await expect.poll(() => page.locator('#custom-errors').textContent()).toMatch(/^id: "fortnite" is a preset PortPilot ships/);
  expect(await page.inputValue('#custom-json')).toContain('"fortnite"');
  await page.fill('#custom-json', JSON.stringify(template));
  await page.click('#custom-form button[type="submit"]');
  await expect.poll(() => page.locator('#custom-list').textContent()).toMatch(/My Game \(my-game\)/);

  // Each importer tells a file meant for the other one where it belongs.
  const presetFile = { name: 'my-game.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) };
  await page.setInputFiles('#import', presetFile);
  await expect.poll(() => page.locator('#import-errors li').allTextContents()).toEqual([
    'This file is a preset, not a backup. To use it, add it under "Your presets": choose "New preset", then "Open a preset file".',
  ]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  await page.click('#custom-new');
  await page.setInputFiles('#custom-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect.poll(() => page.locator('#custom-errors li').allTextContents()).toEqual([
    'backup.json is a PortPilot backup, not a preset: import it under "Back up and restore" with "Import a backup"; it brings its presets along.',
  ]);
  await page.click('#custom-cancel');
  expect(backup.devices).toEqual([{ name: 'Xbox', ip: '192.168.1.40' }]);
  expect(backup.customPresets.map((p: { id: string }) => p.id)).toEqual(['my-game']);

  const bad = { ...backup, devices: [...backup.devices, { name: 'Cloud', ip: '8.8.8.8' }], surprise: true };
  await page.setInputFiles('#import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect.poll(() => page.locator('#import-errors li').allTextContents()).toEqual([
    expect.stringMatching(/^devices\.1\.ip: 8\.8\.8\.8 is a public internet address/),
    expect.stringMatching(/^surprise: not part of a PortPilot backup/),
  ]);
  expect(await page.locator('#backup-status').textContent()).toMatch(/bad\.json was not imported; nothing changed/);
  expect(await page.locator('#devices').textContent()).not.toMatch(/Cloud/);
  // The user may import what is valid and skip the rest.
  await page.setInputFiles('#import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...bad, devices: [...bad.devices, { name: 'Deck', ip: '192.168.1.41' }] })) });
  await expect.poll(() => page.locator('#import-go').textContent()).toMatch(/^Import \d+ valid items, skip 2$/);
  expect(await page.locator('#devices').textContent()).not.toMatch(/Deck/);
  await page.click('#import-go');
  await expect.poll(() => page.locator('#backup-status').textContent()).toMatch(/^Imported bad\.json: 1 added, .*2 skipped\.$/);
  expect(await page.locator('#devices').textContent()).toMatch(/Deck/);
  expect(await page.locator('#devices').textContent()).not.toMatch(/Cloud/);

  await page.screenshot({ path: 'test-results/options.png', fullPage: true });
  await page.close();
});

it('lists the router origins PortPilot may access, and explains when one cannot be forgotten', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  // The test build holds loopback as a required host permission (no prompt in headless tests).
  await expect.poll(() => page.locator('#access-list li').allTextContents()).toEqual([
    expect.stringMatching(/^http:\/\/127\.0\.0\.1 Forget$/),
    expect.stringMatching(/^http:\/\/localhost Forget$/),
  ]);
  await page.click('button[aria-label="Forget http://127.0.0.1"]');
  await expect.poll(() => page.locator('#access-status').textContent()).toMatch(/http:\/\/127\.0\.0\.1 could not be forgotten/);
  await page.close();
});
