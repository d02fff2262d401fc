/**
 * From a preset to router rules, and from router rules plus what the router already holds
 * to a plan: add, skip (already present) or leave alone (conflict). The plan never touches
 * a user's rule: a conflict stops that one rule and says why.
 */
import type { ForwardRule } from '../../../data/schema';
import { parsePortSpec, type Platform, type Protocol } from '../../../data/vocabulary';
import { PROTOCOL_LABELS } from '../presets/rule-text';
import type { ExistingRule } from '../routers/generic/table';
import type { RouterRule } from './types';

export interface RulesFromPresetOptions {
  /** Longest name the router accepts. Default 20: the shortest limit seen on consumer routers. */
  maxNameLength?: number;
  /** Leave out rules marked hostOnly (only needed to host a game or server). Default false. */
  skipHostOnly?: boolean;
  /**
   * Positions (in the platform's forward list) of the optional rules the user chose. Optional
   * rules ("only for the companion app") are left out unless chosen.
   */
  optional?: ReadonlySet<number>;
  enabled?: boolean;
}

/** Small words a name may end on only when more follows ("Call of" is no name). */
const LINK_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'for', 'to', 'in', 'on', 'at', 'by']);
/** Trailing words that say what kind of thing it is; the first to go when space is short. */
const TRAILING_KIND = /(?:\s+(?:dedicated|multiplayer|media|web))?\s+(?:server|edition|client|app)$/i;

/** ASCII letters and digits only: routers reject or mangle anything else in a name. */
export function asciiWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * A router rule name of at most `max` characters: the label and a suffix (the first port).
 * Words are only ever dropped from the end, never from the middle ("Call of Duty", not
 * "Call Duty"): the whole label, else without a trailing "Dedicated Server"/"Edition", else its
 * longest leading run of words that fits (not ending on "of"), else the first word cut short.
 */
export function ruleName(label: string, suffix: string, max = 20): string {
  const tail = suffix ? ` ${suffix}` : '';
  const room = Math.max(1, max - tail.length);
  const words = asciiWords(label);
  if (words.length === 0) words.push('Rule');
  const full = words.join(' ');
  if (full.length <= room) return `${full}${tail}`;
  const shorter = asciiWords(full.replace(TRAILING_KIND, ''));
  const source = shorter.length > 0 && shorter.join(' ').length < full.length ? shorter : words;
  if (source.join(' ').length <= room) return `${source.join(' ')}${tail}`;
  const kept: string[] = [];
  for (const w of source) {
    if ([...kept, w].join(' ').length > room) break;
    kept.push(w);
  }
  while (kept.length > 1 && LINK_WORDS.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
  const base = kept.length > 0 ? kept.join(' ') : source[0]!.slice(0, room);
  return `${base}${tail}`.slice(0, max).trim();
}

const PROTO_TAG: Record<Protocol, string> = { tcp: 'T', udp: 'U', both: '' };

/** What rulesFromPreset reads: a shipped (expanded) preset, or any preset's own forward rules. */
export interface ForwardSource {
  name: string;
  /** Short name for rule names ("CoD BO6 3074"); the name is shortened otherwise. */
  shortName?: string;
  platforms: Partial<Record<Platform, { forward?: readonly ForwardRule[] }>>;
}

/** A router rule and what the planner must know about its forward rule. */
export interface PlannedRule {
  rule: RouterRule;
  /** Only one device in the home can have this forward (Xbox 3074, Nintendo's UDP range). */
  exclusive: boolean;
}

/** Same protocol (or covered by "both"), same external and internal ports: one router rule. */
const covers = (a: RouterRule, b: RouterRule) =>
  (a.protocol === b.protocol || a.protocol === 'both') &&
  a.externalStart === b.externalStart &&
  a.externalEnd === b.externalEnd &&
  a.internalStart === b.internalStart;

/**
 * One router rule per port spec of the platform's forward rules, internal ports as the rule
 * gives them, without optional rules the user did not choose, and without duplicates (a game's
 * own rule that equals one it includes from its console network is applied once).
 */
export function plannedRulesFromPreset(
  preset: ForwardSource,
  platform: Platform | string,
  deviceIp: string,
  opts: RulesFromPresetOptions = {},
): PlannedRule[] {
  const max = opts.maxNameLength ?? 20;
  const specs = preset.platforms[platform as Platform]?.forward ?? [];
  const planned: PlannedRule[] = [];
  // Rules with the same external and internal ports, by protocol: a duplicate is found in one
  // lookup, so a preset of thousands of rules plans in linear time.
  const samePorts = new Map<string, PlannedRule[]>();
  specs.forEach((spec, index) => {
    if (opts.skipHostOnly && spec.hostOnly) return;
    if (spec.optional && !opts.optional?.has(index)) return;
    spec.ports.forEach((port, i) => {
      const range = parsePortSpec(port);
      if (!range) return;
      // The schema guarantees the same width; a missing internal port means "same as external".
      const internal = (spec.internal?.[i] !== undefined ? parsePortSpec(spec.internal[i]) : null) ?? range;
      const rule: RouterRule = {
        name: '',
        protocol: spec.protocol,
        externalStart: range.start,
        externalEnd: range.end,
        internalStart: internal.start,
        internalEnd: internal.start + (range.end - range.start),
        ip: deviceIp,
        enabled: opts.enabled ?? true,
      };
      const key = `${rule.externalStart}-${rule.externalEnd}>${rule.internalStart}`;
      const siblings = samePorts.get(key) ?? [];
      const same = siblings.find((p) => covers(p.rule, rule) || covers(rule, p.rule));
      if (!same) {
        const entry = { rule, exclusive: spec.exclusive === true };
        planned.push(entry);
        samePorts.set(key, [...siblings, entry]);
      } else {
        // Keep the wider protocol, and exclusive if either says so.
        if (covers(rule, same.rule)) same.rule.protocol = rule.protocol;
        same.exclusive ||= spec.exclusive === true;
      }
    });
  });
  // Names: preset + first port; a protocol letter only where two rules would share a name.
  const label = preset.shortName ?? preset.name;
  const base = planned.map(({ rule }) => ruleName(label, String(rule.externalStart), max));
  const baseCount = new Map<string, number>();
  for (const b of base) baseCount.set(b, (baseCount.get(b) ?? 0) + 1);
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  planned.forEach(({ rule: r }, i) => {
    let name = base[i]!;
    if (baseCount.get(name)! > 1) name = ruleName(label, `${r.externalStart}${PROTO_TAG[r.protocol]}`, max);
    if (used.has(name)) {
      const stem = `${r.externalStart}`;
      let n = nextSuffix.get(stem) ?? 2;
      do name = ruleName(label, `${stem}-${n++}`, max);
      while (used.has(name));
      nextSuffix.set(stem, n);
    }
    used.add(name);
    r.name = name;
  });
  return planned;
}

/** The router rules alone (see plannedRulesFromPreset). */
export function rulesFromPreset(
  preset: ForwardSource,
  platform: Platform | string,
  deviceIp: string,
  opts: RulesFromPresetOptions = {},
): RouterRule[] {
  return plannedRulesFromPreset(preset, platform, deviceIp, opts).map((p) => p.rule);
}

/** Plans every rule against one reading of the router's list (see planRule). */
export function planRules(rules: readonly PlannedRule[], existing: readonly ExistingRule[]): PlanStep[] {
  const index = new ExistingIndex(existing);
  return rules.map(({ rule, exclusive }) => planRule(rule, index, { exclusive }));
}

export type PlanStep = { action: 'add' } | { action: 'present'; message: string } | { action: 'conflict'; message: string };

const overlaps = (a1: number, a2: number, b1: number, b2: number) => a1 <= b2 && b1 <= a2;

function protocolsOf(p: Protocol | null): Set<'tcp' | 'udp'> {
  if (p === 'tcp') return new Set(['tcp']);
  if (p === 'udp') return new Set(['udp']);
  return new Set(['tcp', 'udp']); // both, or unknown: assume it may cover both
}

const range = (s: number, e: number) => (s === e ? String(s) : `${s}-${e}`);
const label = (e: ExistingRule) => (e.name ? `"${e.name}"` : `for ${range(e.externalStart, e.externalEnd)}`);

/**
 * The router's rules sorted by first external port, with the furthest end seen so far: the
 * rules a new one overlaps are found by a binary search and a short walk back, so planning n
 * rules against m listed ones takes O((n + m) log m) instead of O(n·m).
 */
export class ExistingIndex {
  /** Positions in the router's list, sorted by first external port. */
  private readonly order: number[];
  private readonly maxEnd: number[];

  constructor(private readonly existing: readonly ExistingRule[]) {
    this.order = existing.map((_, i) => i).sort((a, b) => existing[a]!.externalStart - existing[b]!.externalStart);
    let max = -Infinity;
    this.maxEnd = this.order.map((i) => (max = Math.max(max, existing[i]!.externalEnd)));
  }

  /** Listed rules whose external ports overlap start..end, in the router's own order. */
  overlapping(start: number, end: number): ExistingRule[] {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.existing[this.order[mid]!]!.externalStart <= end) lo = mid + 1;
      else hi = mid;
    }
    const hits: number[] = [];
    for (let k = lo - 1; k >= 0 && this.maxEnd[k]! >= start; k--) {
      if (this.existing[this.order[k]!]!.externalEnd >= start) hits.push(this.order[k]!);
    }
    return hits.sort((a, b) => a - b).map((i) => this.existing[i]!);
  }
}

/**
 * Plans one rule against the rules the router already shows. `exclusive` marks a forward that
 * only one device in the home can have: a clash with another device then says so in plain words.
 */
export function planRule(rule: RouterRule, existing: readonly ExistingRule[] | ExistingIndex, opts: { exclusive?: boolean } = {}): PlanStep {
  const want = protocolsOf(rule.protocol);
  const near =
    existing instanceof ExistingIndex
      ? existing.overlapping(rule.externalStart, rule.externalEnd)
      : existing.filter((e) => overlaps(rule.externalStart, rule.externalEnd, e.externalStart, e.externalEnd));
  const clashes = near.filter((e) => [...protocolsOf(e.protocol)].some((p) => want.has(p)));
  if (!clashes.length) return { action: 'add' };
  // Present: every protocol of the rule is covered, to the same device, with the same ports.
  const covering = clashes.filter((e) => {
    if (!e.ip || e.ip !== rule.ip) return false;
    if (e.externalStart > rule.externalStart || e.externalEnd < rule.externalEnd) return false;
    const offset = (e.internalStart ?? e.externalStart) - e.externalStart;
    if (offset !== rule.internalStart - rule.externalStart) return false;
    return e.enabled !== false;
  });
  const covered = new Set<string>();
  covering.forEach((e) => protocolsOf(e.protocol).forEach((p) => covered.add(p)));
  if ([...want].every((p) => covered.has(p))) {
    const unsure = covering.some((e) => e.protocol === null) ? '; the router does not show its protocol' : '';
    return { action: 'present', message: `already on the router (${covering.map(label).join(', ')}${unsure})` };
  }
  const other = clashes.find((e) => e.ip && e.ip !== rule.ip);
  if (other && opts.exclusive) {
    const ports = `${range(rule.externalStart, rule.externalEnd)} ${PROTOCOL_LABELS[rule.protocol]}`;
    return {
      action: 'conflict',
      message: `only one device in your home can have port ${ports}, and ${other.ip} already has it (rule ${label(other)}). Left it alone: to give it to ${rule.ip} instead, remove that rule first.`,
    };
  }
  if (other) {
    return {
      action: 'conflict',
      message: `port ${range(other.externalStart, other.externalEnd)} ${other.protocol ? PROTOCOL_LABELS[other.protocol] : ''} already goes to ${other.ip} (rule ${label(other)}); left it alone`.replace(/\s+/g, ' '),
    };
  }
  const first = clashes[0]!;
  if (first.enabled === false) {
    return { action: 'conflict', message: `a disabled rule ${label(first)} already uses these ports; enable or edit it yourself` };
  }
  if (!first.ip) {
    return { action: 'conflict', message: `rule ${label(first)} already uses these ports and its device could not be read; left it alone` };
  }
  return {
    action: 'conflict',
    message: `rule ${label(first)} already uses part of these ports for this device with other settings; left it alone`,
  };
}
