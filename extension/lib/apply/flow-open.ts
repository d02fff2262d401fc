/**
 * A page that shows only the list: press the list's own Add (the adapter's named button, or
 * an Add beside the list) to open the form or a new empty row, twice at most per rule. The
 * form may open in the page or on a new page; the job says what it waits for, so a button
 * that leads nowhere ends the job instead of leaving it running.
 */
import { waitFor, waitedFor } from './deadline';
import type { RaisedDialog } from './dialog-guard';
import type { PageModel } from './page-model';
import { resolveControl } from './read';
import { pressControl } from './act';
import { stopForDialog, type RunContext, type Step } from './run-context';
import { dialogsIn, isDestructive, isGenericConfirm, isUsable } from '../routers/generic/controls';
import { pageDocuments } from '../routers/generic/frames';
import { recordOpenedDialog, recordOpenPress } from '../routers/generic/opened';
import { isHiddenElement, visibleControls } from '../routers/generic/signals';

export async function openForm(ctx: RunContext, index: number, model: PageModel): Promise<Step> {
  const { job } = ctx;
  const outcome = job.rules[index]!;
  const control = model.openForm!;
  const tries = job.cursor?.action === 'open-form' && job.cursor.index === index ? (job.cursor.tries ?? 1) : 0;
  const el = resolveControl(ctx.doc, control);
  if (tries >= 2 || !el || !isUsable(el) || isDestructive(el) || isGenericConfirm(el)) {
    outcome.status = 'failed';
    outcome.message = `"${control.text}" did not open a form PortPilot can use`;
    await ctx.finish('stopped', `Stopped: pressing "${control.text}" did not open a form PortPilot can use. Nothing else was changed.`);
    return 'ended';
  }
  const what = `the form to open after pressing "${control.text}"`;
  job.cursor = { index, action: 'open-form', tries: tries + 1 };
  ctx.expect(what);
  await ctx.save();
  const before = visibleDialogs(ctx.doc);
  const controlsBefore = visibleControlCount(ctx.doc);
  recordOpenPress(el);
  pressControl(el);
  let raised: RaisedDialog | null = null;
  let unreadable: string | null = null;
  const started = Date.now();
  const opened = await waitFor(
    () => {
      if (ctx.gone()) return true;
      raised = ctx.takeDialog();
      if (raised) return true;
      // A pop-up that appeared for this press is ours: its own OK may save what we fill in.
      for (const d of visibleDialogs(ctx.doc)) if (!before.has(d)) recordOpenedDialog(d);
      const model = ctx.read();
      if (['single', 'stage-commit', 'grid'].includes(model.flow)) return true;
      // A pop-up or new fields appeared, but their form cannot be read: say so now rather than wait.
      const appeared = [...visibleDialogs(ctx.doc)].some((d) => !before.has(d)) || visibleControlCount(ctx.doc) > controlsBefore;
      if (Date.now() - started > ctx.timing.formTimeoutMs && appeared) {
        unreadable = model.problem || 'its fields could not be identified';
        return true;
      }
      return false;
    },
    // In-page forms open at once; a navigation may take until the announced deadline.
    Math.max(ctx.timing.formTimeoutMs, (job.waiting?.until ?? 0) - Date.now()),
    ctx.sleep,
  );
  if (ctx.gone()) return 'left';
  if (raised) return stopForDialog(ctx, raised, null).then(() => 'ended');
  if (opened && !unreadable) {
    delete job.waiting;
    return 'next';
  }
  outcome.status = 'failed';
  if (unreadable) {
    outcome.message = `the form that "${control.text}" opened could not be read: ${unreadable}`;
    await ctx.finish('stopped', `Stopped: PortPilot could not read the form that "${control.text}" opened (${unreadable}). Nothing was typed or saved.`);
    return 'ended';
  }
  outcome.message = `"${control.text}" did not open a form`;
  await ctx.finish('stopped', waitedFor(what, Date.now() - started));
  return 'ended';
}

/** How many fields a person can see now, in every readable frame. */
function visibleControlCount(top: Document): number {
  return pageDocuments(top).docs.reduce((n, { doc }) => n + (doc.body ? visibleControls(doc.body).length : 0), 0);
}

/** The dialogs a person can see now, in every readable frame. */
function visibleDialogs(top: Document): Set<Element> {
  const out = new Set<Element>();
  for (const { doc } of pageDocuments(top).docs) for (const d of dialogsIn(doc)) if (!isHiddenElement(d)) out.add(d);
  return out;
}
