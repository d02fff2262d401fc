/**
 * Loads a fixture router page into happy-dom with its own scripts running, served by the
 * loopback test router (test/support/router-server.ts), so the page's lists and rows exist
 * as they would in a browser. Also drives the engine across page loads the way the
 * background re-injects the content script after each load.
 */
import { Browser, type BrowserPage } from 'happy-dom';
import { runEngine } from '../../extension/lib/apply/engine';
import type { TeachHooks } from '../../extension/lib/teach/gate';
import { createPanel } from '../../extension/lib/apply/panel';
import { fillHappyDomGaps } from './happy-dom-gaps';
import { installDialogGuard, watchDialogs } from '../../extension/lib/apply/dialog-guard';
import type { ApplyJob, RouterRule } from '../../extension/lib/apply/types';

export interface OpenPage {
  page: BrowserPage;
  readonly doc: Document;
  readonly url: string;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function openPage(url: string): Promise<OpenPage> {
  fillHappyDomGaps();
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableCSSFileLoading: true,
      // Router pages put their list, or the whole page, in frames (Netgear genie, DSL gateways).
      enableIframePageLoading: true,
    } as never,
  });
  const page = browser.newPage();
  await page.goto(url);
  await page.waitUntilComplete();
  const settle = async () => {
    await page.waitUntilComplete();
    namedForms(page.mainFrame.document as unknown as Document);
  };
  namedForms(page.mainFrame.document as unknown as Document);
  return {
    page,
    get doc() {
      return page.mainFrame.document as unknown as Document;
    },
    get url() {
      return page.mainFrame.url;
    },
    settle,
    close: () => browser.close(),
  };
}

/**
 * Browsers expose <form name="x"> as document.x (ASUSWRT's pages rely on it); happy-dom does
 * not, so the harness adds it. Scripts run before this only at load time, and the fixture
 * pages use it in click handlers.
 */
function namedForms(doc: Document): void {
  for (const form of Array.from(doc.querySelectorAll('form[name]'))) {
    const name = form.getAttribute('name')!;
    if (!(name in doc)) Object.defineProperty(doc, name, { value: form, configurable: true });
  }
}

export function makeJob(rules: RouterRule[], over: Partial<ApplyJob> = {}): ApplyJob {
  return {
    id: 'job-1',
    tabId: 1,
    origin: 'http://127.0.0.1',
    presetId: 'test',
    presetName: 'Test',
    platform: 'pc',
    deviceIp: rules[0]?.ip ?? '192.168.1.20',
    mode: 'apply',
    state: 'running',
    rules: rules.map((rule) => ({ rule, status: 'pending' })),
    startedAt: 0,
    ...over,
  };
}

export function rule(over: Partial<RouterRule> = {}): RouterRule {
  const port = over.externalStart ?? 25565;
  return {
    name: 'Test rule',
    protocol: 'tcp',
    externalStart: port,
    externalEnd: port,
    internalStart: port,
    internalEnd: port,
    ip: '192.168.1.20',
    enabled: true,
    ...over,
  };
}

/** Runs the engine on each page load until the job is no longer running (or loads run out). */
export async function drive(
  p: OpenPage,
  job: ApplyJob,
  maxLoads = 12,
  options: { teach?: (doc: Document) => TeachHooks } = {},
): Promise<{ job: ApplyJob; loads: number; saves: ApplyJob[] }> {
  let stored: ApplyJob = structuredClone(job);
  const saves: ApplyJob[] = [];
  let loads = 0;
  for (; loads < maxLoads; loads++) {
    await p.settle();
    const doc = p.doc;
    // As the background does for a running job: the page's alert/confirm go to PortPilot.
    const win = doc.defaultView as Window & typeof globalThis;
    installDialogGuard(win);
    const dialogs = watchDialogs(() => [win]);
    await runEngine({
      dialogs,
      doc,
      url: p.url,
      loadJob: async () => structuredClone(stored),
      saveJob: async (j) => {
        stored = structuredClone(j);
        saves.push(stored);
      },
      pauseMs: 10,
      answerTimeoutMs: 3000,
      readyTimeoutMs: 300,
      panel: createPanel(doc),
      teach: options.teach?.(doc) ?? null,
    });
    if (stored.state !== 'running') break;
    // The page navigated (or is about to): wait for the next document, as tabs.onUpdated does.
    for (let i = 0; i < 100 && p.doc === doc; i++) await new Promise((r) => setTimeout(r, 20));
    if (p.doc === doc) break;
  }
  return { job: stored, loads, saves };
}
