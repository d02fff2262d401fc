/**
 * Drives an apply in the real extension the way the popup does: the popup page sends the
 * same runtime messages its Apply button sends (lib/popup/router-client.ts), then polls.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { rulesFromPreset } from '../../extension/lib/apply/plan';
import type { ApplyJob, ApplyMode, Detection, RouterRule } from '../../extension/lib/apply/types';
import type { BundledPreset } from '../../extension/lib/presets/bundle';
import type { PageOutline } from '../../extension/lib/routers/outline';
import { launchWithExtension, openPopup, tabIdOf, type ExtensionBrowser } from './browser';

export const DEVICE_IP = '192.168.1.50';

/** A 3-rule preset: a TCP+UDP range, a UDP port, a TCP port. */
export const THREE_RULES: BundledPreset = {
  id: 'e2e-three-rules',
  name: 'Test Game',
  aliases: [],
  category: 'game',
  platforms: {
    pc: {
      forward: [
        { protocol: 'both', ports: ['27015-27030'], purpose: 'game traffic' },
        { protocol: 'udp', ports: ['3478'], purpose: 'voice chat' },
        { protocol: 'tcp', ports: ['25565'], purpose: 'host a match', hostOnly: true },
      ],
    },
  },
  verification: 'unverified',
  sources: [],
};

/** What the router should hold after THREE_RULES is applied to DEVICE_IP. */
export const THREE_RULES_EXPECTED = rulesFromPreset(THREE_RULES, 'pc', DEVICE_IP);

/**
 * What a person does when PortPilot's preview asks before the first write: confirms what
 * PortPilot found when it is complete, and cancels when PortPilot could not find the fields
 * (teaching them is tested on its own, in test/e2e/teach.test.ts).
 */
export function personsAnswer(job: ApplyJob): 'apply' | 'cancel' | null {
  if (job.state !== 'running' || job.review?.state !== 'asked') return null;
  return job.review.ready ? 'apply' : 'cancel';
}

/** Stored rules without their ids, in a stable order, to compare with THREE_RULES_EXPECTED. */
export function comparable(rules: (RouterRule & { id?: number })[]): RouterRule[] {
  return rules.map(({ id: _id, ...r }) => r).sort((a, b) => a.externalStart - b.externalStart || a.protocol.localeCompare(b.protocol));
}

/** One Chromium with the extension for a test file, and a driver on it. */
export function useExtension(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }) {
  const handle = {} as { ext: ExtensionBrowser; driver: ApplyDriver };
  hooks.beforeAll(async () => {
    handle.ext = await launchWithExtension();
    handle.driver = new ApplyDriver(handle.ext);
  });
  hooks.afterAll(async () => {
    await handle.ext?.close();
  });
  return handle;
}

export class ApplyDriver {
  private control?: Page;

  constructor(private readonly ext: ExtensionBrowser) {}

  get context(): BrowserContext {
    return this.ext.context;
  }

  /** The extension page that sends the messages (a popup page acting on another tab). */
  private async page(): Promise<Page> {
    if (!this.control || this.control.isClosed()) this.control = await openPopup(this.ext.context, this.ext.extensionId);
    return this.control;
  }

  private async send<T>(message: Record<string, unknown>): Promise<T> {
    const page = await this.page();
    // Runs in the extension page, where the chrome global exists.
    return page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  async openRouterPage(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.ext.context.newPage();
    await page.goto(url);
    return { page, tabId: await tabIdOf(this.ext, page) };
  }

  detect(tabId: number): Promise<Detection> {
    return this.send({ type: 'detect', tabId });
  }

  /** "Export page outline", as the popup asks for it. */
  outline(tabId: number): Promise<PageOutline> {
    return this.send({ type: 'outline', tabId });
  }

  status(tabId: number): Promise<ApplyJob | null> {
    return this.send({ type: 'apply:status', tabId });
  }

  start(tabId: number, mode: ApplyMode = 'apply', preset = THREE_RULES): Promise<{ ok: boolean; error?: string; job?: ApplyJob }> {
    return this.send({ type: 'apply:start', tabId, preset, platform: 'pc', deviceIp: DEVICE_IP, mode });
  }

  /** Previews the last apply asked about (each answered the way personsAnswer says). */
  questions = 0;

  /** Polls until the job is done or stopped (or `until` says so), answering the preview like a person would. */
  async waitFor(
    tabId: number,
    until: (job: ApplyJob) => boolean = (j) => j.state === 'done' || j.state === 'stopped',
    timeoutMs = 30_000,
    options: { answer?: boolean } = {},
  ): Promise<ApplyJob> {
    const deadline = Date.now() + timeoutMs;
    let last: ApplyJob | null = null;
    let answered = false;
    while (Date.now() < deadline) {
      last = await this.status(tabId);
      if (last && until(last)) return last;
      const answer = last && options.answer !== false ? personsAnswer(last) : null;
      if (answer && !answered) {
        this.questions++;
        answered = (await this.send<{ ok: boolean }>({ type: 'review:decide', tabId, decision: answer })).ok;
      } else if (!answer) answered = false;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`apply did not finish in ${timeoutMs} ms; last state: ${JSON.stringify(last, null, 1)}`);
  }

  async apply(tabId: number, mode: ApplyMode = 'apply'): Promise<ApplyJob> {
    this.questions = 0;
    const started = await this.start(tabId, mode);
    if (!started.ok) throw new Error(`apply:start refused: ${started.error}`);
    return this.waitFor(tabId);
  }
}
