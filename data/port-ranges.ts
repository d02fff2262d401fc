/**
 * Port-range arithmetic shared by the dataset validator and the extension's check of the
 * user's own presets (plain TypeScript, no zod and no Node: the options page imports it).
 */
import { parsePortSpec, type PortRange } from './vocabulary';

/** A range that is inside 1-65535 and runs low to high (the schema reports the others). */
export const isValidRange = (r: PortRange | null): r is PortRange => r !== null && r.start >= 1 && r.end <= 65535 && r.start <= r.end;

/** The valid ranges of a rule's `ports` list, whatever else the list holds. */
export function rangesOf(ports: unknown): PortRange[] {
  if (!Array.isArray(ports)) return [];
  return ports.map((p) => (typeof p === 'string' ? parsePortSpec(p) : null)).filter(isValidRange);
}

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
export function subtractRange(ranges: PortRange[], cut: PortRange): PortRange[] {
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

/** "53", "137-139 and 445", "53, 445 and 1900". */
export function listRanges(ranges: readonly PortRange[]): string {
  const names = ranges.map((r) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
