/**
 * Background side of an apply: jobs in browser.storage.session keyed by tab, the message
 * API the popup and the router content script speak, and re-injection of the content
 * script after each page load of a tab with a running or paused job.
 */
import { browser, type Browser } from 'wxt/browser';
import { shippedPresetSchema } from '../../../data/schema';
import type { BundledPreset } from '../presets/bundle';
import { outlineOfMappings, type PageOutline } from '../routers/outline';
import { listMappings } from '../store/mappings';
import { overdue, waitedFor } from './deadline';
import { installDialogGuard } from './dialog-guard';
import { plannedRulesFromPreset } from './plan';
import { FINAL_STATUSES, type ApplyJob, type ApplyMode, type Detection } from './types';
import { checkDeviceForRouter } from './device-address';
import { mergeJobUpdate } from './job-update';
import { contentScriptTab, isExtensionPage } from './sender';
import { ADAPTERS } from '../routers/registry';
import { hostPattern } from '../host-access';
import { chosenForwards } from '../presets/chosen-forwards';
import { wideForwards, wideForwardWords } from '../presets/risk';

/** Output path of entrypoints/router.content.ts (registration: 'runtime') in the built extension. */
export const ROUTER_SCRIPT = '/content-scripts/router.js';

export type ApplyRequest =
  | {
      type: 'apply:start';
      tabId: number;
      /** As shipped: `uses` expanded (a custom preset is expanded the same way by the popup). */
      preset: BundledPreset;
      platform: string;
      deviceIp: string;
      mode: ApplyMode;
      /** Positions of the optional rules the user chose (see rulesFromPreset). */
      optional?: number[];
      /** The user ticked "I understand" for a forward wider than WIDE_FORWARD ports (like a DMZ). */
      confirmedWide?: boolean;
    }
  | { type: 'apply:status'; tabId: number }
  | { type: 'apply:stop'; tabId: number }
  | { type: 'detect'; tabId: number }
  | { type: 'outline'; tabId: number }
  | { type: 'open-forwarding'; tabId: number }
  | { type: 'job:get' }
  | { type: 'job:save'; job: ApplyJob }
  /** From the content script: a frame loaded a new page during the job; guard its dialogs again. */
  | { type: 'guard:frames' };

export type ApplyStartResponse = { ok: true; job: ApplyJob } | { ok: false; error: string };

/** Messages the background sends to the router content script (tabs.sendMessage). */
export type RouterRequest =
  | { type: 'router:detect' }
  | { type: 'router:outline' }
  | { type: 'router:run' }
  | { type: 'router:open-forwarding' }
  /** Decides the preview open on the page (the person's choice in the popup, or the job stopped). */
  | { type: 'router:review'; decision: 'apply' | 'cancel' };

/** Broadcast to extension pages (the popup) on every job change. */
export interface JobChanged {
  type: 'job:changed';
  job: ApplyJob;
}

export interface ApplyHandlerOptions {
  /** Called once when a job reaches 'done' or 'stopped' (the lead records history here). */
  onJobFinished?: (job: ApplyJob) => void | Promise<void>;
}

const key = (tabId: number) => `job:${tabId}`;

export async function getJob(tabId: number): Promise<ApplyJob | null> {
  const k = key(tabId);
  const got = await browser.storage.session.get(k);
  return (got[k] as ApplyJob | undefined) ?? null;
}

async function putJob(job: ApplyJob): Promise<void> {
  await browser.storage.session.set({ [key(job.tabId)]: job });
}

async function broadcast(job: ApplyJob): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'job:changed', job } satisfies JobChanged);
  } catch {
    /* no popup open: "Could not establish connection. Receiving end does not exist." */
  }
}

export async function injectRouterScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [ROUTER_SCRIPT] });
}

/**
 * For a running job: first the dialog guard in the page's main world, in every frame (see
 * dialog-guard.ts), then the content script. The content script runs in the top frame only
 * and reads the page's same-origin frames itself, so one engine decides and acts.
 */
export async function injectForJob(tabId: number): Promise<void> {
  await guardDialogs(tabId);
  await injectRouterScript(tabId);
}

function guardDialogs(tabId: number): Promise<unknown> {
  return browser.scripting.executeScript({ target: { tabId, allFrames: true }, world: 'MAIN', func: installDialogGuard } as never);
}

const deadlines = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * A running job that announced a navigation (job.waiting) and whose page never arrived: stop
 * it with what it waited for. The rule being saved then is "not confirmed" (the router may
 * have stored it). Checked when the deadline passes and whenever the job is looked at.
 */
export async function expireIfOverdue(tabId: number, now = Date.now()): Promise<ApplyJob | null> {
  const job = await getJob(tabId);
  if (!job || !overdue(job, now)) return job;
  const waited = job.waiting!;
  const stopped: ApplyJob = {
    ...job,
    state: 'stopped',
    message: waitedFor(waited.for, now - (waited.since ?? now)),
    finishedAt: now,
    rules: job.rules.map((o) =>
      o.status === 'saving' ? { ...o, status: 'unconfirmed', message: 'saved, but the router page did not come back to show its list' } : o,
    ),
  };
  delete stopped.waiting;
  delete stopped.cursor;
  await storeJob?.(stopped);
  return stopped;
}

let storeJob: ((job: ApplyJob) => Promise<void>) | null = null;

function armDeadline(job: ApplyJob): void {
  const old = deadlines.get(job.tabId);
  if (old) clearTimeout(old);
  deadlines.delete(job.tabId);
  if (job.state !== 'running' || !job.waiting) return;
  const id = setTimeout(() => void expireIfOverdue(job.tabId), Math.max(0, job.waiting.until - Date.now()) + 50);
  deadlines.set(job.tabId, id);
}

/** What the history keeps of a finished job: its outcomes without engine bookkeeping, and how it ended. */
export function historyOutcomes(job: ApplyJob): ApplyJob['rules'] {
  return job.rules.map(({ check: _check, seenInPage: _seen, ...o }) => o);
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Checks an apply:start request and builds its job (pure: exported for tests). */
export function buildJob(
  msg: Extract<ApplyRequest, { type: 'apply:start' }>,
  origin: string,
  now = Date.now(),
): ApplyStartResponse {
  if (!Number.isInteger(msg.tabId) || msg.tabId < 0) return { ok: false, error: 'no tab to apply in' };
  if (msg.mode !== 'apply' && msg.mode !== 'fill-only') return { ok: false, error: `unknown mode "${String(msg.mode)}"` };
  if (!/^https?:\/\//.test(origin)) return { ok: false, error: 'the tab is not showing a router web page' };
  // A private address on the router's own network: never a public, loopback or broadcast one.
  const device = checkDeviceForRouter(msg.deviceIp, new URL(origin).hostname);
  if (!device.ok) return { ok: false, error: device.error };
  const parsed = shippedPresetSchema.safeParse(msg.preset);
  if (!parsed.success) return { ok: false, error: `the preset is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}` };
  const preset = parsed.data;
  if (typeof msg.platform !== 'string' || !Object.hasOwn(preset.platforms, msg.platform)) return { ok: false, error: `${preset.name} has no rules for ${String(msg.platform)}` };
  const optional = new Set(Array.isArray(msg.optional) ? msg.optional.filter((i) => Number.isInteger(i)) : []);
  // The popup asks before a forward like a DMZ; checked again here so no other path skips the question.
  const wide = wideForwards(chosenForwards(preset, msg.platform, optional));
  if (wide.length > 0 && msg.confirmedWide !== true) {
    return { ok: false, error: `${preset.name} forwards ${wide.map(wideForwardWords).join(' and ')} to the device: confirm it in the preset view first` };
  }
  const rules = plannedRulesFromPreset(preset, msg.platform, device.ip, { optional });
  if (!rules.length) return { ok: false, error: 'the preset has no port rules for this platform' };
  return {
    ok: true,
    job: {
      id: newId(),
      tabId: msg.tabId,
      origin,
      presetId: preset.id,
      presetName: preset.name,
      platform: msg.platform,
      deviceIp: device.ip,
      mode: msg.mode,
      state: 'running',
      rules: rules.map(({ rule, exclusive }) => ({ rule, status: 'pending', ...(exclusive ? { exclusive } : {}) })),
      startedAt: now,
    },
  };
}

export async function tabOrigin(tabId: number): Promise<string> {
  const tab = await browser.tabs.get(tabId);
  try {
    return new URL(tab.url ?? '').origin;
  } catch {
    return '';
  }
}

export function registerApplyHandlers(options: ApplyHandlerOptions = {}): void {
  const finished = async (before: ApplyJob | null, job: ApplyJob) => {
    const ended = job.state === 'done' || job.state === 'stopped';
    const wasEnded = before && before.id === job.id && (before.state === 'done' || before.state === 'stopped');
    if (ended && !wasEnded) await options.onJobFinished?.(job);
  };

  const store = async (job: ApplyJob) => {
    const before = await getJob(job.tabId);
    await putJob(job);
    armDeadline(job);
    await broadcast(job);
    await finished(before, job);
  };
  storeJob = store;

  async function handle(msg: ApplyRequest, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (msg.type) {
      case 'apply:start': {
        const origin = await tabOrigin(msg.tabId).catch(() => '');
        const built = buildJob(msg, origin);
        if (!built.ok) return built;
        // The popup asks for the router's origin in the same click, and Chrome may close the
        // popup when its prompt appears: the job waits here, and starts when access arrives.
        if (!(await hasOriginAccess(origin))) {
          built.job.message = `Waiting for your permission to access ${origin}…`;
          await store(built.job);
          return built;
        }
        await store(built.job);
        try {
          await injectForJob(msg.tabId);
        } catch (e) {
          const job = { ...built.job, state: 'stopped' as const, finishedAt: Date.now() };
          job.message = `PortPilot may not run on this page: ${(e as Error).message}. Allow access to the router's address and try again.`;
          await store(job);
          return { ok: false, error: job.message };
        }
        return built;
      }
      case 'apply:status':
        return expireIfOverdue(msg.tabId);
      case 'apply:stop': {
        const job = await getJob(msg.tabId);
        if (!job || job.state === 'done' || job.state === 'stopped') return job;
        const stopped: ApplyJob = { ...job, state: 'stopped', message: 'Stopped by you.', finishedAt: Date.now() };
        await store(stopped);
        // A preview open on the page closes with the job.
        if (job.review?.state === 'asked') await browser.tabs.sendMessage(msg.tabId, { type: 'router:review', decision: 'cancel' } satisfies RouterRequest).catch(() => undefined);
        return stopped;
      }
      case 'job:get': {
        const job = await ownJob(sender);
        return job ? expireIfOverdue(job.tabId) : null;
      }
      case 'job:save': {
        const current = await ownJob(sender);
        // A job the user stopped (or replaced) in the meantime is not revived by a late save.
        if (!current || current.state === 'stopped') return false;
        // Merged, never stored as sent: the page reports progress, it cannot rewrite the job.
        const merged = mergeJobUpdate(current, msg.job, { statuses: KNOWN_STATUSES, adapterIds: ADAPTER_IDS });
        if (!merged.ok) return false;
        await store(merged.job);
        return true;
      }
      case 'guard:frames': {
        const job = await ownJob(sender);
        if (!job || job.state !== 'running') return false;
        await guardDialogs(job.tabId).catch(() => undefined);
        return true;
      }
      case 'detect':
        return detectInTab(msg.tabId);
      case 'outline':
        return outlineOfTab(msg.tabId);
      case 'open-forwarding':
        return openForwardingInTab(msg.tabId);
      default:
        return undefined;
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const msg = message as ApplyRequest;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return undefined;
    if (FROM_EXTENSION_PAGES.has(msg.type)) {
      // Starting, reading and stopping jobs, and looking into tabs: only PortPilot's own pages.
      if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
      if (!Number.isInteger((msg as { tabId?: unknown }).tabId)) return Promise.resolve({ ok: false, error: 'no tab to act on' });
      return handle(msg, sender);
    }
    if (FROM_CONTENT_SCRIPTS.has(msg.type)) return handle(msg, sender);
    return undefined;
  });

  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'complete') return;
    void getJob(tabId).then(async (job) => {
      if (!job || (job.state !== 'running' && job.state !== 'paused-login')) return;
      const origin = await tabOrigin(tabId).catch(() => '');
      if (origin !== job.origin) return; // the tab left the router: leave the job as it is
      await injectForJob(tabId).catch(() => undefined);
    });
  });

  // Access granted after apply:start (the popup's prompt): start the jobs that waited for it.
  browser.permissions.onAdded.addListener((granted) => {
    void (async () => {
      for (const job of await waitingJobs()) {
        if (!granted.origins?.includes(hostPattern(job.origin))) continue;
        await store({ ...job, message: undefined });
        await injectForJob(job.tabId).catch(() => undefined);
      }
    })();
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(key(tabId));
  });
}

const FROM_EXTENSION_PAGES = new Set(['apply:start', 'apply:status', 'apply:stop', 'detect', 'outline', 'open-forwarding']);
const FROM_CONTENT_SCRIPTS = new Set(['job:get', 'job:save', 'guard:frames']);
const KNOWN_STATUSES: ReadonlySet<string> = new Set(['pending', 'saving', ...FINAL_STATUSES]);
const ADAPTER_IDS: ReadonlySet<string> = new Set(ADAPTERS.map((a) => a.id));

/** The job of the tab a router content script runs in, if the sender is that script on the job's router. */
async function ownJob(sender: Browser.runtime.MessageSender): Promise<ApplyJob | null> {
  const tabId = contentScriptTab(sender, browser.runtime.id);
  const job = tabId === null ? null : await getJob(tabId);
  return job && contentScriptTab(sender, browser.runtime.id, job.origin) === job.tabId ? job : null;
}

function hasOriginAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPattern(origin)] }).catch(() => false);
}

/** Running jobs that have not started yet because the router's origin was not granted. */
async function waitingJobs(): Promise<ApplyJob[]> {
  const all = Object.values(await browser.storage.session.get(null)) as ApplyJob[];
  return all.filter((j) => j && j.state === 'running' && j.rules.every((r) => r.status === 'pending') && j.message?.startsWith('Waiting for your permission'));
}

/** Injects the content script (if needed) and asks it what the page is. */
export async function detectInTab(tabId: number): Promise<Detection> {
  const origin = await tabOrigin(tabId).catch(() => '');
  try {
    await injectRouterScript(tabId);
    const d = (await browser.tabs.sendMessage(tabId, { type: 'router:detect' } satisfies RouterRequest)) as Detection | undefined;
    return d ?? { kind: 'unknown', reason: 'the page did not answer', origin };
  } catch (e) {
    return { kind: 'unknown', reason: `cannot read this page: ${(e as Error).message}`, origin };
  }
}

/** Asks the content script to follow the page's way to its port-forwarding page. */
export async function openForwardingInTab(tabId: number): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await injectRouterScript(tabId);
    const answer = (await browser.tabs.sendMessage(tabId, { type: 'router:open-forwarding' } satisfies RouterRequest)) as { ok: true } | { ok: false; error: string } | undefined;
    return answer ?? { ok: false, error: 'The router page did not answer. Open port forwarding from its menu.' };
  } catch {
    return { ok: false, error: 'PortPilot cannot reach this page any more. Open port forwarding from the router menu.' };
  }
}

export async function outlineOfTab(tabId: number): Promise<PageOutline | { error: string }> {
  let outline: PageOutline;
  try {
    await injectRouterScript(tabId);
    outline = (await browser.tabs.sendMessage(tabId, { type: 'router:outline' } satisfies RouterRequest)) as PageOutline;
  } catch (e) {
    return { error: `cannot read this page: ${(e as Error).message}` };
  }
  // What the user taught on this router goes with it: that is what an adapter is made from.
  const origin = await tabOrigin(tabId).catch(() => '');
  const taught = origin ? (await listMappings().catch(() => [])).filter((m) => m.origin === origin) : [];
  return taught.length ? { ...outline, taught: outlineOfMappings(taught) } : outline;
}
