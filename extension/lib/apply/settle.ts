/**
 * On a new page load, the rules the previous page left 'saving' (its Save reloaded or left
 * the page) get their outcome from what this page shows: listed by the router → applied;
 * the router's error → failed; no list to read → saved, not confirmed; not listed → one more
 * try for a save that may have been cut short, then failed.
 */
import type { PageModel } from './page-model';
import type { ApplyJob } from './types';
import { listedRule } from './verify';

export interface SettleResult {
  /** A rule the router ignored without a word after PortPilot checked by reloading: stop the job. */
  ignored: string | null;
}

/**
 * After the job's closing reload: every rule the previous page listed right after its save must
 * be in the router's list now. When this page shows no list, what was seen stands.
 */
export function settleSeenInPage(job: ApplyJob, model: PageModel): void {
  for (const o of job.rules) {
    if (!o.seenInPage) continue;
    delete o.seenInPage;
    if (!model.listReadable || listedRule(o.rule, model.rules)) continue;
    o.status = 'failed';
    o.message = 'the page listed it right after saving, but the router\'s list no longer shows it after reloading the page';
  }
}

export function settleSaving(job: ApplyJob, model: PageModel, opts: { resumedFromLogin: boolean; errorNow: string | null }): SettleResult {
  let ignored: string | null = null;
  for (const o of job.rules) {
    if (o.status !== 'saving') continue;
    const check = o.check;
    delete o.check;
    if (listedRule(o.rule, model.rules)) {
      o.status = 'applied';
      o.message = undefined;
    } else if (opts.resumedFromLogin) {
      o.status = 'pending'; // the session had expired: the save never reached the router
      o.message = undefined;
    } else if (opts.errorNow) {
      o.status = 'failed';
      o.message = opts.errorNow;
    } else if (!model.listReadable) {
      o.status = 'unconfirmed';
      o.message = 'saved, but this page shows no list of rules to check it against';
    } else if (check === 'reload') {
      o.status = 'failed';
      o.message = 'the router did not list the rule after saving it (checked after reloading the page)';
      ignored ??= o.rule.name;
    } else if ((o.attempts ?? 1) < 2) {
      o.status = 'pending'; // the save may have been cut short (the tab left the page): once more
      o.message = undefined;
      o.attempts = o.attempts ?? 1;
    } else {
      o.status = 'failed';
      o.message = 'the router did not list the rule after saving it twice';
    }
  }
  return { ignored };
}
