/**
 * What a router content script may change when it saves its tab's job (job:save). The job was
 * built by the extension from what the user chose; the page only reports progress. So the
 * update is merged, never stored as sent: the device, the router, the preset and every rule's
 * ports and device stay as the extension made them, rule outcomes take only their status and
 * bookkeeping, the job's state moves only forward, and sizes are bounded.
 */
import { clip, LIMITS } from '../store/limits';
import { reviewFrom } from '../teach/job-review';
import type { ApplyJob, JobState, RouterRule, RuleOutcome } from './types';

const STATES: readonly JobState[] = ['running', 'paused-login', 'done', 'stopped'];
const NEXT: Record<JobState, readonly JobState[]> = {
  running: ['running', 'paused-login', 'done', 'stopped'],
  'paused-login': ['paused-login', 'running', 'done', 'stopped'],
  done: ['done'],
  stopped: ['stopped'],
};
/** Engine bookkeeping kept across page loads: small, and never read as a rule or an address. */
const JOB_BOOKKEEPING = ['cursor', 'baseline', 'waiting'] as const;
const MAX_BOOKKEEPING_CHARS = 200_000;
const MAX_OUTCOME_EXTRA_CHARS = 2_000;

export type JobUpdate = { ok: true; job: ApplyJob } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const samePorts = (a: RouterRule, b: RouterRule) =>
  a.externalStart === b.externalStart && a.externalEnd === b.externalEnd && a.internalStart === b.internalStart && a.internalEnd === b.internalEnd;

/** The rules the update may hold: the stored ones, or a "both" rule split into its TCP and UDP halves. */
function matchRules(stored: RuleOutcome[], incoming: unknown[]): RouterRule[] | string {
  const out: RouterRule[] = [];
  let j = 0;
  for (const s of stored) {
    const a = incoming[j];
    const ruleA = isObject(a) && isObject(a.rule) ? (a.rule as unknown as RouterRule) : null;
    if (!ruleA) return `rule ${j + 1} is missing`;
    const sameDevice = ruleA.ip === s.rule.ip && samePorts(ruleA, s.rule);
    if (sameDevice && ruleA.protocol === s.rule.protocol) {
      out.push(s.rule);
      j += 1;
      continue;
    }
    const b = incoming[j + 1];
    const ruleB = isObject(b) && isObject(b.rule) ? (b.rule as unknown as RouterRule) : null;
    const split =
      s.rule.protocol === 'both' && ruleB && sameDevice && ruleA.protocol === 'tcp' && ruleB.protocol === 'udp' && ruleB.ip === s.rule.ip && samePorts(ruleB, s.rule);
    if (!split) return `rule ${j + 1} is not one PortPilot planned`;
    const name = (r: RouterRule) => clip(typeof r.name === 'string' ? r.name : s.rule.name, 100);
    out.push({ ...s.rule, protocol: 'tcp', name: name(ruleA) }, { ...s.rule, protocol: 'udp', name: name(ruleB!) });
    j += 2;
  }
  return j === incoming.length ? out : 'the update has more rules than the job';
}

function outcomeFrom(rule: RouterRule, sent: Record<string, unknown>, statuses: ReadonlySet<string>): RuleOutcome | string {
  if (typeof sent.status !== 'string' || !statuses.has(sent.status)) return `unknown status "${String(sent.status)}"`;
  const { rule: _rule, status, message, attempts, ...extra } = sent;
  if (JSON.stringify(extra).length > MAX_OUTCOME_EXTRA_CHARS) return 'a rule outcome is too large';
  const outcome: RuleOutcome = { ...(extra as object), rule, status: status as RuleOutcome['status'] };
  if (typeof message === 'string') outcome.message = clip(message, LIMITS.message);
  if (Number.isInteger(attempts) && (attempts as number) >= 0 && (attempts as number) <= 10) outcome.attempts = attempts as number;
  return outcome;
}

export function mergeJobUpdate(stored: ApplyJob, sent: unknown, opts: { statuses: ReadonlySet<string>; adapterIds: ReadonlySet<string> }): JobUpdate {
  if (!isObject(sent)) return { ok: false, error: 'not a job' };
  if (sent.id !== stored.id) return { ok: false, error: 'not the current job of this tab' };
  const state = sent.state as JobState;
  if (!STATES.includes(state) || !NEXT[stored.state].includes(state)) return { ok: false, error: `a job cannot go from ${stored.state} to ${String(sent.state)}` };
  if (!Array.isArray(sent.rules)) return { ok: false, error: 'the rules are missing' };
  const rules = matchRules(stored.rules, sent.rules);
  if (typeof rules === 'string') return { ok: false, error: rules };
  const outcomes: RuleOutcome[] = [];
  for (let i = 0; i < rules.length; i++) {
    const o = outcomeFrom(rules[i]!, sent.rules[i] as Record<string, unknown>, opts.statuses);
    if (typeof o === 'string') return { ok: false, error: o };
    outcomes.push(o);
  }
  const job: ApplyJob = { ...stored, state, rules: outcomes };
  if (typeof sent.message === 'string') job.message = clip(sent.message, LIMITS.message);
  else delete job.message;
  if (typeof sent.finishedAt === 'number' && Number.isFinite(sent.finishedAt)) job.finishedAt = sent.finishedAt;
  if (typeof sent.adapterId === 'string' && opts.adapterIds.has(sent.adapterId)) job.adapterId = sent.adapterId;
  // The preview before the first write (lib/teach): its state, checked and cut to size.
  const review = reviewFrom(sent.review);
  if (review === null) return { ok: false, error: 'the preview state is not one PortPilot writes' };
  if (review) job.review = review;
  else delete job.review;
  const bag = job as unknown as Record<string, unknown>;
  for (const key of JOB_BOOKKEEPING) {
    if (sent[key] === undefined) delete bag[key];
    else bag[key] = sent[key];
  }
  if (JSON.stringify(JOB_BOOKKEEPING.map((k) => bag[k])).length > MAX_BOOKKEEPING_CHARS) return { ok: false, error: 'the job update is too large' };
  return { ok: true, job };
}
