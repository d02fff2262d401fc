/**
 * What a preset's forwards expose, in a few plain notes. Protocol-aware: a UDP range says
 * nothing about SSH, which is TCP. A forward wider than WIDE_FORWARD ports is one note, "like a
 * DMZ", instead of one box per well-known port inside it, and the popup asks the user to
 * confirm it before Apply.
 */
import type { PortRule } from '../../../data/schema';
import { WIDE_FORWARD } from '../../../data/forward-policy';
import type { PortRange, Protocol } from '../../../data/vocabulary';
import { PROTOCOL_BITS, rangeSize, ruleRanges, WHOLE_PROTOCOL_PORTS } from './ports';
import { PROTOCOL_LABELS } from './rule-text';

interface RiskyService {
  what: string;
  protocol: Protocol;
  /** Flagged only when a rule names the port alone: game ranges such as 27015-27030 cover 27017 without any MongoDB behind them. */
  exactOnly?: boolean;
}

/** Services attackers scan for all day; exposing them needs a reason and strong authentication. */
export const RISKY_PORTS: Record<number, RiskyService> = {
  21: { what: 'FTP (sends passwords in clear text)', protocol: 'tcp' },
  22: { what: 'SSH remote shell', protocol: 'tcp' },
  23: { what: 'Telnet (unencrypted remote shell)', protocol: 'tcp' },
  25: { what: 'SMTP mail relay', protocol: 'tcp' },
  135: { what: 'Windows RPC', protocol: 'both' },
  137: { what: 'NetBIOS name service', protocol: 'udp' },
  138: { what: 'NetBIOS datagrams', protocol: 'udp' },
  139: { what: 'NetBIOS file sharing', protocol: 'tcp' },
  445: { what: 'Windows file sharing (SMB)', protocol: 'tcp' },
  1433: { what: 'SQL Server database', protocol: 'tcp', exactOnly: true },
  3306: { what: 'MySQL database', protocol: 'tcp', exactOnly: true },
  3389: { what: 'Windows Remote Desktop', protocol: 'both' },
  5432: { what: 'PostgreSQL database', protocol: 'tcp', exactOnly: true },
  5900: { what: 'VNC remote desktop', protocol: 'tcp' },
  6379: { what: 'Redis database', protocol: 'tcp', exactOnly: true },
  27017: { what: 'MongoDB database', protocol: 'tcp', exactOnly: true },
};

/** Ranges wider than this open more than a game usually needs: worth one calm sentence. */
export const WIDE_RANGE = 100;

export interface RiskNote {
  level: 'warning' | 'caution';
  /** 'whole-device' notes need the user's confirmation before Apply. */
  kind: 'service' | 'range' | 'whole-device';
  text: string;
}

/** Forwards of more than WIDE_FORWARD ports, merged per protocol: what the confirmation names. */
export interface WideForward {
  protocol: Protocol;
  ranges: PortRange[];
  ports: number;
  /** Every port of the protocol (1-65535 or nearly). */
  whole: boolean;
}

const overlaps = (a: Protocol, b: Protocol) => (PROTOCOL_BITS[a] & PROTOCOL_BITS[b]) !== 0;
const count = (n: number) => n.toLocaleString('en-US');
const span = (r: PortRange) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`);

export function wideForwards(rules: readonly PortRule[]): WideForward[] {
  const byProtocol = new Map<Protocol, WideForward>();
  for (const rule of rules) {
    for (const range of ruleRanges(rule.ports)) {
      const size = rangeSize(range);
      if (size <= WIDE_FORWARD) continue;
      const wide = byProtocol.get(rule.protocol) ?? { protocol: rule.protocol, ranges: [], ports: 0, whole: false };
      if (!wide.ranges.some((r) => r.start === range.start && r.end === range.end)) {
        wide.ranges.push(range);
        wide.ports += size;
      }
      wide.whole ||= size >= WHOLE_PROTOCOL_PORTS;
      byProtocol.set(rule.protocol, wide);
    }
  }
  return [...byProtocol.values()];
}

/** "every UDP port" or "16,384 TCP ports (49152-65534)": what the forward gives the device. */
export function wideForwardWords(w: WideForward): string {
  const proto = PROTOCOL_LABELS[w.protocol];
  return w.whole ? `every ${proto} port` : `${count(w.ports)} ${proto} ports (${w.ranges.map(span).join(', ')})`;
}

function wholeDeviceNote(w: WideForward): RiskNote {
  const proto = PROTOCOL_LABELS[w.protocol];
  const like = w.whole ? `like a DMZ for ${proto}` : `close to a DMZ for those ports`;
  return {
    level: 'warning',
    kind: 'whole-device',
    text:
      `This forwards ${wideForwardWords(w)} to this device, ${like}: anything sent from the internet on them reaches it, ` +
      `and no other device in your home can get forwards on those ports (a second console, a voice server, a VPN). ` +
      `Keep the device updated, and remove the rule when you no longer need it.`,
  };
}

export function riskNotes(rules: readonly PortRule[]): RiskNote[] {
  const notes: RiskNote[] = [];
  const seen = new Set<number>();
  for (const rule of rules) {
    for (const range of ruleRanges(rule.ports)) {
      const size = rangeSize(range);
      if (size > WIDE_FORWARD) continue; // the whole-device note below speaks for it
      const services = Object.entries(RISKY_PORTS).filter(([port, s]) => {
        const p = Number(port);
        const covered = s.exactOnly ? size === 1 && p === range.start : p >= range.start && p <= range.end;
        return covered && overlaps(s.protocol, rule.protocol);
      });
      if (size > WIDE_RANGE) {
        const inside = services.map(([p, s]) => `${s.what} (${p})`);
        notes.push({
          level: 'caution',
          kind: 'range',
          text: `${span(range)} opens ${count(size)} ${PROTOCOL_LABELS[rule.protocol]} ports${inside.length ? `, among them ${inside.join(', ')}` : ''}. Forward the whole range only if you need it.`,
        });
        continue;
      }
      for (const [port, s] of services) {
        const p = Number(port);
        if (seen.has(p)) continue;
        seen.add(p);
        notes.push({
          level: 'warning',
          kind: 'service',
          text: `Port ${p} is ${s.what}. Anyone on the internet can try to log in: prefer a VPN, or use strong authentication and a non-default external port.`,
        });
      }
    }
  }
  return [...notes, ...wideForwards(rules).map(wholeDeviceNote)];
}
