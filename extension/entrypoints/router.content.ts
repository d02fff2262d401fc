/**
 * The router content script. Injected at run time only (scripting.executeScript) into the tab
 * being applied or inspected: it never runs on pages the user did not point PortPilot at.
 * It answers detect/outline requests and, when the tab has a running job, runs the engine.
 */
import { browser } from 'wxt/browser';
import type { RouterRequest } from '../lib/apply/background';
import { runEngine } from '../lib/apply/engine';
import { watchDialogs } from '../lib/apply/dialog-guard';
import { createPanel, type Panel } from '../lib/apply/panel';
import type { ApplyJob } from '../lib/apply/types';
import { pageDocuments } from '../lib/routers/generic/frames';
import { detectPage } from '../lib/routers/detect';
import { detectSettled } from '../lib/routers/detect-settled';
import { pageOutline } from '../lib/routers/outline';
import { openForwarding } from '../lib/routers/router-home';
import { keptMappings, teachHooks } from '../lib/teach/content-hooks';
import { detectionWithTeaching } from '../lib/teach/detection';
import { createTeachPanel, type TeachPanel } from '../lib/teach/panel';

interface PortPilotGlobal {
  listening?: boolean;
  running?: boolean;
  /** One panel per document, held here in the isolated world: the page cannot reach it. */
  panel?: Panel;
  /** The preview before the first write, held the same way. */
  teach?: TeachPanel;
}

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const g = globalThis as typeof globalThis & { __portpilot?: PortPilotGlobal };
    const state: PortPilotGlobal = (g.__portpilot ??= {});

    const loadJob = async () => ((await browser.runtime.sendMessage({ type: 'job:get' })) as ApplyJob | null) ?? null;
    const saveJob = async (job: ApplyJob) => {
      await browser.runtime.sendMessage({ type: 'job:save', job });
    };

    const run = async () => {
      if (state.running) return;
      state.running = true;
      const windows = () => pageDocuments(document).docs.map((d) => d.doc.defaultView).filter((w): w is Window & typeof globalThis => !!w);
      const dialogs = watchDialogs(windows);
      // A frame that loads a new page loses the main-world guard: ask the background to put it back.
      const reguard = () => void browser.runtime.sendMessage({ type: 'guard:frames' }).catch(() => undefined);
      const frames = Array.from(document.querySelectorAll('iframe, frame'));
      frames.forEach((f) => f.addEventListener('load', reguard));
      let job: ApplyJob | null = null;
      try {
        state.panel ??= createPanel(document);
        state.teach ??= createTeachPanel(document);
        const teach = await teachHooks(document, state.teach);
        job = await runEngine({ doc: document, url: location.href, loadJob, saveJob, panel: state.panel, dialogs, teach });
      } catch (e) {
        // The engine never leaves a job running because of its own error.
        const current = await loadJob().catch(() => null);
        if (current && current.state === 'running') {
          job = { ...current, state: 'stopped', finishedAt: Date.now(), message: `Stopped: PortPilot hit a problem on this page (${(e as Error).message}). Nothing else was changed.` };
          await saveJob(job).catch(() => undefined);
        }
      } finally {
        state.running = false;
        // The page's own dialogs work again once the job is over (a reload drops the guard anyway).
        if (!job || job.state !== 'running') {
          dialogs.release();
          frames.forEach((f) => f.removeEventListener('load', reguard));
        }
      }
    };

    if (!state.listening) {
      state.listening = true;
      browser.runtime.onMessage.addListener((message: unknown) => {
        const msg = message as RouterRequest;
        if (msg?.type === 'router:detect') {
          return Promise.all([detectSettled(document, location.href), keptMappings(document)]).then(([found, kept]) => detectionWithTeaching(found, document, kept));
        }
        if (msg?.type === 'router:outline') return Promise.resolve(pageOutline(document));
        if (msg?.type === 'router:open-forwarding') {
          return Promise.resolve(openForwarding(document, detectPage(document, location.href).detection.forwarding));
        }
        if (msg?.type === 'router:review') {
          return Promise.resolve(state.teach?.decide(msg.decision) ?? false);
        }
        if (msg?.type === 'router:run') {
          void run();
          return Promise.resolve(true);
        }
        return undefined;
      });
    }
    void run();
  },
});
