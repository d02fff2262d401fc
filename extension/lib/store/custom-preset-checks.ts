/**
 * What a preset of the user's must pass beyond the schema, so that it cannot pose as a shipped
 * one or freeze the popup: bounded sizes (checked before the schema, so a pasted monster gets a
 * few lines, not thousands), then the dataset's own rules (data/port-overlaps.ts,
 * data/forward-policy.ts) and a name that is not a shipped preset's. Words for people, each at
 * its JSON path.
 */
import { findPolicyIssues, WIDE_FORWARD, type PolicyFinding } from '../../../data/forward-policy';
import { findPortOverlaps, type PortOverlap, type PortSpan } from '../../../data/port-overlaps';
import { listRanges, mergeRanges } from '../../../data/port-ranges';
import { formatPortRange, PROTOCOL_LABELS } from '../../../data/vocabulary';
import { presetNameKey } from '../presets/name-key';
import type { ShippedCatalog } from '../presets/shipped-catalog';
import type { JsonPath, PathProblem } from './issue-words';
import { LIMITS } from './limits';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const n = (x: number) => x.toLocaleString('en');

/** Sizes that the schema does not bound, checked on the raw input. */
export function sizeProblems(input: unknown): PathProblem[] {
  if (!isObj(input)) return [];
  const problems: PathProblem[] = [];
  const tooLong = (path: JsonPath, value: unknown, max: number) => {
    if (typeof value === 'string' && value.length > max) problems.push({ path, message: `is too long: at most ${n(max)} characters (this has ${n(value.length)})` });
  };
  const tooMany = (path: JsonPath, list: unknown, max: number, what: string, fix: string) => {
    if (Array.isArray(list) && list.length > max) problems.push({ path, message: `${n(list.length)} ${what}; at most ${max}: ${fix}` });
  };
  const sources = (path: JsonPath, list: unknown) => {
    tooMany(path, list, LIMITS.presetSources, 'sources', 'keep the ones that show the ports');
    listOf(list).slice(0, LIMITS.presetSources).forEach((s, i) => isObj(s) && tooLong([...path, i, 'url'], s.url, LIMITS.sourceUrl));
  };

  tooLong(['id'], input.id, LIMITS.presetId);
  tooLong(['$schema'], input.$schema, LIMITS.sourceUrl);
  tooMany(['aliases'], input.aliases, LIMITS.presetAliases, 'search words', 'keep the ones people really type');
  sources(['sources'], input.sources);

  let rules = 0;
  for (const [platform, entry] of Object.entries(isObj(input.platforms) ? input.platforms : {})) {
    if (!isObj(entry)) continue;
    tooMany(['platforms', platform, 'uses'], entry.uses, LIMITS.presetUses, 'presets used', 'keep the ones this platform needs');
    for (const kind of ['forward', 'outbound'] as const) {
      const list = listOf(entry[kind]);
      rules += list.length;
      list.slice(0, LIMITS.presetRules).forEach((rule, i) => {
        if (!isObj(rule)) return;
        const path = ['platforms', platform, kind, i];
        for (const key of ['ports', 'internal'] as const) {
          tooMany([...path, key], rule[key], LIMITS.rulePorts, 'ports or ranges in one rule', 'join neighbouring ports into a range such as "27015-27030", or split the rule');
        }
        if (kind === 'forward') sources([...path, 'sources'], rule.sources);
      });
    }
  }
  if (rules > LIMITS.presetRules) {
    problems.push({ path: ['platforms'], message: `${n(rules)} rules in all; one preset may hold at most ${LIMITS.presetRules}: split it into two presets` });
  }
  return problems;
}

const label = (s: PortSpan) => `${s.spec} (${PROTOCOL_LABELS[s.protocol]})`;

function overlapProblem(platform: string, { first: a, later: b, duplicate }: PortOverlap): PathProblem {
  const base = ['platforms', platform, 'forward'];
  const where = `${a.rule === b.rule ? 'earlier in this rule' : `in rule ${a.rule + 1}`} (${[...base, a.rule, 'ports', a.port].join('.')})`;
  const path = [...base, b.rule, 'ports', b.port];
  if (duplicate) return { path, message: `${label(b)} is already forwarded ${where}; list each port once` };
  const fix =
    a.protocol === b.protocol
      ? `list each port once, e.g. as ${mergeRanges([a, b]).map(formatPortRange).join(', ')}`
      : `${PROTOCOL_LABELS.both} already covers ${PROTOCOL_LABELS.tcp} and ${PROTOCOL_LABELS.udp}: remove the shared ports from one of the two rules`;
  return { path, message: `${label(b)} overlaps ${label(a)} ${where}; ${fix}` };
}

function policyProblem(f: PolicyFinding): PathProblem {
  const path = ['platforms', f.platform, 'forward', f.rule, 'ports', f.port];
  switch (f.kind) {
    case 'refused': {
      const list = listRanges(f.hit);
      const what = f.hit.map((r) => r.what).join('; ');
      return { path, message: `${f.spec} includes ${list} (${what}), which PortPilot never forwards: ${f.inside ? 'remove it' : `split the range around ${list}`}` };
    }
    case 'wide':
      return {
        path,
        message: `${f.spec} forwards ${n(f.size)} ports: only one device in the home can have that many. Mark the rule "one device only" (in JSON, "exclusive": true) and say in the notes why it needs them all`,
      };
    case 'wide-without-notes':
      return { path: ['notes'], message: `a rule forwards ${n(f.size)} ports (${f.spec}), more than ${n(WIDE_FORWARD)}: say here why it needs them all` };
  }
}

/**
 * The dataset's rules. They read whatever parts of the preset are well formed, so they can run
 * alongside the schema and a form shows every problem at once.
 */
export function ruleProblems(preset: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  const platforms = isObj(preset) && isObj(preset.platforms) ? preset.platforms : {};
  for (const [platform, entry] of Object.entries(platforms)) {
    for (const overlap of findPortOverlaps(isObj(entry) ? listOf(entry.forward) : [])) problems.push(overlapProblem(platform, overlap));
  }
  problems.push(...findPolicyIssues(preset).map(policyProblem));
  return problems;
}

/** The shipped preset whose name this preset's name equals, spelling aside. */
export function shippedNamesake(name: string, shipped: ShippedCatalog): { id: string; name: string } | undefined {
  return shipped.byName.get(presetNameKey(name));
}
