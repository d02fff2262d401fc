/**
 * Waiting with a deadline: every step of an apply waits for something definite (the router's
 * answer, a form, a reload) and gives up at its deadline, so a job never stays "running".
 */
export type Sleep = (ms: number) => Promise<void>;

export const defaultSleep: Sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls cond every 50 ms until it holds (true) or the time is up (false). */
export async function waitFor(cond: () => boolean, timeoutMs: number, sleep: Sleep = defaultSleep): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (cond()) return true;
    if (Date.now() >= end) return false;
    await sleep(50);
  }
}

/** The job message when a step ran out of time. */
export function waitedFor(what: string, ms: number): string {
  const time = ms >= 1000 ? `${Math.round(ms / 1000)} s ` : '';
  return `Stopped: waited ${time}for ${what}, and it did not come. Nothing else was changed.`;
}

/** Whether a running job's announced wait (a navigation it caused) is over without the page arriving. A login waits for the user: no deadline. */
export function overdue(job: { state: string; waiting?: { until: number } }, now = Date.now()): boolean {
  return job.state === 'running' && !!job.waiting && now > job.waiting.until;
}
