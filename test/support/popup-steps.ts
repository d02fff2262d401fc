/** Steps the popup E2E tests share: open it on the router tab, open a preset, add a device. */
import type { Page } from 'playwright-core';
import { openPopup, tabIdOf, type ExtensionBrowser } from './browser';
import type { RouterServer } from './router-server';

/** The router page in a tab, and the popup (400×600, as Chrome shows it) acting on it. */
export async function popupOnRouter(ext: ExtensionBrowser, server: RouterServer, scheme: 'light' | 'dark' = 'light'): Promise<{ popup: Page; router: Page }> {
  const router = await ext.context.newPage();
  await router.goto(server.url);
  const popup = await openPopup(ext.context, ext.extensionId, await tabIdOf(ext, router));
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForSelector('#results li');
  return { popup, router };
}

/** Searches, waits until the first result is the one wanted, and opens it. */
export async function openPresetIn(popup: Page, query: string, name: RegExp): Promise<void> {
  await popup.fill('#q', query);
  await popup.waitForFunction((src) => new RegExp(src).test(document.querySelector('#results li .name')?.textContent ?? ''), name.source);
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('#router-detected');
}

/** Fills the add-device form (opening it when devices exist) and submits it. */
export async function addDeviceIn(popup: Page, name: string, ip: string, platform?: string): Promise<void> {
  if (await popup.locator('#add-device').isHidden()) await popup.click('#add-device-toggle');
  await popup.fill('#new-device-name', name);
  await popup.fill('#new-device-ip', ip);
  if (platform) await popup.selectOption('#new-device-platform', platform);
  await popup.click('#add-device button[type="submit"]');
}
