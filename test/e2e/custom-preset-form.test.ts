// The options page's preset form in Chromium: two platforms and three rules made with the form,
// an inline error for a bad port, save, edit, and the JSON view showing the same preset.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';

let ext: ExtensionBrowser;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

it('creates a preset with the form, shows a bad port next to its field, saves, edits, and the JSON view matches', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForSelector('#custom-list li');

  const form = page.locator('#custom-form');
  await page.click('#custom-new');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cp-name');
  await form.getByLabel('Name', { exact: true }).fill('Lantern Valley');
  await form.getByLabel(/^Short name/).fill('Lantern');
  await form.getByLabel('Category').selectOption({ label: 'Game server' });
  await form.getByLabel(/^Search words/).fill('lantern, lv server');
  expect(await page.locator('#cp-id').textContent()).toBe('Id: lantern-valley (made from the name)');

  // PC is chosen for a new preset; add the PlayStation 5.
  await form.getByLabel('PlayStation 5').check();
  await form.getByLabel('PC, rule 1: protocol').selectOption({ label: 'UDP' });
  await form.getByLabel('PC, rule 1: external ports').fill('7777-7778');
  await form.getByLabel('PC, rule 1: what it is for').fill('game traffic');
  await form.getByRole('button', { name: 'Add a rule for PC' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cp-pc-1-protocol');
  await form.getByLabel('PC, rule 2: protocol').selectOption({ label: 'TCP' });
  await form.getByLabel('PC, rule 2: external ports').fill('70000');
  await form.getByLabel('PC, rule 2: what it is for').fill('server browser');

  // Leaving the field shows the problem next to it, in words, before any Save.
  await expect.poll(() => page.locator('#cp-pc-1-ports-error').textContent()).toBe('port out of range 1-65535 in "70000"');
  expect(await form.getByLabel('PC, rule 2: external ports').getAttribute('aria-invalid')).toBe('true');
  expect(await form.getByLabel('PC, rule 2: external ports').getAttribute('aria-describedby')).toBe('cp-pc-1-ports-error');
  // Fields not yet visited stay quiet.
  expect(await page.locator('#cp-ps5-0-ports-error').textContent()).toBe('');

  await form.getByLabel('PlayStation 5, rule 1: protocol').selectOption({ label: 'TCP+UDP' });
  await form.getByLabel('PlayStation 5, rule 1: external ports').fill('9000');
  await form.getByLabel('PlayStation 5, rule 1: what it is for').fill('console play');

  // Save is refused with a summary whose line leads to the field.
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect.poll(() => page.locator('#custom-summary-h').textContent()).toBe('Not saved yet: one problem to fix.');
  await page.locator('#custom-errors a').click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('cp-pc-1-ports');
  await form.getByLabel('PC, rule 2: external ports').fill('27015');
  await form.getByLabel('PC, rule 2: external ports').press('Tab');
  await expect.poll(() => page.locator('#cp-pc-1-ports-error').textContent()).toBe('');
  await form.getByRole('button', { name: 'Save preset' }).click();

  await expect.poll(() => page.locator('#custom-list').textContent()).toMatch(/Lantern Valley \(lantern-valley\)/);
  expect(await page.locator('#custom-form').isHidden()).toBe(true);
  expect(await page.locator('#custom-status').textContent()).toBe('Saved “Lantern Valley”.');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit Lantern Valley');

  // Edit: the form shows what was saved; change a purpose and add an internal port.
  await page.getByRole('button', { name: 'Edit Lantern Valley' }).click();
  expect(await form.getByLabel('PC, rule 2: external ports').inputValue()).toBe('27015');
  expect(await form.getByLabel('PlayStation 5, rule 1: protocol').inputValue()).toBe('both');
  await form.getByLabel('PC, rule 2: what it is for').fill('server list');
  await form.getByLabel('PC, rule 1: internal ports').fill('17777-17778');
  await form.getByLabel('PC, rule 2: one device only').check();

  await form.getByRole('button', { name: 'Edit as JSON (advanced)' }).click();
  expect(await form.getByRole('button', { name: 'Edit as JSON (advanced)' }).getAttribute('aria-pressed')).toBe('true');
  const expected = {
    id: 'lantern-valley',
    name: 'Lantern Valley',
    shortName: 'Lantern',
    aliases: ['lantern', 'lv server'],
    category: 'game-server',
    platforms: {
      pc: {
        forward: [
          { protocol: 'udp', ports: ['7777-7778'], internal: ['17777-17778'], purpose: 'game traffic' },
          { protocol: 'tcp', ports: ['27015'], purpose: 'server list', exclusive: true },
        ],
      },
      ps5: { forward: [{ protocol: 'both', ports: ['9000'], purpose: 'console play' }] },
    },
    verification: 'unverified',
    sources: [],
  };
  expect(JSON.parse(await page.locator('#custom-json').inputValue())).toEqual(expected);

  // An edit in the JSON view comes back to the form.
  const edited = { ...expected, notes: 'Host on the PC; friends join by address.' };
  await page.locator('#custom-json').fill(JSON.stringify(edited));
  await form.getByRole('button', { name: 'Edit as JSON (advanced)' }).click();
  expect(await form.getByLabel(/^Notes/).inputValue()).toBe('Host on the PC; friends join by address.');
  expect(await form.getByLabel('PC, rule 2: one device only').isChecked()).toBe(true);
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect.poll(() => page.locator('#custom-status').textContent()).toBe('Saved “Lantern Valley”.');

  // What was stored is what the JSON view showed.
  await page.getByRole('button', { name: 'Edit Lantern Valley' }).click();
  await form.getByRole('button', { name: 'Edit as JSON (advanced)' }).click();
  expect(JSON.parse(await page.locator('#custom-json').inputValue())).toEqual(edited);
  await page.screenshot({ path: 'test-results/options-preset-form.png', fullPage: true });
  await page.close();
});

it('works from the keyboard, and opens a preset file keeping the fields only the JSON view shows', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForSelector('#custom-list li');
  const form = page.locator('#custom-form');
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);

  await page.focus('#custom-new');
  await page.keyboard.press('Enter');
  await expect.poll(focused).toBe('cp-name');
  await page.keyboard.type('Keyboard Quest');
  // Tick Mac with the space bar, add a rule for PC with Enter, then remove it again.
  await page.focus('#cp-on-mac');
  await page.keyboard.press('Space');
  expect(await page.locator('#cp-rules-mac').isVisible()).toBe(true);
  await form.getByRole('button', { name: 'Add a rule for PC' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(focused).toBe('cp-pc-1-protocol');
  await page.keyboard.press('Tab');
  await expect.poll(focused).toBe('cp-pc-1-ports');
  await form.getByRole('button', { name: 'Remove rule 2 of PC' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(focused).toBe('cp-pc-0-protocol');
  expect(await form.locator('#cp-rules-pc tbody tr').count()).toBe(1);

  // A preset file opens in the form; what the form does not show rides along to the JSON view.
  const file = {
    id: 'quest-server',
    name: 'Quest Server',
    aliases: [],
    category: 'game-server',
    platforms: { server: { forward: [{ protocol: 'udp', ports: ['2456-2457'], purpose: 'game traffic', hostOnly: true }], outbound: [{ protocol: 'tcp', ports: ['443'], purpose: 'sign-in' }] } },
    guidance: { upnp: 'not-used', staticIp: true },
    verification: 'publisher',
    sources: [{ url: 'https://example.org/quest', checked: '2026-01-02' }],
  };
  await page.setInputFiles('#custom-file', { name: 'quest.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect.poll(() => page.locator('#custom-form-h').textContent()).toBe('New preset from quest.json');
  expect(await form.getByLabel('Server / host machine, rule 1: external ports').inputValue()).toBe('2456-2457');
  expect(await page.locator('#cp-rules-server').locator('..').textContent()).toMatch(/Also for Server \/ host machine, in the JSON view: outbound\./);
  await form.getByRole('button', { name: 'Edit as JSON (advanced)' }).click();
  expect(JSON.parse(await page.locator('#custom-json').inputValue())).toEqual(file);
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect.poll(() => page.locator('#custom-status').textContent()).toBe('Saved “Quest Server”.');
  // Only shipped presets are checked against their sources: the user is told, not silently changed.
  expect(await page.locator('#custom-notes').textContent()).toMatch(/PortPilot marks your own presets "unverified".*"publisher"/);
  await page.close();
});
