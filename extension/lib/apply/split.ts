/**
 * A TCP+UDP rule on a router that offers only TCP and UDP becomes two rules, one per
 * protocol, named with a T or U so the router's list tells them apart.
 */
import type { ApplyJob, RuleOutcome } from './types';

export function splitBoth(job: ApplyJob, index: number): void {
  const o = job.rules[index]!;
  const mk = (protocol: 'tcp' | 'udp', tag: string): RuleOutcome => ({
    rule: { ...o.rule, protocol, name: `${o.rule.name.slice(0, 18)} ${tag}` },
    status: 'pending',
  });
  job.rules.splice(index, 1, mk('tcp', 'T'), mk('udp', 'U'));
}

/** Whether a form offering these choices needs the rule split. */
export function needsSplit(protocol: string, choices: Iterable<string>): boolean {
  const set = new Set(choices);
  return protocol === 'both' && !set.has('both') && set.has('tcp') && set.has('udp');
}
