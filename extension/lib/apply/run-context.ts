/**
 * What the steps of one engine run share: the job (owned by the background; saved after every
 * change), the page, a fresh read of the page model on demand, the deadlines, and the ways a
 * step ends the job. The flows (single form, grid, list with an Add button) use only this.
 */
import type { RouterAdapter } from '../routers/types';
import { waitFor, waitedFor, type Sleep } from './deadline';
import { dialogMessage, type DialogWatch, type RaisedDialog } from './dialog-guard';
import type { PageModel } from './page-model';
import { readPage, readSavedRules } from './read';
import { reloadForCheck } from './act';
import { isSuccessText } from './router-messages';
import { changedRules, integrityMessage, listedRule } from './verify';
import { FINAL_STATUSES, type ApplyJob, type RuleOutcome } from './types';

export interface Timing {
  /** Pause between rules. */
  pauseMs: number;
  /** How long the router may take to answer a save. */
  answerTimeoutMs: number;
  /** How long a list that is still loading may take. */
  readyTimeoutMs: number;
  /** How long an in-page form may take to open after its Add button. */
  formTimeoutMs: number;
  /** How long a page the engine navigated to may take to arrive (checked by the background). */
  navigationTimeoutMs: number;
  /** How long a re-rendered list may take to show the user's rules again. */
  settleMs: number;
}

/** How a step ended: carry on with the next rule, the page is leaving (the next load continues), or the job ended. */
export type Step = 'next' | 'left' | 'ended';

export interface RunContext {
  job: ApplyJob;
  doc: Document;
  url: string;
  adapter: RouterAdapter;
  timing: Timing;
  sleep: Sleep;
  read(): PageModel;
  save(): Promise<void>;
  finish(state: 'done' | 'stopped', message?: string): Promise<ApplyJob>;
  /** The document was replaced (reload or navigation). */
  gone(): boolean;
  /** A dialog the page raised since the last look, if any (taken: each is reported once). */
  takeDialog(): RaisedDialog | null;
  /** Announces a navigation PortPilot causes; the background stops the job if it never arrives. */
  expect(what: string, ms?: number): void;
  /** Loads a fresh copy of the page (to read the router's list as the router renders it). */
  reload(): void;
}

export function makeContext(
  base: Omit<RunContext, 'read' | 'save' | 'finish' | 'expect' | 'gone' | 'takeDialog' | 'reload'> & {
    reload?: () => void;
    persist(job: ApplyJob): Promise<void>;
    show(job: ApplyJob): void;
    dialogs: DialogWatch | null;
  },
): RunContext {
  const { job, doc } = base;
  const ctx: RunContext = {
    job,
    doc,
    url: base.url,
    adapter: base.adapter,
    timing: base.timing,
    sleep: base.sleep,
    takeDialog: () => base.dialogs?.take() ?? null,
    reload: () => (base.reload ? base.reload() : reloadForCheck(doc, base.url)),
    read: () => readPage(doc, { url: base.url, adapter: base.adapter }),
    gone: () => !doc.defaultView || doc.defaultView.closed === true || doc.defaultView.document !== doc,
    async save() {
      base.show(job);
      await base.persist(job);
    },
    async finish(state, message) {
      const open = job.rules.filter((o) => !FINAL_STATUSES.includes(o.status));
      // "done" only when every rule has its final outcome (fill-only fills one rule by design).
      if (state === 'done' && open.length && job.mode !== 'fill-only') {
        state = 'stopped';
        message ??= `Stopped with ${open.length} rule${open.length === 1 ? '' : 's'} not tried.`;
      }
      job.state = state;
      job.message = message;
      job.finishedAt = Date.now();
      delete job.cursor;
      delete job.waiting;
      await ctx.save();
      return job;
    },
    expect(what, ms = base.timing.navigationTimeoutMs) {
      job.waiting = { for: what, since: Date.now(), until: Date.now() + ms };
    },
  };
  return ctx;
}

/** Stops the job because the page raised a dialog; the rule being saved keeps what we know of it. */
export async function stopForDialog(
  ctx: RunContext,
  d: RaisedDialog,
  current: RuleOutcome | null,
  opts: { listShowsStaged?: boolean } = {},
): Promise<ApplyJob> {
  if (current && !FINAL_STATUSES.includes(current.status)) {
    current.message = `the router page said: "${d.text.slice(0, 200)}"`;
    if (d.kind === 'alert' && current.status === 'saving' && !opts.listShowsStaged) {
      // A plain message after Save may be good or bad news: the router's list decides.
      const listed = readSavedRules(ctx.doc);
      current.status = listedRule(current.rule, listed.rules) ? 'applied' : listed.readable ? 'failed' : 'unconfirmed';
    } else if (d.kind === 'alert' && current.status === 'saving') {
      // The page's list also shows rows not saved yet: only the message itself can tell.
      current.status = isSuccessText(d.text) ? 'unconfirmed' : 'failed';
    } else current.status = 'failed'; // we answered "no" to its question, or nothing was saved yet
  }
  // Rules the page listed at once may have been drawn before the router answered: the list as
  // it stands a moment after the message decides (gone → failed, still there → not confirmed).
  const seen = ctx.job.rules.filter((o) => o.seenInPage && o !== current);
  if (seen.length) {
    const gone = (o: RuleOutcome) => !listedRule(o.rule, readSavedRules(ctx.doc).rules);
    await waitFor(() => ctx.gone() || seen.some(gone), ctx.timing.settleMs, ctx.sleep);
    for (const o of seen) {
      delete o.seenInPage;
      const vanished = !ctx.gone() && gone(o);
      o.status = vanished ? 'failed' : 'unconfirmed';
      o.message = `${vanished ? 'the page listed it, then took it off its list after saying' : 'the page listed it, but then said'}: "${d.text.slice(0, 200)}"`;
    }
  }
  return ctx.finish('stopped', dialogMessage(d));
}

/**
 * Every rule the user had before the first write, still listed exactly as before? A list being
 * re-rendered may be briefly incomplete, so it gets settleMs to come back. When the page shows
 * no list now, there is nothing to compare (the outcome says "not confirmed" instead).
 */
export async function keepsUserRules(ctx: RunContext): Promise<boolean> {
  const baseline = ctx.job.baseline;
  if (!baseline?.length) return true;
  let changes = changedRules(baseline, []);
  let comparable = false;
  await waitFor(
    () => {
      if (ctx.gone()) return true;
      const m = readSavedRules(ctx.doc);
      if (!m.readable || m.loading) return false;
      comparable = true;
      changes = changedRules(baseline, m.rules);
      return changes.length === 0;
    },
    ctx.timing.settleMs,
    ctx.sleep,
  );
  if (!comparable || ctx.gone() || changes.length === 0) return true;
  await ctx.finish('stopped', integrityMessage(changes));
  return false;
}

export { waitedFor };
