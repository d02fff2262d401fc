/**
 * The engine's side of teaching: before the first write on a page PortPilot is not sure of
 * (the reader's confidence is below high, or the router has no adapter of its own, or no form
 * could be read at all), the person checks the preview and confirms or teaches it. A mapping
 * kept from an earlier confirmation is used without asking. The question and its answer live
 * in the job, which the extension keeps; the page only ever sees the closed panel.
 */
import { HIGH_CONFIDENCE, type PageModel } from '../apply/page-model';
import type { RunContext } from '../apply/run-context';
import { routerName } from '../routers/router-home';
import { partLabel, problemsOf, type Assignment } from './assignment';
import { describeElement } from './locator';
import { REQUIRED_ROLES, ROLE_LABEL, type RouterMapping } from './mapping';
import type { TeachDecision, TeachProposal } from './panel';
import { proposalFor } from './proposal';
import { mappingFromAssignment, matchStored } from './use-mapping';

export interface TeachHooks {
  /** The mappings kept for this router's pages (the extension's database). */
  mappings: RouterMapping[];
  /** Shows the preview and resolves with the person's decision; onChange hears each change they make. */
  ask(proposal: TeachProposal, onChange: (now: Assignment) => void): Promise<TeachDecision>;
  /** Keeps a confirmed or taught mapping; throws with a reason in words when it cannot. */
  remember(mapping: RouterMapping): Promise<void>;
  /** A kept mapping was used (for "least recently used" when the list is full). */
  used(mapping: RouterMapping): void;
}

export type Gate = 'go' | 'again' | 'ended';

/** What the popup shows while the preview waits for the person. */
function summary(p: Assignment): NonNullable<RunContext['job']['review']> {
  const found = p.fields.filter((f) => f.part).map((f) => `${partLabel(f.part!)}: ${describeElement(f.el)}`);
  const roles = new Set(p.fields.filter((f) => f.part).map((f) => f.part!.role));
  return {
    state: 'asked',
    found,
    missing: REQUIRED_ROLES.filter((r) => !roles.has(r)).map((r) => ROLE_LABEL[r]),
    ready: problemsOf(p).length === 0,
  };
}

/** PortPilot may write without asking: a router with its own adapter, read with high confidence. */
export function isSure(model: PageModel, adapterId: string): boolean {
  return adapterId !== 'generic' && model.flow !== 'none' && model.confidence >= HIGH_CONFIDENCE;
}

/**
 * Hooks teaching into one engine run: every read of the page uses a kept mapping that fits it,
 * and review() is called before the first write.
 */
export function withTeaching(ctx: RunContext, hooks: TeachHooks): { review(model: PageModel): Promise<Gate> } {
  let matched: RouterMapping | null = null;
  const read = ctx.read;
  ctx.read = () => {
    const model = read();
    const hit = matchStored(ctx.doc, model, hooks.mappings);
    matched = hit?.mapping ?? null;
    return hit?.model ?? model;
  };
  const router = ctx.adapter.id === 'generic' ? undefined : routerName(ctx.adapter);

  async function review(model: PageModel): Promise<Gate> {
    const { job } = ctx;
    if (job.review?.state === 'confirmed') return 'go';
    if (matched) {
      job.review = { state: 'confirmed', by: 'remembered' };
      hooks.used(matched);
      await ctx.save();
      return 'go';
    }
    if (isSure(model, ctx.adapter.id)) return 'go';
    const proposal = proposalFor(ctx.doc, model, router);
    if (!proposal) return 'go';
    job.review = summary(proposal);
    await ctx.save();
    // The popup follows what the person does on the page (what is found, what is missing).
    const decision = await hooks.ask(proposal, (now) => {
      if (job.review?.state !== 'asked') return;
      job.review = summary(now);
      void ctx.save().catch(() => undefined);
    });
    if (ctx.gone()) return 'ended'; // the page left while asking: the next page asks again
    if (decision.kind === 'cancel') {
      await ctx.finish('stopped', 'Stopped by you before PortPilot wrote anything.');
      return 'ended';
    }
    const form = model.form ?? model.slots[0] ?? null;
    const mapping = mappingFromAssignment(ctx.doc, decision.assignment, decision.changed, { origin: job.origin, router, form });
    try {
      await hooks.remember(mapping);
    } catch (e) {
      await ctx.finish('stopped', `Stopped: PortPilot could not keep what you showed it (${(e as Error).message}). Nothing was written.`);
      return 'ended';
    }
    hooks.mappings.unshift(mapping);
    job.review = { state: 'confirmed', by: 'person' };
    await ctx.save();
    return 'again';
  }
  return { review };
}
