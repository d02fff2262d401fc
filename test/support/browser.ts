/**
 * Launches Debian's Chromium with the built extension for e2e tests (and the demo).
 * Build first: `npm run build:e2e` (writes .output/e2e-chrome-mv3, which has host access to
 * loopback so no permission prompt is needed).
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, locate } from './find-browser';

/** Found by `scripts/ensure-browser.ts` rules: CHROMIUM_PATH, then PATH, then the usual paths. */
export const CHROMIUM_PATH = locate(CHROMIUM) ?? '/usr/bin/chromium';
export const DEFAULT_EXTENSION_DIR = '.output/e2e-chrome-mv3';

export interface LaunchOptions {
  extensionDir?: string;
  /** Headless unless false (the demo opens a window). */
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /** How long to wait for the extension's service worker. */
  timeoutMs?: number;
  /**
   * Let Playwright kill Chromium on Ctrl+C / SIGTERM (default). A caller with its own signal
   * handlers that calls close() (the demo) passes false, so the profile folder is removed too.
   */
  handleSignals?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  if (!existsSync(join(ext, 'manifest.json'))) {
    throw new Error(`no built extension at ${ext}; run \`npm run build:e2e\` first`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error('No Chromium found: run `npm test` (it installs one on Debian) or set CHROMIUM_PATH');

  const userDataDir = mkdtempSync(join(tmpdir(), 'portpilot-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(options.args ?? []),
      ],
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    throw e;
  }

  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  try {
    const serviceWorker = await findServiceWorker(context, options.timeoutMs ?? 15_000);
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, userDataDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function findServiceWorker(context: BrowserContext, timeoutMs: number): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: timeoutMs });
}

/**
 * Opens the popup as a tab. A popup opened as a tab is itself the active tab, so the tab it
 * should act on is passed as ?tab=<id>.
 */
export async function openPopup(context: BrowserContext, extensionId: string, targetTabId?: number): Promise<Page> {
  const page = await context.newPage();
  const query = targetTabId === undefined ? '' : `?tab=${targetTabId}`;
  await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  return page;
}

/**
 * The chrome.tabs id of a page, asked of the extension's service worker (matched by URL; the
 * most recently opened tab wins when several share it).
 */
export async function tabIdOf(ext: Pick<ExtensionBrowser, 'serviceWorker'>, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.serviceWorker.evaluate(async (u: string) => {
    // Runs in the service worker, where `chrome` exists.
    type Tab = { id?: number; url?: string };
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    const hits = tabs.filter((t) => t.url === u);
    return hits.length ? hits[hits.length - 1]!.id ?? null : null;
  }, url);
  if (id == null) throw new Error(`no tab found for ${url}`);
  return id;
}
