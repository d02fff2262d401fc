/**
 * The apply engine, content side. Runs on every load of the router page while a job is
 * running: it first settles rules left 'saving' by the previous page (reload flows), then
 * takes the pending rules one by one: plan against the rules table → fill → submit → read
 * the router's answer (new row, error banner, or a reload) → brief pause → next.
 *
 * State lives outside the page: loadJob/saveJob are async callbacks (messages to the
 * background in the extension, plain functions in tests), and 'saving' is persisted before
 * every submit, so a page reload in the middle loses nothing.
 */
import { addButtonOf, detectPage, findButton } from '../routers/detect';
import { findFields, findFieldsIn, protocolChoices, type FieldMap } from '../routers/generic/finder';
import { fillRule } from '../routers/generic/fill';
import { isHiddenElement, textOf, visibleControls } from '../routers/generic/signals';
import { hasRulesTable, readExistingRules, type ExistingRule } from '../routers/generic/table';
import { adapterById } from '../routers/registry';
import type { RouterAdapter } from '../routers/types';
import { planRule } from './plan';
import { renderPanel } from './panel';
import type { ApplyJob, RouterRule, RuleOutcome } from './types';

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
  /** Show the in-page panel. Default true. */
  panel?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

const SAVE = /^\s*(apply|save|add|ok|submit|save settings|apply changes|save changes|add rule|add (virtual server|service|entry))\s*$/i;
const ERROR_SELECTOR =
  '[role=alert], [role=status], .error, .err, .alert, .warning, .banner, .msg, #err, #error, #msg, [class*=error], [id*=error], [id*=err], [class*=alert]';
const ERROR_WORDS = /\b(error|invalid|fail(ed|ure)?|conflict\w*|overlap\w*|already|cannot|can't|could not|unable|not allowed|must|please|in use|expired|timed? ?out|did not)\b/i;
const LOADING = /\b(loading|please wait|applying|saving)\b/i;

/** The page was replaced (reload or navigation): this script's document is gone. */
export const pageGone = (doc: Document) => !doc.defaultView || doc.defaultView.closed === true;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A shown rule that is the one we saved: same ports and, where the table shows them, device and protocol. */
export function listedRule(rule: RouterRule, existing: ExistingRule[]): ExistingRule | undefined {
  return existing.find(
    (e) =>
      e.externalStart === rule.externalStart &&
      e.externalEnd === rule.externalEnd &&
      (e.ip === undefined || e.ip === rule.ip) &&
      (e.protocol === null || e.protocol === rule.protocol) &&
      (e.internalStart === undefined || e.internalStart === rule.internalStart),
  );
}

function messageTexts(doc: Document): Map<Element, string> {
  const out = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(ERROR_SELECTOR))) {
    if (el.closest('table') || el.getAttribute('data-portpilot') !== null) continue;
    if (isHiddenElement(el)) continue;
    const t = textOf(el);
    if (t && t.length < 400) out.set(el, t);
  }
  return out;
}

const SUCCESS_WORDS = /\b(success\w*|added|saved|applied|complete[d]?|done)\b/i;

/**
 * The router's own message that appeared (or changed) since the snapshot, with what it
 * seems to say. A neutral text ("Router says no") counts as an error only if the rule does
 * not show up soon after (see answerWatcher).
 */
export function newMessage(doc: Document, before: Map<Element, string>): { text: string; kind: 'error' | 'success' | 'neutral' } | null {
  let neutral: string | null = null;
  for (const [el, text] of messageTexts(doc)) {
    if (before.get(el) === text) continue;
    const cls = `${String(el.className)} ${el.id}`;
    if (/err|fail|danger|warn/i.test(cls) || ERROR_WORDS.test(text)) return { text, kind: 'error' };
    if (/\b(ok|success|info)\b/i.test(cls) || SUCCESS_WORDS.test(text)) continue;
    neutral ??= text;
  }
  return neutral ? { text: neutral, kind: 'neutral' } : null;
}

/** The router's own error text that appeared (or changed) since the snapshot. */
export function newErrorText(doc: Document, before: Map<Element, string>): string | null {
  const m = newMessage(doc, before);
  return m?.kind === 'error' ? m.text : null;
}

/** Error text, or a neutral message that has stood for graceMs without the rule appearing. */
function answerWatcher(doc: Document, before: Map<Element, string>, graceMs = 700) {
  let neutralSince = 0;
  let neutralText = '';
  return (): string | null => {
    const m = newMessage(doc, before);
    if (!m) {
      neutralSince = 0;
      return null;
    }
    if (m.kind === 'error') return m.text;
    if (m.kind === 'success') return null;
    if (m.text !== neutralText || !neutralSince) {
      neutralText = m.text;
      neutralSince = Date.now();
      return null;
    }
    return Date.now() - neutralSince >= graceMs ? m.text : null;
  };
}

function tableLoading(doc: Document): boolean {
  for (const t of Array.from(doc.querySelectorAll('table'))) {
    if (isHiddenElement(t)) continue;
    const body = t.tBodies[0];
    if (body && LOADING.test(textOf(body))) return true;
  }
  return false;
}

function emptyRulesTable(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('table')).some((t) => {
    if (isHiddenElement(t) || !t.tHead || t.tBodies.length !== 1) return false;
    return t.tBodies[0]!.querySelectorAll('tr').length === 0 && hasRulesTable(t.parentElement ?? doc);
  });
}

async function waitFor(cond: () => boolean, timeoutMs: number, sleep: (ms: number) => Promise<void>): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (cond()) return true;
    if (Date.now() >= end) return false;
    await sleep(50);
  }
}

/** Rows of a rule grid (one Apply saves them all) with their fields, empty rows first in order. */
export function gridRows(doc: Document): Array<{ row: HTMLTableRowElement; fields: FieldMap; empty: boolean }> {
  const out: Array<{ row: HTMLTableRowElement; fields: FieldMap; empty: boolean }> = [];
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
    if (visibleControls(row).length < 3) continue;
    const r = findFieldsIn(row);
    if (!r.ok) continue;
    const texts = visibleControls(row).filter((c) => c.tagName === 'INPUT' && ['text', 'number', ''].includes((c as HTMLInputElement).type));
    out.push({ row, fields: r.fields, empty: texts.every((c) => c.value.trim() === '') });
  }
  return out.length >= 2 ? out : [];
}

function splitBoth(job: ApplyJob, index: number): void {
  const o = job.rules[index]!;
  const mk = (protocol: 'tcp' | 'udp', tag: string): RuleOutcome => ({
    rule: { ...o.rule, protocol, name: `${o.rule.name.slice(0, 18)} ${tag}` },
    status: 'pending',
  });
  job.rules.splice(index, 1, mk('tcp', 'T'), mk('udp', 'U'));
}

export async function runEngine(deps: EngineDeps): Promise<ApplyJob | null> {
  const { doc } = deps;
  const sleep = deps.sleep ?? defaultSleep;
  const pauseMs = deps.pauseMs ?? 500;
  const answerTimeoutMs = deps.answerTimeoutMs ?? 15000;
  const readyTimeoutMs = deps.readyTimeoutMs ?? 2000;
  const job = await deps.loadJob();
  if (!job || job.state === 'done' || job.state === 'stopped') return job;

  const show = () => {
    if (deps.panel !== false) renderPanel(doc, job);
  };
  const save = async () => {
    show();
    await deps.saveJob(job);
  };
  const finish = async (state: 'done' | 'stopped', message?: string) => {
    job.state = state;
    job.message = message;
    job.finishedAt = Date.now();
    delete job.cursor;
    await save();
    return job;
  };

  await waitFor(() => !tableLoading(doc) && !emptyRulesTable(doc), readyTimeoutMs, sleep);
  const detected = detectPage(doc, deps.url);
  const adapter: RouterAdapter = adapterById(job.adapterId) ?? detected.adapter;
  job.adapterId ??= adapter.id;

  if (detected.detection.kind === 'login') {
    job.state = 'paused-login';
    job.message = 'The router asked for its password. Log in in this tab and PortPilot carries on by itself.';
    await save();
    return job;
  }
  const resumed = job.state === 'paused-login';
  if (resumed) {
    job.state = 'running';
    job.message = undefined;
  }
  if (detected.detection.kind === 'app-only' || adapter.flow === 'app-only') {
    return finish('stopped', adapter.note ?? 'This router is set up in an app, not on this page.');
  }

  // Rules submitted by the previous page: read the router's answer now.
  const before = new Map<Element, string>();
  const shown = readExistingRules(doc);
  const tableShown = hasRulesTable(doc);
  const errorNow = newErrorText(doc, before);
  for (const o of job.rules) {
    if (o.status !== 'saving') continue;
    if (listedRule(o.rule, shown)) {
      o.status = 'applied';
      o.message = undefined;
    } else if (resumed) {
      o.status = 'pending'; // the session had expired: the save never reached the router
      o.message = undefined;
    } else if (errorNow) {
      o.status = 'failed';
      o.message = errorNow;
    } else if (!tableShown) {
      o.status = 'applied';
      o.message = 'saved; this page lists no rules to check it against';
    } else if ((o.attempts ?? 1) < 2) {
      o.status = 'pending'; // the save may have been cut short (the tab left the page): once more
      o.message = undefined;
      o.attempts = o.attempts ?? 1;
    } else {
      o.status = 'failed';
      o.message = 'the router did not list the rule after saving it twice';
    }
  }
  await save();

  const grid = adapter.flow === 'multi-row' || !findFields(doc).ok ? gridRows(doc) : [];
  if (grid.length) return runGrid(job, doc, adapter, grid, { save, finish, sleep, answerTimeoutMs, mode: job.mode });

  for (let guard = 0; guard < 200; guard++) {
    const index = job.rules.findIndex((o) => o.status === 'pending');
    if (index < 0) return finish('done');
    const outcome = job.rules[index]!;
    const step = planRule(outcome.rule, readExistingRules(doc), outcome);
    if (step.action !== 'add') {
      outcome.status = step.action;
      outcome.message = step.message;
      await save();
      continue;
    }
    const found = findFields(doc);
    if (!found.ok) {
      const add = addButtonOf(doc, adapter);
      // Add was clicked for this rule already and still no form: once more (the user may have
      // left the page before the form came), then give up rather than click forever.
      const tries = job.cursor?.action === 'open-form' && job.cursor.index === index ? (job.cursor.tries ?? 1) : 0;
      if (add && tries < 2) {
        job.cursor = { index, action: 'open-form', tries: tries + 1 };
        await save();
        add.click();
        // In-page forms appear at once; otherwise the page is navigating and the next load carries on.
        if (await waitFor(() => pageGone(doc) || findFields(doc).ok, 3000, sleep)) {
          if (pageGone(doc)) return job;
          continue;
        }
        return job;
      }
      outcome.status = 'failed';
      outcome.message = `could not fill the form: ${found.reason}`;
      return finish('stopped', `Stopped: PortPilot could not identify this router's form (${found.reason}). Nothing else was changed.`);
    }
    const fields = found.fields;
    const choices = protocolChoices(fields.protocol);
    if (outcome.rule.protocol === 'both' && !choices.has('both') && choices.has('tcp') && choices.has('udp')) {
      splitBoth(job, index);
      await save();
      continue;
    }
    const filled = fillRule(fields, outcome.rule);
    if (!filled.ok) {
      outcome.status = 'failed';
      outcome.message = filled.message;
      await save();
      continue;
    }
    if (job.mode === 'fill-only') {
      outcome.status = 'filled';
      outcome.message = 'check the form and press Save yourself';
      return finish('done', `Filled "${outcome.rule.name}". Check it and press the router's Save button yourself.`);
    }
    const button = findButton(fields.scope, adapter.saveButton ?? SAVE) ?? findButton(doc, adapter.saveButton ?? SAVE);
    if (!button) {
      outcome.status = 'failed';
      outcome.message = 'filled, but no Save/Apply button was found: press it yourself';
      return finish('stopped', 'Stopped: no Save button found.');
    }
    const snapshot = messageTexts(doc);
    outcome.status = 'saving';
    outcome.message = undefined;
    outcome.attempts = (outcome.attempts ?? 0) + 1;
    job.cursor = { index, action: 'submit' };
    await save();
    button.click();
    let error: string | null = null;
    const watch = answerWatcher(doc, snapshot);
    const answered = await waitFor(
      () => {
        if (pageGone(doc)) return true;
        if (listedRule(outcome.rule, readExistingRules(doc))) return true;
        error = watch();
        return error !== null;
      },
      answerTimeoutMs,
      sleep,
    );
    if (pageGone(doc)) return job; // reloaded: the next load reads the answer
    if (error) {
      outcome.status = 'failed';
      outcome.message = error;
    } else if (answered) {
      outcome.status = 'applied';
    } else {
      outcome.status = 'failed';
      outcome.message = `no answer from the router within ${Math.round(answerTimeoutMs / 1000)} s`;
    }
    delete job.cursor;
    await save();
    await sleep(pauseMs);
  }
  return finish('stopped', 'Stopped: too many steps.');
}

interface GridCtx {
  save(): Promise<void>;
  finish(state: 'done' | 'stopped', message?: string): Promise<ApplyJob>;
  sleep(ms: number): Promise<void>;
  answerTimeoutMs: number;
  mode: ApplyJob['mode'];
}

/** Multi-row grids: fill one empty row per rule, then one Apply saves them all. */
async function runGrid(
  job: ApplyJob,
  doc: Document,
  adapter: RouterAdapter,
  initial: ReturnType<typeof gridRows>,
  ctx: GridCtx,
): Promise<ApplyJob> {
  let rows = initial;
  for (let round = 0; round < 50; round++) {
    const existing = readExistingRules(doc);
    const batch: RuleOutcome[] = [];
    let free = rows.filter((r) => r.empty);
    for (let i = 0; i < job.rules.length; i++) {
      const o = job.rules[i]!;
      if (o.status !== 'pending') continue;
      const step = planRule(o.rule, existing, o);
      if (step.action !== 'add') {
        o.status = step.action;
        o.message = step.message;
        continue;
      }
      const slot = free[0];
      if (!slot) break;
      const choices = protocolChoices(slot.fields.protocol);
      if (o.rule.protocol === 'both' && !choices.has('both') && choices.has('tcp') && choices.has('udp')) {
        splitBoth(job, i);
        i--;
        continue;
      }
      const filled = fillRule(slot.fields, o.rule);
      if (!filled.ok) {
        o.status = 'failed';
        o.message = filled.message;
        continue;
      }
      free = free.slice(1);
      batch.push(o);
      if (ctx.mode === 'fill-only') {
        o.status = 'filled';
        o.message = 'check the row and press Apply yourself';
        return ctx.finish('done', `Filled "${o.rule.name}". Check it and press the router's Apply button yourself.`);
      }
    }
    if (!batch.length) return ctx.finish('done');
    const scope = batch.length ? rows[0]!.row.closest('form') ?? doc : doc;
    const button = findButton(scope, adapter.saveButton ?? SAVE) ?? findButton(doc, adapter.saveButton ?? SAVE);
    if (!button) {
      batch.forEach((o) => {
        o.status = 'failed';
        o.message = 'filled, but no Apply button was found: press it yourself';
      });
      return ctx.finish('stopped', 'Stopped: no Apply button found.');
    }
    const snapshot = messageTexts(doc);
    batch.forEach((o) => (o.status = 'saving'));
    await ctx.save();
    button.click();
    let error: string | null = null;
    await ctx.sleep(50);
    const watch = answerWatcher(doc, snapshot);
    await waitFor(
      () => {
        if (pageGone(doc)) return true;
        error = watch();
        const listed = readExistingRules(doc);
        return error !== null || batch.every((o) => listedRule(o.rule, listed));
      },
      ctx.answerTimeoutMs,
      ctx.sleep,
    );
    if (pageGone(doc)) return job;
    // Let the list refresh once more after an error so the rows saved before it show up.
    if (error) await waitFor(() => !(button as HTMLButtonElement).disabled, 2000, ctx.sleep);
    await ctx.sleep(200);
    const listed = readExistingRules(doc);
    for (const o of batch) {
      if (listedRule(o.rule, listed)) o.status = 'applied';
      else {
        o.status = 'failed';
        o.message = error ?? 'the router did not list the rule after Apply';
      }
    }
    await ctx.save();
    if (error) {
      // A grid stops at the first bad row; the rows after it were not tried.
      return ctx.finish('done');
    }
    rows = gridRows(doc);
    if (!rows.length) return ctx.finish('done');
  }
  return ctx.finish('stopped', 'Stopped: too many steps.');
}
