/**
 * Duplicate or overlapping forwarded ports inside one platform, per protocol ("both" counts as tcp and udp),
 * with a fix that spells out the merged rule. Out-of-range ports and reversed ranges are schema issues.
 */
import { formatPortRange, parsePortSpec, type PortRange } from '../../../data/schema.ts';
import { formatJsonPath, type JsonPath, type Problem } from '../problem.ts';
import { isObj, presetProblem, type Check, type Obj, type ParsedPreset } from './context.ts';

interface Span extends PortRange {
  rule: number;
  port: number;
  protocol: string;
  spec: string;
}

const validRange = (r: PortRange | null): r is PortRange => r !== null && r.start >= 1 && r.end <= 65535 && r.start <= r.end;

/** Sorted, with overlapping and adjacent ranges joined. */
export function mergeRanges(ranges: PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** `ranges` minus `cut`. */
function subtract(ranges: PortRange[], cut: PortRange): PortRange[] {
  const out: PortRange[] = [];
  for (const r of ranges) {
    if (r.end < cut.start || r.start > cut.end) out.push(r);
    else {
      if (r.start < cut.start) out.push({ start: r.start, end: cut.start - 1 });
      if (r.end > cut.end) out.push({ start: cut.end + 1, end: r.end });
    }
  }
  return out;
}

function rangesOf(rule: Obj): PortRange[] {
  const ports = Array.isArray(rule.ports) ? rule.ports : [];
  return ports.map((p) => (typeof p === 'string' ? parsePortSpec(p) : null)).filter(validRange);
}

const ruleJson = (protocol: unknown, ranges: PortRange[], purpose: unknown) =>
  JSON.stringify({ protocol, ports: mergeRanges(ranges).map(formatPortRange), ...(typeof purpose === 'string' ? { purpose } : {}) });

function overlapProblem(preset: ParsedPreset, platform: string, rules: Obj[], a: Span, b: Span): Problem {
  const base: JsonPath = ['platforms', platform, 'forward'];
  const where = (s: Span) => formatJsonPath([...base, s.rule, 'ports', s.port]);
  const same = a.spec === b.spec && a.protocol === b.protocol;
  const message = same
    ? `duplicate port "${b.spec}" (${b.protocol}), already at ${where(a)}`
    : `"${b.spec}" (${b.protocol}) overlaps "${a.spec}" (${a.protocol}) at ${where(a)}`;
  const ruleA = rules[a.rule]!;
  const ruleB = rules[b.rule]!;
  let fix: string;
  if (a.protocol === b.protocol) {
    const merged = ruleJson(a.protocol, [...rangesOf(ruleA), ...(a.rule === b.rule ? [] : rangesOf(ruleB))], ruleA.purpose);
    fix = a.rule === b.rule ? `merge the ports of this rule: ${merged}` : `merge the two rules into one: ${merged}`;
  } else {
    // One side is "both": the other rule's overlapping ports are already covered.
    const [narrow, wide] = a.protocol === 'both' ? [b, a] : [a, b];
    const narrowRule = rules[narrow.rule]!;
    const cut = { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
    const rest = subtract(mergeRanges(rangesOf(narrowRule)), cut);
    const covered = `the "both" rule at ${formatJsonPath([...base, wide.rule])} already covers ${narrow.protocol} ${formatPortRange(cut)}`;
    fix =
      rest.length === 0
        ? `${covered}: remove the ${narrow.protocol} rule at ${formatJsonPath([...base, narrow.rule])}`
        : `${covered}: make the ${narrow.protocol} rule ${ruleJson(narrow.protocol, rest, narrowRule.purpose)}`;
  }
  return presetProblem('ports', preset, [...base, b.rule, 'ports', b.port], message, fix);
}

function checkPlatform(preset: ParsedPreset, platform: string, rules: Obj[], problems: Problem[]) {
  const tcp: Span[] = [];
  const udp: Span[] = [];
  for (let ri = 0; ri < rules.length; ri++) {
    const { protocol, ports } = rules[ri]!;
    if ((protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'both') || !Array.isArray(ports)) continue;
    for (let pi = 0; pi < ports.length; pi++) {
      const spec = ports[pi];
      const range = typeof spec === 'string' ? parsePortSpec(spec) : null;
      if (!validRange(range)) continue;
      const span: Span = { start: range.start, end: range.end, rule: ri, port: pi, protocol, spec: spec as string };
      if (protocol !== 'udp') tcp.push(span);
      if (protocol !== 'tcp') udp.push(span);
    }
  }
  const reported = new Set<string>();
  for (const spans of [tcp, udp]) {
    if (spans.length < 2) continue;
    spans.sort((x, y) => x.start - y.start || x.end - y.end || x.rule - y.rule || x.port - y.port);
    let widest: Span | undefined;
    for (const s of spans) {
      if (widest && s.start <= widest.end) {
        // Report at whichever comes later in the file, pointing back at the earlier one.
        const [first, later] = widest.rule < s.rule || (widest.rule === s.rule && widest.port < s.port) ? [widest, s] : [s, widest];
        const key = `${first.rule}.${first.port}/${later.rule}.${later.port}`;
        if (!reported.has(key)) {
          reported.add(key);
          problems.push(overlapProblem(preset, platform, rules, first, later));
        }
      }
      if (!widest || s.end > widest.end) widest = s;
    }
  }
}

export const portsCheck: Check = {
  name: 'ports',
  run({ presets }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      const platforms = isObj(preset.value) ? preset.value.platforms : undefined;
      if (!isObj(platforms)) continue;
      for (const [platform, entry] of Object.entries(platforms)) {
        const rules = isObj(entry) ? entry.forward : undefined;
        if (Array.isArray(rules)) checkPlatform(preset, platform, rules.map((r) => (isObj(r) ? r : {})), problems);
      }
    }
    return problems;
  },
};
