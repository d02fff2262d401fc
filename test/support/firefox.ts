/**
 * Debian's Firefox ESR with the built extension (.output/e2e-firefox-mv2), driven over WebDriver
 * BiDi with puppeteer-core. Firefox's remote protocol may not navigate a tab to an extension
 * page, so the test build's background opens the popup as a tab, and the tests drive that tab:
 * it sends the popup's own runtime messages, as the Chromium driver does.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ApplyJob, ApplyMode, Detection } from '../../extension/lib/apply/types';
import { DEVICE_IP, personsAnswer, THREE_RULES } from './apply-driver';
import { FIREFOX, locate } from './find-browser';
import type { ScenarioDriver } from './router-scenario';

export const FIREFOX_EXTENSION_DIR = '.output/e2e-firefox-mv2';

/** Runs in the extension page, where Firefox's `browser` global exists. */
type ExtensionGlobal = { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } };

export class FirefoxExtension implements ScenarioDriver {
  private constructor(
    readonly browser: Browser,
    /** The popup page, opened as a tab by the test build's background. */
    readonly popup: Page,
  ) {}

  static async launch(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxExtension> {
    const dir = resolve(extensionDir);
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no built extension at ${dir}; run \`npm run build:e2e:firefox\` first`);
    const executablePath = locate(FIREFOX);
    if (!executablePath) throw new Error('No Firefox found: run `npm run test:firefox` (it installs firefox-esr on Debian) or set FIREFOX_PATH');
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
    try {
      await browser.installExtension(dir);
      return new FirefoxExtension(browser, await findPopupTab(browser));
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  private send<T>(message: Record<string, unknown>): Promise<T> {
    return this.popup.evaluate((m) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(m), message) as Promise<T>;
  }

  async openRouterPage(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.browser.newPage();
    await page.goto(url);
    const tabId = await this.popup.evaluate(async (u) => {
      const tabs = await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({});
      return tabs.filter((t) => t.url === u).pop()?.id ?? null;
    }, page.url());
    if (tabId === null) throw new Error(`no tab found for ${url}`);
    return { page, tabId };
  }

  detect(tabId: number): Promise<Detection> {
    return this.send({ type: 'detect', tabId });
  }

  async apply(tabId: number, mode: ApplyMode = 'apply'): Promise<ApplyJob> {
    const started = await this.send<{ ok: boolean; error?: string }>({ type: 'apply:start', tabId, preset: THREE_RULES, platform: 'pc', deviceIp: DEVICE_IP, mode });
    if (!started.ok) throw new Error(`apply:start refused: ${started.error}`);
    const deadline = Date.now() + 30_000;
    let job: ApplyJob | null = null;
    while (Date.now() < deadline) {
      job = await this.send<ApplyJob | null>({ type: 'apply:status', tabId });
      if (job && (job.state === 'done' || job.state === 'stopped')) return job;
      const answer = job ? personsAnswer(job) : null;
      if (answer) await this.send({ type: 'review:decide', tabId, decision: answer });
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`apply did not finish in 30 s; last state: ${JSON.stringify(job)}`);
  }
}

/** The tab whose document is the extension's popup page (its URL is not reported over BiDi, so ask the page). */
async function findPopupTab(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\/popup\.html/.test(href)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the test build did not open its popup tab (was it built with PORTPILOT_E2E=1?)');
}
