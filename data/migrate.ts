/**
 * Preset format v1 → v2, as a pure function on parsed JSON (no zod: the popup reads stored
 * custom presets through it). v1 held one list of rules per platform; v2 holds an entry per
 * platform whose `forward` list is that same list. Nothing else changed shape, so the
 * migration moves each list and keeps every other field as it was. Input that is not v1 is
 * returned unchanged, and anything malformed is left for the schema to report.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v1 files are recognised by a platform whose value is a list of rules. */
export function isV1Preset(value: unknown): boolean {
  return isObj(value) && isObj(value.platforms) && Object.values(value.platforms).some(Array.isArray);
}

/** The v2 form of a v1 preset (a new object; the input is not modified). */
export function migratePreset<T>(value: T): T {
  if (!isV1Preset(value)) return value;
  const preset = value as Obj;
  const platforms: Obj = {};
  for (const [platform, entry] of Object.entries(preset.platforms as Obj)) {
    platforms[platform] = Array.isArray(entry) ? { forward: entry } : entry;
  }
  return { ...preset, platforms } as T;
}
