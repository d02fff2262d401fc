// Smoke: Chromium starts with the built extension, the extension id is found, and pages the user
// merely visits get nothing of ours (the extension injects only into the tab being applied).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, tabIdOf, type ExtensionBrowser } from '../support/browser';
import { startRouterServer, type RouterServer } from '../support/router-server';

describe('extension loads', () => {
  let ext: ExtensionBrowser;
  let router: RouterServer;

  beforeAll(async () => {
    router = await startRouterServer('rac2v1k');
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await router?.close();
  });

  it('has an extension id from its service worker', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
  });

  async function visit(url: string) {
    const page = await ext.context.newPage();
    const extensionRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith('chrome-extension://')) extensionRequests.push(r.url());
    });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return {
        marked: document.querySelectorAll('[data-portpilot]').length,
        shadowHosts: all.filter((e) => e.shadowRoot).length,
        scripts: Array.from(document.scripts).map((s) => s.id || s.src || 'inline'),
        extensionNodes: all.filter((e) => /chrome-extension:/.test((e as HTMLElement).getAttribute?.('src') ?? '')).length,
      };
    });
    return { page, seen, extensionRequests };
  }

  it('injects nothing into a plain page on loopback', async () => {
    const { page, seen, extensionRequests } = await visit(`${router.origin}/_shared/plain.html`);
    expect(seen.marked).toBe(0);
    expect(seen.shadowHosts).toBe(0);
    expect(seen.extensionNodes).toBe(0);
    expect(seen.scripts).toEqual(['page-own-script']);
    expect(extensionRequests).toEqual([]);
    await page.close();
  });

  it('injects nothing into a router page until the user applies', async () => {
    const { page, seen, extensionRequests } = await visit(router.url);
    expect(seen.marked).toBe(0);
    expect(seen.shadowHosts).toBe(0);
    expect(seen.scripts).toEqual(['inline']);
    expect(extensionRequests).toEqual([]);
    await page.close();
  });

  it('opens the popup as a tab aimed at another tab', async () => {
    const target = await ext.context.newPage();
    await target.goto(router.url);
    const tabId = await tabIdOf(ext, target);
    expect(tabId).toBeGreaterThan(0);
    const popup = await openPopup(ext.context, ext.extensionId, tabId);
    expect(popup.url()).toBe(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForLoadState('domcontentloaded');
    await popup.close();
    await target.close();
  });
});
