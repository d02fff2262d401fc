/**
 * The router content script. Injected at run time only (scripting.executeScript) into the tab
 * being applied or inspected: it never runs on pages the user did not point PortPilot at.
 * It answers detect/outline requests and, when the tab has a running job, runs the engine.
 */
import { browser } from 'wxt/browser';
import type { RouterRequest } from '../lib/apply/background';
import { runEngine } from '../lib/apply/engine';
import type { ApplyJob } from '../lib/apply/types';
import { detectPage } from '../lib/routers/detect';
import { pageOutline } from '../lib/routers/outline';
import { openForwarding } from '../lib/routers/router-home';

interface PortPilotGlobal {
  listening?: boolean;
  running?: boolean;
}

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const g = globalThis as typeof globalThis & { __portpilot?: PortPilotGlobal };
    const state: PortPilotGlobal = (g.__portpilot ??= {});

    const run = async () => {
      if (state.running) return;
      state.running = true;
      try {
        await runEngine({
          doc: document,
          url: location.href,
          loadJob: async () => ((await browser.runtime.sendMessage({ type: 'job:get' })) as ApplyJob | null) ?? null,
          saveJob: async (job) => {
            await browser.runtime.sendMessage({ type: 'job:save', job });
          },
        });
      } catch (e) {
        console.warn('PortPilot:', e);
      } finally {
        state.running = false;
      }
    };

    if (!state.listening) {
      state.listening = true;
      browser.runtime.onMessage.addListener((message: unknown) => {
        const msg = message as RouterRequest;
        if (msg?.type === 'router:detect') return Promise.resolve(detectPage(document, location.href).detection);
        if (msg?.type === 'router:outline') return Promise.resolve(pageOutline(document));
        if (msg?.type === 'router:open-forwarding') {
          return Promise.resolve(openForwarding(document, detectPage(document, location.href).detection.forwarding));
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
