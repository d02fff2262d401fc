/**
 * The apply engine, content side: read → plan → act → verify, one rule at a time, on every
 * load of the router page while a job runs.
 *
 * On each load it first settles the rules the previous page left 'saving' (reload flows) from
 * the router's list, checks that every rule the user had is still listed unchanged, and takes
 * that list as the baseline before the first write. Then, per pending rule: read the page
 * (readPage), plan against the listed rules, and act through the flow the page model found
 * (single form, stage-then-commit, grid, or a list whose Add opens the form).
 *
 * State lives outside the page: loadJob/saveJob are async callbacks (messages to the
 * background in the extension, plain functions in tests), and 'saving' plus what the next
 * load should bring are saved before every press, so a reload loses nothing and a page that
 * never comes back ends the job (the background holds that deadline).
 */
import { detectPage } from '../routers/detect';
import { adapterById } from '../routers/registry';
import type { RouterAdapter } from '../routers/types';
import { defaultSleep, waitFor, type Sleep } from './deadline';
import type { DialogWatch } from './dialog-guard';
import { applyWithForm } from './flow-form';
import { applyWithGrid } from './flow-grid';
import { openForm } from './flow-open';
import type { Panel } from './panel';
import { planRule } from './plan';
import { readSavedRules } from './read';
import { newErrorText } from './router-messages';
import { keepsUserRules, makeContext, stopForDialog, type RunContext, type Step, type Timing } from './run-context';
import { settleSaving, settleSeenInPage } from './settle';
import type { ApplyJob } from './types';
import { withTeaching, type TeachHooks } from '../teach/gate';
import { baselineOf, listedRule } from './verify';

export interface EngineDeps {
  doc: Document;
  url?: string;
  loadJob(): Promise<ApplyJob | null>;
  saveJob(job: ApplyJob): Promise<void>;
  /** Pause between rules, ms. Default 500. */
  pauseMs?: number;
  /** How long to wait for the router's answer after Save, ms. Default 15000. */
  answerTimeoutMs?: number;
  /** How long to wait for a rules table that is still loading, ms. Default 2000. */
  readyTimeoutMs?: number;
  /** How long an in-page form may take to open, ms. Default 3000. */
  formTimeoutMs?: number;
  /** How long a page PortPilot navigated to may take to arrive, ms. Default 20000. */
  navigationTimeoutMs?: number;
  /** How long a re-rendered list may take to show the user's rules again, ms. Default 2500. */
  settleMs?: number;
  /** The in-page panel (one per content-script instance); none in headless use. */
  panel?: Panel | null;
  /** The preview before the first write, and mappings taught or confirmed before (lib/teach); none in headless use. */
  teach?: TeachHooks | null;
  /** Dialogs the page raises (see dialog-guard.ts). */
  dialogs?: DialogWatch | null;
  /** How to load a fresh copy of the page; default: the same address again (a GET). */
  reload?: () => void;
  sleep?: Sleep;
}

export { listedRule };
export { newErrorText, newMessage } from './router-messages';

/** The page was replaced (reload or navigation): this script's document is gone. */
export const pageGone = (doc: Document) => !doc.defaultView || doc.defaultView.closed === true;

export async function runEngine(deps: EngineDeps): Promise<ApplyJob | null> {
  const { doc } = deps;
  const job = await deps.loadJob();
  if (!job || job.state === 'done' || job.state === 'stopped') return job;
  const sleep = deps.sleep ?? defaultSleep;
  const timing: Timing = {
    pauseMs: deps.pauseMs ?? 500,
    answerTimeoutMs: deps.answerTimeoutMs ?? 15000,
    readyTimeoutMs: deps.readyTimeoutMs ?? 2000,
    formTimeoutMs: deps.formTimeoutMs ?? 3000,
    navigationTimeoutMs: deps.navigationTimeoutMs ?? 20000,
    settleMs: deps.settleMs ?? 2500,
  };
  const url = deps.url ?? doc.location?.href ?? '';

  // The page the previous step waited for has arrived.
  delete job.waiting;
  await waitFor(() => !readSavedRules(doc).loading, timing.readyTimeoutMs, sleep);
  const detected = detectPage(doc, url);
  const adapter: RouterAdapter = adapterById(job.adapterId) ?? detected.adapter;
  job.adapterId ??= adapter.id;
  const ctx = makeContext({
    job,
    doc,
    url,
    adapter,
    timing,
    sleep,
    dialogs: deps.dialogs ?? null,
    reload: deps.reload,
    persist: (j) => deps.saveJob(j),
    show: (j) => deps.panel?.show(j),
  });

  const teaching = deps.teach ? withTeaching(ctx, deps.teach) : null;

  if (detected.detection.kind === 'login') {
    job.state = 'paused-login';
    job.message = 'The router asked for its password. Log in in this tab and PortPilot carries on by itself.';
    await ctx.save();
    return job;
  }
  const resumed = job.state === 'paused-login';
  if (resumed) {
    job.state = 'running';
    job.message = undefined;
  }
  if (detected.detection.kind === 'app-only' || adapter.flow === 'app-only') {
    return ctx.finish('stopped', adapter.note ?? 'This router is set up in an app, not on this page.');
  }

  // What the previous page's save did, read from this page's list (which a script may still be filling).
  const saving = job.rules.filter((o) => o.status === 'saving');
  if (saving.length) {
    await waitFor(() => {
      const listed = readSavedRules(doc);
      return !listed.loading && saving.every((o) => listedRule(o.rule, listed.rules));
    }, timing.readyTimeoutMs, sleep);
  }
  const first = ctx.read();
  const settled = settleSaving(job, first, { resumedFromLogin: resumed, errorNow: newErrorText(doc, new Map()) });
  if (job.cursor?.action === 'final-check') settleSeenInPage(job, first);
  if (job.cursor?.action === 'submit' || job.cursor?.action === 'final-check') delete job.cursor;
  if (!(await keepsUserRules(ctx))) return job;
  if (settled.ignored) {
    return ctx.finish('stopped', `Stopped: the router did not list "${settled.ignored}" after saving it and showed no message. PortPilot stopped so that nothing else is typed.`);
  }
  // Before the first write: the user's rules, exactly as listed, to compare with after every save.
  if (job.baseline === undefined) job.baseline = first.listReadable ? baselineOf(first.rules) : null;
  await ctx.save();

  for (let guard = 0; guard < 200; guard++) {
    const raised = ctx.takeDialog();
    if (raised) return stopForDialog(ctx, raised, null);
    const model = ctx.read();
    const index = job.rules.findIndex((o) => o.status === 'pending');
    if (index < 0) return closeJob(ctx);
    const outcome = job.rules[index]!;
    if (model.flow !== 'grid') {
      const step = planRule(outcome.rule, model.rules, outcome);
      if (step.action !== 'add') {
        outcome.status = step.action;
        outcome.message = step.message;
        await ctx.save();
        continue;
      }
    }
    // Before the first write on a page PortPilot is not sure of, the person checks (or teaches) it.
    if (teaching && model.flow !== 'open-form') {
      const gate = await teaching.review(model);
      if (gate === 'ended') return job;
      if (gate === 'again') continue;
    }
    let result: Step;
    switch (model.flow) {
      case 'single':
      case 'stage-commit':
        result = await applyWithForm(ctx, index, model);
        break;
      case 'grid':
        result = await applyWithGrid(ctx, model);
        break;
      case 'open-form':
        result = await openForm(ctx, index, model);
        break;
      default:
        outcome.status = 'failed';
        outcome.message = `could not fill the form: ${model.problem}`;
        return ctx.finish('stopped', `Stopped: PortPilot could not use this page's form (${model.problem}). Nothing else was changed.`);
    }
    if (result !== 'next') return job;
  }
  return ctx.finish('stopped', 'Stopped: too many steps.');
}

/**
 * The end of a job: when rules were seen only on the page they were saved on, one reload to
 * read the router's list again (see RuleOutcome.seenInPage); else done.
 */
async function closeJob(ctx: RunContext): Promise<ApplyJob> {
  const { job } = ctx;
  if (job.mode === 'fill-only' || !job.rules.some((o) => o.seenInPage)) return ctx.finish('done');
  job.cursor = { index: -1, action: 'final-check' };
  ctx.expect('the page to reload so PortPilot can check the router\'s list once more');
  await ctx.save();
  ctx.reload();
  return job;
}

export { keepsUserRules };
