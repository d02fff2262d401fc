/**
 * A grid of empty rule rows where one save stores them all (Sagemcom, Linksys, DD-WRT's new
 * rows): one free row per pending rule, then the grid's own button once, then the router's
 * list. Rows that hold the user's rules are never written.
 */
import { fillFields, press } from './act';
import { fitName, nameLimit } from './fit-name';
import { waitFor } from './deadline';
import type { RaisedDialog } from './dialog-guard';
import type { PageModel } from './page-model';
import { planRule } from './plan';
import { readSavedRules, resolveControl, resolveForm } from './read';
import { answerWatcher, messageTexts } from './router-messages';
import { keepsUserRules, stopForDialog, type RunContext, type Step } from './run-context';
import { needsSplit, splitBoth } from './split';
import type { RuleOutcome } from './types';
import { listedRule } from './verify';
import type { FieldMap } from '../routers/generic/finder';

export async function applyWithGrid(ctx: RunContext, model: PageModel): Promise<Step> {
  const { job, doc } = ctx;
  const free = model.slots.slice();
  const batch: RuleOutcome[] = [];
  let first: FieldMap | null = null;
  for (let i = 0; i < job.rules.length; i++) {
    const o = job.rules[i]!;
    if (o.status !== 'pending') continue;
    const step = planRule(o.rule, model.rules, o);
    if (step.action !== 'add') {
      o.status = step.action;
      o.message = step.message;
      continue;
    }
    const slot = free[0];
    if (!slot) break;
    if (needsSplit(o.rule.protocol, slot.protocolChoices)) {
      splitBoth(job, i);
      i--;
      continue;
    }
    const fields = resolveForm(doc, slot);
    if (!fields) break;
    o.rule.name = fitName(o.rule.name, nameLimit(fields.name));
    const filled = fillFields(fields, o.rule);
    if (!filled.ok) {
      o.status = 'failed';
      o.message = filled.message;
      continue;
    }
    first ??= fields;
    free.shift();
    batch.push(o);
    if (job.mode === 'fill-only') {
      o.status = 'filled';
      o.message = 'check the row and press Apply yourself';
      await ctx.finish('done', `Filled "${o.rule.name}". Check it and press the router's Apply button yourself.`);
      return 'ended';
    }
  }
  if (!batch.length) {
    await ctx.save();
    if (!job.rules.some((o) => o.status === 'pending')) return 'next';
    await ctx.finish('stopped', 'Stopped: the router\'s table has no free row left for the next rule.');
    return 'ended';
  }
  const raised0 = ctx.takeDialog();
  if (raised0) return stopForDialog(ctx, raised0, batch[0]!).then(() => 'ended');
  const snapshot = messageTexts(doc);
  for (const o of batch) {
    o.status = 'saving';
    o.attempts = (o.attempts ?? 0) + 1;
  }
  const button = model.slots[0]!.submit!;
  ctx.expect(`the router's answer after "${button.text || 'Apply'}"`, ctx.timing.answerTimeoutMs + ctx.timing.navigationTimeoutMs);
  await ctx.save();
  const pressed = await press(resolveControl(doc, button), first!, ctx.timing.formTimeoutMs, ctx.sleep);
  if (!pressed.ok) {
    for (const o of batch) {
      o.status = 'failed';
      o.message = `filled, but PortPilot did not press the table's button (${pressed.reason}): press it yourself`;
    }
    await ctx.finish('stopped', 'Stopped before saving: the table\'s button changed.');
    return 'ended';
  }
  let error: string | null = null;
  let raised: RaisedDialog | null = null;
  const watch = answerWatcher(doc, snapshot);
  await waitFor(
    () => {
      if (ctx.gone()) return true;
      raised = ctx.takeDialog();
      if (raised) return true;
      error = watch();
      const listed = readSavedRules(doc).rules;
      return error !== null || batch.every((o) => listedRule(o.rule, listed));
    },
    ctx.timing.answerTimeoutMs,
    ctx.sleep,
  );
  if (ctx.gone()) return 'left';
  if (raised) return stopForDialog(ctx, raised, batch.find((o) => o.status === 'saving') ?? null).then(() => 'ended');
  // Rows saved before an error show up when the list refreshes: give it a moment.
  await ctx.sleep(error ? 400 : 100);
  const now = readSavedRules(doc);
  const unseen = batch.filter((o) => !listedRule(o.rule, now.rules));
  if (!error && now.readable && unseen.length === batch.length) {
    // Nothing listed and nothing said: read the router's list from a fresh copy of the page.
    for (const o of batch) o.check = 'reload';
    ctx.expect('the page to reload so PortPilot can read the router\'s list');
    await ctx.save();
    ctx.reload();
    return 'left';
  }
  for (const o of batch) {
    if (listedRule(o.rule, now.rules)) {
      o.status = 'applied';
      o.seenInPage = true;
    } else if (!now.readable) {
      o.status = 'unconfirmed';
      o.message = 'saved, but this page shows no list of rules to check it against';
    } else {
      o.status = 'failed';
      o.message = error ?? 'the router did not list the rule after saving it';
    }
  }
  delete job.waiting;
  if (!(await keepsUserRules(ctx))) return 'ended';
  await ctx.save();
  return 'next';
}
