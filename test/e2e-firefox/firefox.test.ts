// The Firefox build in Debian's Firefox ESR: the popup searches and opens a preset, and the
// router scenario (the same steps and assertions as in Chromium) passes on three router
// fixtures with different flows: in-page add, save-and-reload, and a separate form page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxExtension } from '../support/firefox';
import { applyScenario } from '../support/router-scenario';
import { loadFixture, startRouterServer, type RouterServer } from '../support/router-server';

let firefox: FirefoxExtension;
beforeAll(async () => {
  firefox = await FirefoxExtension.launch();
}, 60_000);
afterAll(async () => {
  await firefox?.close();
});

it('searches presets in the popup and opens one', async () => {
  const popup = firefox.popup;
  await popup.waitForSelector('#results li');
  await popup.type('#q', 'minecraft java');
  await popup.waitForFunction(() => /Minecraft/.test(document.querySelector('#results li')?.textContent ?? ''));
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('#preset-title');
  expect(await popup.$eval('#preset-title', (e) => e.textContent)).toMatch(/Minecraft: Java Edition/);
  expect(await popup.$$eval('table tbody tr', (rows) => rows.map((r) => r.textContent).join(' '))).toMatch(/25565/);
  await popup.keyboard.press('Escape');
});

for (const name of ['rac2v1k', 'rac2v1a', 'netgear-charter']) {
  describe(name, () => {
    const fixture = loadFixture(name);
    let server: RouterServer;
    beforeAll(async () => {
      server = await startRouterServer(fixture.dir);
    });
    afterAll(async () => {
      await server?.close();
    });

    it("applies 3 rules exactly, then finds them all present, then reports a conflict untouched; the user's own rules never change", () =>
      applyScenario(firefox, server, fixture));
  });
}
