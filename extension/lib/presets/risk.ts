import type { PortRule } from '../../../data/schema';
import { rangeSize, ruleRanges } from './ports';

/**
 * Services attackers scan for all day; exposing them needs a reason and strong authentication.
 * Ports listed in DATABASE_PORTS are flagged only when a rule names them exactly: game ranges
 * such as 27015-27030 happen to cover 27017 without anything of MongoDB behind them.
 */
export const RISKY_PORTS: Record<number, string> = {
  21: 'FTP (sends passwords in clear text)',
  22: 'SSH remote shell',
  23: 'Telnet (unencrypted remote shell)',
  25: 'SMTP mail relay',
  135: 'Windows RPC',
  137: 'NetBIOS',
  138: 'NetBIOS',
  139: 'NetBIOS file sharing',
  445: 'Windows file sharing (SMB)',
  1433: 'SQL Server database',
  3306: 'MySQL database',
  3389: 'Windows Remote Desktop',
  5432: 'PostgreSQL database',
  5900: 'VNC remote desktop',
  6379: 'Redis database',
  27017: 'MongoDB database',
};

const DATABASE_PORTS = new Set([1433, 3306, 5432, 6379, 27017]);

/** Ranges wider than this open more than a game needs; routers and attackers both notice. */
export const WIDE_RANGE = 100;

export interface RiskNote {
  level: 'warning' | 'caution';
  text: string;
}

export function riskNotes(rules: readonly PortRule[]): RiskNote[] {
  const notes: RiskNote[] = [];
  const seen = new Set<number>();
  for (const rule of rules) {
    for (const range of ruleRanges(rule.ports)) {
      for (const [port, service] of Object.entries(RISKY_PORTS)) {
        const p = Number(port);
        const covered = DATABASE_PORTS.has(p) ? p === range.start && p === range.end : p >= range.start && p <= range.end;
        if (covered && !seen.has(p)) {
          seen.add(p);
          notes.push({
            level: 'warning',
            text: `Port ${p} is ${service}. Anyone on the internet can try to log in: prefer a VPN, or use strong authentication and a non-default external port.`,
          });
        }
      }
      if (rangeSize(range) > WIDE_RANGE) {
        notes.push({
          level: 'caution',
          text: `${range.start}-${range.end} opens ${rangeSize(range)} ports. Forward the whole range only if the game needs it.`,
        });
      }
    }
  }
  return notes;
}
