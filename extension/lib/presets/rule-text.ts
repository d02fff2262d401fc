/**
 * Rules in the words people read: one protocol label everywhere the popup, the CLI and the
 * copied instructions show a rule ("TCP+UDP", never the data's "both").
 */
import type { Protocol } from '../../../data/vocabulary';

export const PROTOCOL_LABELS: Record<Protocol, string> = { tcp: 'TCP', udp: 'UDP', both: 'TCP+UDP' };

/** "3074", "3478-3480" or "88, 500". */
export function portsText(ports: readonly string[]): string {
  return ports.join(', ');
}

/** "UDP 3074 · Xbox network game traffic": how a search result says which rule matched. */
export function ruleSummary(rule: { protocol: Protocol; ports: readonly string[]; purpose: string }): string {
  return `${PROTOCOL_LABELS[rule.protocol]} ${portsText(rule.ports)} · ${rule.purpose}`;
}
