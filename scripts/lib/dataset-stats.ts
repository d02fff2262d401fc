/** Counts over the preset files for `npm run stats`; pure, so the figures can be tested. */
import type { DatasetFile } from './checks/context.ts';

/** The verification levels, strongest first: the order the counts print in (VERIFICATION keeps the schema's order). */
export const LEVELS = ['platform', 'publisher', 'community', 'unverified'] as const;

export interface DatasetStats {
  presets: number;
  /** category → level → presets */
  byCategory: Map<string, Map<string, number>>;
  byLevel: Map<string, number>;
  firstParty: number;
  withOutbound: number;
  outboundRules: number;
  withUses: number;
  nothingToForward: number;
  skipped: number;
}

interface PlatformShape {
  outbound?: unknown[];
  uses?: unknown[];
}

export function datasetStats(files: DatasetFile[]): DatasetStats {
  const s: DatasetStats = {
    presets: 0,
    byCategory: new Map(),
    byLevel: new Map(LEVELS.map((l) => [l, 0])),
    firstParty: 0,
    withOutbound: 0,
    outboundRules: 0,
    withUses: 0,
    nothingToForward: 0,
    skipped: 0,
  };
  for (const f of files) {
    let p: { category?: unknown; verification?: unknown; platforms?: Record<string, PlatformShape>; guidance?: { nothingToForward?: unknown } };
    try {
      p = JSON.parse(f.text);
    } catch {
      s.skipped++;
      continue;
    }
    const level = typeof p.verification === 'string' ? p.verification : 'none';
    const category = typeof p.category === 'string' ? p.category : 'none';
    s.presets++;
    s.byLevel.set(level, (s.byLevel.get(level) ?? 0) + 1);
    const row = s.byCategory.get(category) ?? new Map<string, number>();
    row.set(level, (row.get(level) ?? 0) + 1);
    s.byCategory.set(category, row);
    if (level === 'platform' || level === 'publisher') s.firstParty++;
    const platforms = Object.values(p.platforms ?? {});
    const outbound = platforms.reduce((n, pl) => n + (Array.isArray(pl.outbound) ? pl.outbound.length : 0), 0);
    if (outbound > 0) s.withOutbound++;
    s.outboundRules += outbound;
    if (platforms.some((pl) => Array.isArray(pl.uses) && pl.uses.length > 0)) s.withUses++;
    if (p.guidance?.nothingToForward) s.nothingToForward++;
  }
  return s;
}

const pct = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`);

export function formatStats(s: DatasetStats): string {
  const levels = [...LEVELS, ...[...s.byLevel.keys()].filter((l) => !(LEVELS as readonly string[]).includes(l))];
  const head = ['category', ...levels, 'total', 'first-party'];
  const rows = [...s.byCategory.entries()]
    .map(([category, row]) => {
      const total = [...row.values()].reduce((a, b) => a + b, 0);
      const fp = (row.get('platform') ?? 0) + (row.get('publisher') ?? 0);
      return { category, total, cells: [category, ...levels.map((l) => String(row.get(l) ?? 0)), String(total), pct(fp, total)] };
    })
    .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category))
    .map((r) => r.cells);
  const all = ['all', ...levels.map((l) => String(s.byLevel.get(l) ?? 0)), String(s.presets), pct(s.firstParty, s.presets)];
  const table = [head, ...rows, all];
  const widths = head.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    ...table.map(line),
    '',
    `first-party source (platform or publisher): ${s.firstParty} of ${s.presets} (${pct(s.firstParty, s.presets)}; issue 8's goal is 70%)`,
    `presets with client-only ports kept in "outbound": ${s.withOutbound} (${s.outboundRules} outbound rules)`,
    `presets that reference another preset with "uses": ${s.withUses}`,
    `presets with nothing to forward: ${s.nothingToForward}`,
    ...(s.skipped > 0 ? [`skipped (not JSON): ${s.skipped}`] : []),
  ].join('\n');
}
