/**
 * Duplicate or overlapping forwarded ports inside one platform, per protocol ("both" counts as tcp and udp),
 * with a fix that spells out the merged rule. Finding them is data/port-overlaps.ts (shared with the
 * extension); this words them for contributors. Out-of-range ports and reversed ranges are schema issues.
 */
import { findPortOverlaps, type PortOverlap } from '../../../data/port-overlaps.ts';
import { mergeRanges, rangesOf, subtractRange } from '../../../data/port-ranges.ts';
import { formatPortRange, type PortRange } from '../../../data/schema.ts';
import { formatJsonPath, type JsonPath, type Problem } from '../problem.ts';
import { isObj, presetProblem, type Check, type Obj, type ParsedPreset } from './context.ts';

export { mergeRanges } from '../../../data/port-ranges.ts';

const ruleJson = (protocol: unknown, ranges: PortRange[], purpose: unknown) =>
  JSON.stringify({ protocol, ports: mergeRanges(ranges).map(formatPortRange), ...(typeof purpose === 'string' ? { purpose } : {}) });

function overlapProblem(preset: ParsedPreset, platform: string, rules: Obj[], { first: a, later: b, duplicate }: PortOverlap): Problem {
  const base: JsonPath = ['platforms', platform, 'forward'];
  const where = formatJsonPath([...base, a.rule, 'ports', a.port]);
  const message = duplicate
    ? `duplicate port "${b.spec}" (${b.protocol}), already at ${where}`
    : `"${b.spec}" (${b.protocol}) overlaps "${a.spec}" (${a.protocol}) at ${where}`;
  const ruleA = rules[a.rule]!;
  const ruleB = rules[b.rule]!;
  let fix: string;
  if (a.protocol === b.protocol) {
    const merged = ruleJson(a.protocol, [...rangesOf(ruleA.ports), ...(a.rule === b.rule ? [] : rangesOf(ruleB.ports))], ruleA.purpose);
    fix = a.rule === b.rule ? `merge the ports of this rule: ${merged}` : `merge the two rules into one: ${merged}`;
  } else {
    // One side is "both": the other rule's overlapping ports are already covered.
    const [narrow, wide] = a.protocol === 'both' ? [b, a] : [a, b];
    const narrowRule = rules[narrow.rule]!;
    const cut = { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
    const rest = subtractRange(mergeRanges(rangesOf(narrowRule.ports)), cut);
    const covered = `the "both" rule at ${formatJsonPath([...base, wide.rule])} already covers ${narrow.protocol} ${formatPortRange(cut)}`;
    fix =
      rest.length === 0
        ? `${covered}: remove the ${narrow.protocol} rule at ${formatJsonPath([...base, narrow.rule])}`
        : `${covered}: make the ${narrow.protocol} rule ${ruleJson(narrow.protocol, rest, narrowRule.purpose)}`;
  }
  return presetProblem('ports', preset, [...base, b.rule, 'ports', b.port], message, fix);
}

export const portsCheck: Check = {
  name: 'ports',
  run({ presets }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      const platforms = isObj(preset.value) ? preset.value.platforms : undefined;
      if (!isObj(platforms)) continue;
      for (const [platform, entry] of Object.entries(platforms)) {
        const list = isObj(entry) ? entry.forward : undefined;
        if (!Array.isArray(list)) continue;
        const rules = list.map((r) => (isObj(r) ? r : {}));
        for (const overlap of findPortOverlaps(rules)) problems.push(overlapProblem(preset, platform, rules, overlap));
      }
    }
    return problems;
  },
};
