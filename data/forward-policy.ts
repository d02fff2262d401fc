/**
 * What may be forwarded at all, for shipped presets and the user's own alike:
 * - never DNS (53), NetBIOS (137-139), SMB (445), SSDP (1900) or mDNS (5353): local-network
 *   services that attackers use for amplification or break-ins;
 * - a range over 1,000 ports takes the port space from every other device, so it must be marked
 *   `exclusive` and the notes must explain it. Such a range (Nintendo's "all UDP ports to the
 *   console") is a deliberate whole-device forward, so it may span the refused ports.
 * Findings are data; the validator and the extension each put them in words.
 */
import { parsePortSpec, type PortRange } from './vocabulary';

export interface RefusedPorts extends PortRange {
  /** What runs there and why it stays closed, in a few words. */
  what: string;
}

export const REFUSED_PORTS: readonly RefusedPorts[] = [
  { start: 53, end: 53, what: 'DNS; open resolvers are abused for attacks' },
  { start: 137, end: 139, what: 'NetBIOS, Windows file sharing' },
  { start: 445, end: 445, what: 'SMB, Windows file sharing' },
  { start: 1900, end: 1900, what: 'SSDP, UPnP discovery; abused for attacks' },
  { start: 5353, end: 5353, what: 'mDNS, local name discovery' },
];

/** Ranges wider than this take the ports from every other device. */
export const WIDE_FORWARD = 1000;

interface At {
  platform: string;
  rule: number;
  port: number;
  spec: string;
  /** How many ports the spec covers. */
  size: number;
}

export type PolicyFinding =
  /** The spec touches never-forwarded ports; `inside` when it lies wholly within one of them. */
  | (At & { kind: 'refused'; hit: RefusedPorts[]; inside: boolean })
  /** Over WIDE_FORWARD ports without `exclusive`. */
  | (At & { kind: 'wide' })
  /** Over WIDE_FORWARD ports, exclusive, but the preset has no notes saying why. */
  | (At & { kind: 'wide-without-notes' });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Findings for one preset (parsed JSON, checked or not: malformed parts are skipped). */
export function findPolicyIssues(preset: unknown): PolicyFinding[] {
  if (!isObj(preset) || !isObj(preset.platforms)) return [];
  const hasNotes = typeof preset.notes === 'string' && preset.notes.trim().length > 0;
  const found: PolicyFinding[] = [];
  for (const [platform, entry] of Object.entries(preset.platforms)) {
    if (!isObj(entry) || !Array.isArray(entry.forward)) continue;
    entry.forward.forEach((rule, ri) => {
      if (!isObj(rule) || !Array.isArray(rule.ports)) return;
      rule.ports.forEach((spec, pi) => {
        const range = typeof spec === 'string' ? parsePortSpec(spec) : null;
        if (!range || range.start > range.end) return;
        const at: At = { platform, rule: ri, port: pi, spec: spec as string, size: range.end - range.start + 1 };
        const wholeDevice = at.size > WIDE_FORWARD && rule.exclusive === true;
        const hit = wholeDevice ? [] : REFUSED_PORTS.filter((r) => range.start <= r.end && r.start <= range.end);
        if (hit.length > 0) {
          const inside = hit.length === 1 && range.start >= hit[0]!.start && range.end <= hit[0]!.end;
          found.push({ ...at, kind: 'refused', hit, inside });
        }
        if (at.size <= WIDE_FORWARD) return;
        if (rule.exclusive !== true) found.push({ ...at, kind: 'wide' });
        else if (!hasNotes) found.push({ ...at, kind: 'wide-without-notes' });
      });
    });
  }
  return found;
}
