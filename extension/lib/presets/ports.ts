import { parsePortSpec, type PortRange, type Protocol } from '../../../data/vocabulary';

export const PROTOCOL_BITS: Record<Protocol, number> = { tcp: 1, udp: 2, both: 3 };

/** The port ranges of a rule, parsed. Specs were validated at build time. */
export function ruleRanges(ports: readonly string[]): PortRange[] {
  return ports.map((spec) => parsePortSpec(spec)).filter((r): r is PortRange => r !== null);
}

export function rangeSize({ start, end }: PortRange): number {
  return end - start + 1;
}

/**
 * A range this wide is the whole protocol (Nintendo's UDP 1-65535): it covers every port, so it
 * never answers a port search, and the popup calls it what it is, a DMZ for that protocol.
 */
export const WHOLE_PROTOCOL_PORTS = 60_000;
