/**
 * A conflict in words a person can act on: which device already has the port, why only one can,
 * and what to do. The planner says who holds the port in its message; this turns it into steps.
 */
import type { RuleOutcome } from '../apply/types';
import { PROTOCOL_LABELS } from '../presets/rule-text';
import type { Device } from '../store/db';

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

export interface ConflictHelp {
  /** "TCP+UDP 3074" */
  ports: string;
  /** The address the router already sends these ports to, when the router showed it. */
  holderIp?: string;
  /** One paragraph for the popup. */
  text: string;
  /** Numbered steps for "Copy instructions". */
  steps: string[];
}

const range = (a: number, b: number) => (a === b ? String(a) : `${a}-${b}`);

/** "the PS5 at 192.168.1.50", or just the address when it is no saved device. */
function holderWords(ip: string, devices: readonly Device[]): string {
  const known = devices.find((d) => d.ip === ip);
  return known ? `${known.name} at ${ip}` : ip;
}

export function conflictHelp(outcome: RuleOutcome, devices: readonly Device[]): ConflictHelp {
  const r = outcome.rule;
  const ports = `${PROTOCOL_LABELS[r.protocol]} ${range(r.externalStart, r.externalEnd)}`;
  const holderIp = [...(outcome.message ?? '').matchAll(IPV4)].map((m) => m[0]).find((ip) => ip !== r.ip);
  const target = holderWords(r.ip, devices);
  if (!holderIp) {
    return {
      ports,
      text: `${ports} is already used by a rule on the router, so PortPilot left it alone. Check that rule on the router: change or remove it, then apply again.`,
      steps: [`On the router, find the rule that uses ${ports}.`, `Change or remove it, then apply ${r.name} again to ${target}.`],
    };
  }
  const holder = holderWords(holderIp, devices);
  const only = outcome.exclusive ? 'only one device in your home can have it' : 'one external port can go to one device only';
  return {
    ports,
    holderIp,
    text:
      `${ports} already goes to ${holder}; ${only}. For a second console, turn on UPnP on the router and let that console open its own ports, ` +
      `or move the rule: remove it from ${holder} on the router, then apply again to give it to ${target}.`,
    steps: [
      `${ports} is forwarded to ${holder}. Only one device can receive it.`,
      `Either: turn on UPnP on the router (often under Advanced or NAT settings) so ${target} opens its own ports.`,
      `Or: on the router, remove the rule that sends ${ports} to ${holderIp}, then add ${ports} for ${r.ip} (rule name ${r.name}).`,
      `${holder} then loses this forward: its NAT type may drop to Moderate.`,
    ],
  };
}

/** The text "Copy instructions" puts on the clipboard. */
export function conflictInstructions(presetName: string, helps: readonly ConflictHelp[]): string {
  return [`${presetName}: ports another device already has`, ...helps.flatMap((c) => ['', ...c.steps.map((s, i) => `${i + 1}. ${s}`)])].join('\n') + '\n';
}
