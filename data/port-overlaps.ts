/**
 * Finds forwarded ports that appear twice in one platform's list: the same port, or ranges that
 * overlap, for the same protocol ("both" counts as tcp and as udp). Sorting makes it O(n log n),
 * so a preset pasted with thousands of ports is checked at once. Used by the dataset validator
 * and by the extension for the user's own presets; each words the finding its own way.
 */
import { isValidRange } from './port-ranges';
import { parsePortSpec, type PortRange, type Protocol } from './vocabulary';

/** One port or range of one rule: `rule` and `port` are its indexes in the forward list and in `ports`. */
export interface PortSpan extends PortRange {
  rule: number;
  port: number;
  protocol: Protocol;
  spec: string;
}

export interface PortOverlap {
  /** Earlier in the list (by rule, then by port). */
  first: PortSpan;
  later: PortSpan;
  /** Same spec and same protocol: a plain duplicate rather than a partial overlap. */
  duplicate: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const before = (a: PortSpan, b: PortSpan) => a.rule < b.rule || (a.rule === b.rule && a.port < b.port);

/** Every overlapping pair found in one platform's forward rules, each pair once; malformed entries are skipped. */
export function findPortOverlaps(rules: readonly unknown[]): PortOverlap[] {
  const tcp: PortSpan[] = [];
  const udp: PortSpan[] = [];
  rules.forEach((rule, ri) => {
    if (!isObj(rule)) return;
    const { protocol, ports } = rule;
    if ((protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'both') || !Array.isArray(ports)) return;
    ports.forEach((spec, pi) => {
      const range = typeof spec === 'string' ? parsePortSpec(spec) : null;
      if (!isValidRange(range)) return;
      const span: PortSpan = { start: range.start, end: range.end, rule: ri, port: pi, protocol, spec: spec as string };
      if (protocol !== 'udp') tcp.push(span);
      if (protocol !== 'tcp') udp.push(span);
    });
  });
  const found: PortOverlap[] = [];
  const reported = new Set<string>();
  for (const spans of [tcp, udp]) {
    if (spans.length < 2) continue;
    spans.sort((x, y) => x.start - y.start || x.end - y.end || x.rule - y.rule || x.port - y.port);
    let widest: PortSpan | undefined;
    for (const s of spans) {
      if (widest && s.start <= widest.end) {
        const [first, later] = before(widest, s) ? [widest, s] : [s, widest];
        // A "both" pair shows up in the tcp and the udp list: report it once.
        const key = `${first.rule}.${first.port}/${later.rule}.${later.port}`;
        if (!reported.has(key)) {
          reported.add(key);
          found.push({ first, later, duplicate: first.spec === later.spec && first.protocol === later.protocol });
        }
      }
      if (!widest || s.end > widest.end) widest = s;
    }
  }
  return found;
}
