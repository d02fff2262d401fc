/**
 * The extension's side of teaching: it keeps the mappings (its own database), hands a tab only
 * the mappings of that tab's router, keeps a new one only while that tab's job is asking and
 * only for that job's router, and passes the popup's decision on to the preview in the tab.
 */
import { browser, type Browser } from 'wxt/browser';
import { getJob, tabOrigin, type RouterRequest } from '../apply/background';
import { contentScriptTab, isExtensionPage } from '../apply/sender';
import { markMappingUsed, mappingsFor, saveMapping } from '../store/mappings';
import type { TeachRequest } from './content-hooks';
import { mappingProblem, type RouterMapping } from './mapping';

/** Passes the popup's decision to the preview open in the tab. */
async function decideInTab(tabId: number, decision: 'apply' | 'cancel'): Promise<boolean> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'router:review', decision } satisfies RouterRequest)) === true;
  } catch {
    return false;
  }
}

async function handle(msg: TeachRequest, sender: Browser.runtime.MessageSender): Promise<unknown> {
  if (msg.type === 'review:decide') {
    // The person's answer from the popup: only PortPilot's own pages may give it.
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')) || !Number.isInteger(msg.tabId)) return undefined;
    const job = await getJob(msg.tabId);
    if (!job || job.state !== 'running' || job.review?.state !== 'asked') return { ok: false, error: 'PortPilot is not asking anything in that tab now.' };
    const taken = await decideInTab(msg.tabId, msg.decision === 'apply' ? 'apply' : 'cancel');
    return taken ? { ok: true } : { ok: false, error: 'Some fields are still missing: show them on the router page first.' };
  }
  // The rest comes from a router content script: the top frame of its own tab, speaking for that tab's router.
  const tabId = contentScriptTab(sender, browser.runtime.id);
  if (tabId === null) return undefined;
  const origin = await tabOrigin(tabId).catch(() => '');
  if (!origin.startsWith('http') || contentScriptTab(sender, browser.runtime.id, origin) === null) return undefined;
  switch (msg.type) {
    case 'mapping:find': {
      const paths = Array.isArray(msg.paths) ? msg.paths.filter((p): p is string => typeof p === 'string').slice(0, 20) : [];
      return (await Promise.all(paths.map((p) => mappingsFor(origin, p)))).flat();
    }
    case 'mapping:save': {
      const job = await getJob(tabId);
      if (!job || job.state !== 'running' || job.review?.state !== 'asked') return { ok: false, error: 'nothing was being asked in this tab' };
      const m = msg.mapping as RouterMapping;
      if (m?.origin !== origin || job.origin !== origin) return { ok: false, error: 'it is for another router' };
      const problem = mappingProblem(m);
      if (problem) return { ok: false, error: problem };
      try {
        await saveMapping(m);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    }
    case 'mapping:used':
      if (msg.mapping?.origin === origin) await markMappingUsed(msg.mapping).catch(() => undefined);
      return true;
    default:
      return undefined;
  }
}

export function registerTeachHandlers(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const msg = message as TeachRequest;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string' || !/^(mapping:|review:)/.test(msg.type)) return undefined;
    return handle(msg, sender);
  });
}
