/**
 * verify: what the router's own list says after a save. A rule is "applied" only when a row
 * the router rendered shows it; and every rule the user had before the first write must still
 * be listed exactly as it was, or PortPilot stops and names it.
 */
import type { ExistingRule, ListedRule } from '../routers/generic/table';
import type { BaselineRule, RouterRule } from './types';
import { PROTOCOL_LABELS } from '../presets/rule-text';

/** A listed rule that is the one we saved: same ports and, where the list shows them, device and protocol. */
export function listedRule(rule: RouterRule, listed: ExistingRule[]): ExistingRule | undefined {
  return listed.find(
    (e) =>
      e.externalStart === rule.externalStart &&
      e.externalEnd === rule.externalEnd &&
      (e.ip === undefined || e.ip === rule.ip) &&
      (e.protocol === null || e.protocol === rule.protocol) &&
      (e.internalStart === undefined || e.internalStart === rule.internalStart),
  );
}

/** The user's rules as read now, to keep in the job (no DOM, nothing of ours). */
export function baselineOf(listed: ListedRule[]): BaselineRule[] {
  return listed.map(({ inBoxes: _b, ...r }) => ({ ...r }));
}

const FIELDS = ['name', 'protocol', 'externalStart', 'externalEnd', 'internalStart', 'internalEnd', 'ip', 'enabled'] as const;

function same(a: ExistingRule, b: ExistingRule): boolean {
  return FIELDS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

const ports = (s: number, e: number) => (s === e ? String(s) : `${s}-${e}`);

/** "NAS HTTPS" (TCP 443 → 192.168.1.10): how a person recognises the rule. */
export function describeRule(r: ExistingRule): string {
  const name = r.name ? `"${r.name}" ` : '';
  const proto = r.protocol ? `${PROTOCOL_LABELS[r.protocol]} ` : '';
  return `${name}(${proto}${ports(r.externalStart, r.externalEnd)}${r.ip ? ` → ${r.ip}` : ''})`.replace('( ', '(');
}

const FIELD_WORDS: Record<(typeof FIELDS)[number], string> = {
  name: 'name',
  protocol: 'protocol',
  externalStart: 'external port',
  externalEnd: 'external end port',
  internalStart: 'internal port',
  internalEnd: 'internal end port',
  ip: 'device',
  enabled: 'on/off',
};

export interface RuleChange {
  before: BaselineRule;
  after?: ExistingRule;
  /** In words: "is no longer listed" or "device 192.168.1.10 → 192.168.1.50". */
  what: string;
}

/**
 * Every baseline rule that is not listed now exactly as before. Rules are matched as a
 * multiset (order may change, ours are extra); an unmatched rule is paired with the listed
 * rule of the same name or ports to say what changed.
 */
export function changedRules(baseline: BaselineRule[], now: ExistingRule[]): RuleChange[] {
  const unused = now.slice();
  const missing: BaselineRule[] = [];
  for (const b of baseline) {
    const i = unused.findIndex((n) => same(b, n));
    if (i >= 0) unused.splice(i, 1);
    else missing.push(b);
  }
  return missing.map((before) => {
    const after =
      unused.find((n) => before.name && n.name === before.name) ??
      unused.find((n) => n.externalStart === before.externalStart && n.externalEnd === before.externalEnd);
    if (!after) return { before, what: 'is no longer listed' };
    const diffs = FIELDS.filter((k) => (before[k] ?? null) !== (after[k] ?? null)).map(
      (k) => `${FIELD_WORDS[k]} ${String(before[k] ?? '–')} → ${String(after[k] ?? '–')}`,
    );
    return { before, after, what: `changed: ${diffs.join(', ')}` };
  });
}

/** The stop message for changed rules: names each, says what to check. */
export function integrityMessage(changes: RuleChange[]): string {
  const list = changes.map((c) => `${describeRule(c.before)} ${c.what}`).join('; ');
  return `Stopped: your rule ${list}. PortPilot made no further changes. Check your router's port-forwarding list and put the rule back if it is wrong.`;
}
