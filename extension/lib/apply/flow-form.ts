/**
 * One rule through the page's single empty form: fill it, press its own button, and read the
 * router's answer. Stage-then-commit pages (the row goes into a list, then the page's Apply
 * saves the list) are checked after a reload, never from the staged row.
 */
import { fillFields, press } from './act';
import { fitName, nameLimit } from './fit-name';
import { waitFor } from './deadline';
import type { PageModel } from './page-model';
import { readSavedRules, resolveControl, resolveForm } from './read';
import { answerReader, answerWatcher, messageTexts, type MessageSnapshot } from './router-messages';
import { keepsUserRules, stopForDialog, type RunContext, type Step } from './run-context';
import { needsSplit, splitBoth } from './split';
import type { RaisedDialog } from './dialog-guard';
import type { RuleOutcome } from './types';
import { listedRule } from './verify';
import { holdsOurValue } from '../routers/generic/touched';
import type { FieldMap } from '../routers/generic/finder';

export async function applyWithForm(ctx: RunContext, index: number, model: PageModel): Promise<Step> {
  const { job, doc } = ctx;
  const outcome = job.rules[index]!;
  const form = model.form!;
  const fields = resolveForm(doc, form);
  if (!fields) return 'next'; // the page changed since it was read: read it again
  if (needsSplit(outcome.rule.protocol, form.protocolChoices)) {
    splitBoth(job, index);
    await ctx.save();
    return 'next';
  }
  outcome.rule.name = fitName(outcome.rule.name, nameLimit(fields.name));
  const filled = fillFields(fields, outcome.rule);
  if (!filled.ok) {
    outcome.status = 'failed';
    outcome.message = filled.message;
    await ctx.save();
    return 'next';
  }
  const raised = ctx.takeDialog();
  if (raised) return stopForDialog(ctx, raised, outcome).then(() => 'ended');
  if (job.mode === 'fill-only') {
    outcome.status = 'filled';
    outcome.message = 'check the form and press Save yourself';
    await ctx.finish('done', `Filled "${outcome.rule.name}". Check it and press the router's Save button yourself.`);
    return 'ended';
  }
  const snapshot = messageTexts(doc);
  outcome.status = 'saving';
  outcome.message = undefined;
  outcome.attempts = (outcome.attempts ?? 0) + 1;
  job.cursor = { index, action: 'submit' };
  ctx.expect(`the router's answer after "${form.submit!.text || 'Save'}"`, ctx.timing.answerTimeoutMs + ctx.timing.navigationTimeoutMs);
  await ctx.save();
  const pressed = await press(resolveControl(doc, form.submit), fields, ctx.timing.formTimeoutMs, ctx.sleep);
  if (!pressed.ok) {
    outcome.status = 'failed';
    outcome.message = `filled, but PortPilot did not press the form's button (${pressed.reason}): check the form and press it yourself`;
    await ctx.finish('stopped', 'Stopped before saving: the form\'s button changed. Nothing was saved by PortPilot.');
    return 'ended';
  }
  if (form.commit) return commitStaged(ctx, outcome, fields, model, snapshot);
  return awaitAnswer(ctx, outcome, snapshot);
}

/** Waits for the router's answer to a save: the rule in its list, its error, a reload. */
async function awaitAnswer(ctx: RunContext, outcome: RuleOutcome, snapshot: MessageSnapshot): Promise<Step> {
  const { doc, job } = ctx;
  let error: string | null = null;
  let raised: RaisedDialog | null = null;
  const watch = answerWatcher(doc, snapshot);
  const seen = () => !!listedRule(outcome.rule, readSavedRules(doc).rules);
  await waitFor(
    () => {
      if (ctx.gone()) return true;
      raised = ctx.takeDialog();
      if (raised) return true;
      if (seen()) return true;
      error = watch();
      return error !== null;
    },
    ctx.timing.answerTimeoutMs,
    ctx.sleep,
  );
  if (ctx.gone()) return 'left'; // reloaded or left: the next load reads the answer
  if (raised) return stopForDialog(ctx, raised, outcome).then(() => 'ended');
  delete job.cursor;
  delete job.waiting;
  if (error) {
    outcome.status = 'failed';
    outcome.message = error;
  } else if (seen()) {
    outcome.status = 'applied';
    outcome.seenInPage = true;
    if (!(await keepsUserRules(ctx))) return 'ended';
  } else if (!readSavedRules(doc).readable) {
    outcome.status = 'unconfirmed';
    outcome.message = 'saved, but this page shows no list of rules to check it against';
  } else {
    // The list may only refresh on a reload: look there once before calling it failed.
    outcome.check = 'reload';
    ctx.expect('the page to reload so PortPilot can read the router\'s list');
    await ctx.save();
    ctx.reload();
    return 'left';
  }
  await ctx.save();
  await ctx.sleep(ctx.timing.pauseMs);
  return 'next';
}

/** Whether the form still shows what we typed (not yet taken into the page's list). */
function stillHoldsOurs(fields: FieldMap): boolean {
  return [fields.extStart, fields.name].some((el) => !!el && el.value !== '' && holdsOurValue(el));
}

/** Stage-then-commit: the row went to the page's list (or not), then the page's Apply, then a reload to check. */
async function commitStaged(ctx: RunContext, outcome: RuleOutcome, fields: FieldMap, model: PageModel, snapshot: MessageSnapshot): Promise<Step> {
  const { doc } = ctx;
  const form = model.form!;
  const rowsBefore = readSavedRules(doc).rules.length;
  let error: string | null = null;
  let raised: RaisedDialog | null = null;
  const watch = answerWatcher(doc, snapshot);
  const staged = await waitFor(
    () => {
      if (ctx.gone()) return true;
      raised = ctx.takeDialog();
      if (raised) return true;
      error = watch();
      if (error) return true;
      return !stillHoldsOurs(fields) || readSavedRules(doc).rules.length > rowsBefore;
    },
    ctx.timing.formTimeoutMs,
    ctx.sleep,
  );
  if (ctx.gone()) return 'left';
  if (raised) return stopForDialog(ctx, raised, outcome, { listShowsStaged: true }).then(() => 'ended');
  if (error || !staged) {
    outcome.status = 'failed';
    outcome.message = error ?? `the page did not take the rule into its list after "${form.submit!.text || 'Add'}"`;
    delete ctx.job.cursor;
    delete ctx.job.waiting;
    await ctx.save();
    return 'next';
  }
  // A row in the page's list is not saved yet: the page's own Apply saves it, a reload shows it.
  outcome.check = 'reload';
  ctx.expect(`the router page to reload after "${form.commit!.text || 'Apply'}"`, ctx.timing.answerTimeoutMs + ctx.timing.navigationTimeoutMs);
  await ctx.save();
  const commitSnapshot = messageTexts(doc);
  const pressed = await press(resolveControl(doc, form.commit), fields, ctx.timing.formTimeoutMs, ctx.sleep);
  if (!pressed.ok) {
    outcome.status = 'failed';
    outcome.message = `added to the page's list, but PortPilot did not press "${form.commit!.text}" (${pressed.reason}): press it yourself`;
    await ctx.finish('stopped', 'Stopped before saving: the page\'s Apply button changed.');
    return 'ended';
  }
  let failure: string | null = null;
  const answer = answerReader(doc, commitSnapshot);
  await waitFor(
    () => {
      if (ctx.gone()) return true;
      raised = ctx.takeDialog();
      if (raised) return true;
      failure = answer.error();
      return failure !== null || answer.success() !== null;
    },
    ctx.timing.answerTimeoutMs,
    ctx.sleep,
  );
  if (ctx.gone()) return 'left';
  if (raised) return stopForDialog(ctx, raised, outcome, { listShowsStaged: true }).then(() => 'ended');
  if (failure) {
    outcome.status = 'failed';
    outcome.message = failure;
    delete outcome.check;
    delete ctx.job.waiting;
    await ctx.save();
    return 'next';
  }
  // Saved without leaving the page: read the router's list from a fresh copy of the page.
  ctx.expect('the page to reload so PortPilot can read the router\'s list');
  await ctx.save();
  ctx.reload();
  return 'left';
}
