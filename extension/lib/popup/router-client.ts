import { browser } from 'wxt/browser';
import type { Platform } from '../../../data/schema';
import type { ApplyJob, ApplyMode, Detection } from '../apply/types';
import type { BundledPreset } from '../presets/bundle';
import { hostPattern } from '../host-access';

/** The popup's side of the messages the background answers (lib/apply/background.ts). */
export const routerClient = {
  detect: (tabId: number) => browser.runtime.sendMessage({ type: 'detect', tabId }) as Promise<Detection>,
  status: (tabId: number) => browser.runtime.sendMessage({ type: 'apply:status', tabId }) as Promise<ApplyJob | null>,
  stop: (tabId: number) => browser.runtime.sendMessage({ type: 'apply:stop', tabId }) as Promise<ApplyJob | null>,
  outline: (tabId: number) => browser.runtime.sendMessage({ type: 'outline', tabId }) as Promise<unknown>,
  review: (tabId: number, decision: 'apply' | 'cancel') =>
    browser.runtime.sendMessage({ type: 'review:decide', tabId, decision }) as Promise<{ ok: boolean; error?: string }>,
  openForwarding: (tabId: number) => browser.runtime.sendMessage({ type: 'open-forwarding', tabId }) as Promise<{ ok: boolean; error?: string }>,
  start: (req: { tabId: number; preset: BundledPreset; platform: Platform; deviceIp: string; mode: ApplyMode; optional?: number[]; confirmedWide?: boolean }) =>
    browser.runtime.sendMessage({ type: 'apply:start', ...req }) as Promise<{ ok: boolean; error?: string; job?: ApplyJob }>,
};

/** The tab the popup acts on: ?tab=<id> when opened as a page (tests, pinned tab), else the active tab. */
export async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) {
    const tab = await browser.tabs.get(Number(param)).catch(() => undefined);
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/**
 * Host access to the router's origin, asked at the first Apply there (it must outlive the page's
 * reloads, which activeTab does not). Called straight from the click: the browser only shows the
 * prompt during a user gesture, and answers true at once when access was granted before.
 */
export function requestOriginPermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPattern(origin)] });
}
