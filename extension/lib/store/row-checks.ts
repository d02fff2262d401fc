/**
 * Plain checks of stored rows (no zod: the popup opens the database too). A row that fails is
 * one an older or broken version left behind; the upgrade sets it aside instead of failing.
 */
import { checkLanIp } from './lan-ip';

type Check = (row: Record<string, unknown>) => string | null;

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export const ROW_CHECKS: Record<string, Check> = {
  devices: (row) => {
    if (!isString(row.ip)) return 'device without an address';
    const ip = checkLanIp(row.ip);
    if (!ip.ok) return ip.error;
    return isString(row.name) && row.name.trim() ? null : 'device without a name';
  },
  favorites: (row) => (isString(row.presetId) ? null : 'favorite without a preset id'),
  recents: (row) => (isString(row.presetId) && isTime(row.usedAt) ? null : 'recent without a preset id or time'),
  customPresets: (row) =>
    isString(row.id) && typeof row.preset === 'object' && row.preset !== null && (row.preset as { id?: unknown }).id === row.id
      ? null
      : 'custom preset whose id and content do not match',
  history: (row) => (isTime(row.at) && isString(row.presetId) && Array.isArray(row.outcomes) ? null : 'history entry missing its time, preset or outcomes'),
  settings: (row) => (isString(row.key) ? null : 'setting without a name'),
};

/** A device row of version 1 ("label") or 2 ("name"), with a name made from whatever is there. */
export function deviceName(row: { label?: unknown; name?: unknown; ip?: unknown }): string {
  const raw = typeof row.label === 'string' ? row.label : typeof row.name === 'string' ? row.name : '';
  return raw.trim() || String(row.ip ?? '');
}
