/**
 * How an apply's outcome is told to a person, the same way in the popup, the in-page panel
 * and the history: one word per rule status, a tone (green only for what the router really
 * lists), and a headline with counts ("2 applied · 1 conflict · 1 not confirmed").
 */
import type { ApplyJob, JobState, RuleOutcome, RuleStatus } from './types';

export type Tone = 'ok' | 'warn' | 'bad' | 'busy' | 'idle';

export const STATUS_TEXT: Record<RuleStatus, string> = {
  pending: 'not tried',
  saving: 'saving…',
  applied: 'applied',
  present: 'already present',
  conflict: 'conflict: left alone',
  failed: 'failed',
  unconfirmed: 'saved, not confirmed',
  filled: 'filled: press Save on the router page',
};

export const STATUS_TONE: Record<RuleStatus, Tone> = {
  pending: 'idle',
  saving: 'busy',
  applied: 'ok',
  present: 'ok',
  conflict: 'warn',
  failed: 'bad',
  unconfirmed: 'warn',
  filled: 'busy',
};

/** Order of the counts in a headline: good news first, then what needs a look. */
const ORDER: RuleStatus[] = ['applied', 'present', 'filled', 'conflict', 'unconfirmed', 'failed', 'saving', 'pending'];

const COUNT_TEXT: Record<RuleStatus, string> = { ...STATUS_TEXT, conflict: 'conflict', unconfirmed: 'not confirmed', filled: 'filled', pending: 'not tried', saving: 'saving' };

export function statusCounts(outcomes: RuleOutcome[]): Array<{ status: RuleStatus; count: number; text: string; tone: Tone }> {
  return ORDER.map((status) => ({ status, count: outcomes.filter((o) => o.status === status).length, text: COUNT_TEXT[status], tone: STATUS_TONE[status] })).filter(
    (c) => c.count > 0,
  );
}

/** "2 applied · 1 conflict · 1 not confirmed" */
export function countsLine(outcomes: RuleOutcome[]): string {
  return statusCounts(outcomes)
    .map((c) => `${c.count} ${c.text}`)
    .join(' · ');
}

/** The job's overall tone: bad if anything failed or the job stopped, warn for conflicts and unconfirmed saves. */
export function jobTone(state: JobState, outcomes: RuleOutcome[]): Tone {
  if (state === 'running' || state === 'paused-login') return 'busy';
  const tones = outcomes.map((o) => STATUS_TONE[o.status]);
  if (state === 'stopped' || tones.includes('bad')) return 'bad';
  if (tones.includes('warn') || tones.includes('idle') || tones.includes('busy')) return 'warn';
  return 'ok';
}

/** One line that says how it went, with the counts. */
export function headline(job: Pick<ApplyJob, 'state' | 'rules' | 'review'>): string {
  const counts = countsLine(job.rules);
  const handled = job.rules.filter((r) => r.status !== 'pending' && r.status !== 'saving').length;
  switch (job.state) {
    case 'paused-login':
      return 'Paused: the router asked for a login. Log in on the router page; PortPilot resumes by itself.';
    case 'running':
      if (job.review?.state === 'asked') return 'Waiting for you: check the fields PortPilot outlined on the router page.';
      return `Applying rule ${Math.min(handled + 1, job.rules.length)} of ${job.rules.length}…`;
    case 'stopped':
      return `Stopped: ${counts}`;
    default:
      return `Finished: ${counts}`;
  }
}
