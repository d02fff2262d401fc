/** Validation of presets the user writes or imports: zod, so only the options page loads it. */
import type { z } from 'zod';
import { migratePreset } from '../../../data/migrate';
import { presetSchema, type Preset } from '../../../data/schema';
import type { ShippedCatalog } from '../presets/shipped-catalog';
import { ruleProblems, shippedNamesake, sizeProblems } from './custom-preset-checks';
import { db, type CustomPreset } from './db';
import { UserDataError } from './errors';
import { jsonKind, WHERE_BACKUPS_GO } from './file-kind';
import { formatProblem, plainIssues, type PathProblem } from './issue-words';
import { LIMITS } from './limits';

/** Every issue of a failed parse of `input`, in plain words at its path (under `prefix`). */
export function describeIssues(error: z.ZodError, input: unknown, prefix = ''): string[] {
  return plainIssues(error, input).map((p) => formatProblem(p, prefix));
}

export interface CustomPresetCheck {
  /** Set when there are no problems: the preset as it will be stored. */
  preset?: Preset;
  problems: PathProblem[];
  /** What was changed on the way in, and why. */
  notes: string[];
}

export interface CustomPresetOptions {
  /**
   * A name equal to a shipped preset's: refused (the editor: the user picks another), or
   * renamed with a note (an import: the preset may be older than the shipped one).
   */
  shippedName?: 'refuse' | 'rename';
  /** Whether a shipped id is refused (the editor) or left to the caller (an import renames it). */
  shippedId?: 'refuse' | 'allow';
}

/** Added to an imported preset's name when a shipped preset has that name. */
const RENAMED = ' (custom)';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const VERIFICATION_NOTE = 'PortPilot marks your own presets "unverified": only the presets it ships are checked against their sources';

/**
 * Checks a custom preset with the same schema and rules as data/, plus what only the user's copy
 * needs: sizes the popup can handle, no shipped preset's id or name, and no claim to be verified.
 * A preset in the v1 format (written or exported before v2) is converted first. Never throws.
 */
export function checkCustomPreset(input: unknown, shipped: ShippedCatalog, options: CustomPresetOptions = {}): CustomPresetCheck {
  const kind = jsonKind(input);
  if (kind === 'backup') return { problems: [{ path: [], message: `This is a PortPilot backup, not a preset: ${WHERE_BACKUPS_GO}.` }], notes: [] };
  if (kind === 'preset-list') return { problems: [{ path: [], message: `This is a list of ${(input as unknown[]).length} presets; a preset is one object { … }: add them one at a time.` }], notes: [] };
  const sizes = sizeProblems(input);
  if (sizes.length) return { problems: sizes, notes: [] };
  const raw = migratePreset(input);
  const parsed = presetSchema.safeParse(raw);
  const problems = [...(parsed.success ? [] : plainIssues(parsed.error, raw)), ...ruleProblems(raw)];
  const notes: string[] = [];
  const posing: PathProblem[] = [];
  const id = isObj(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  const name = isObj(raw) && typeof raw.name === 'string' ? raw.name : undefined;
  if ((options.shippedId ?? 'refuse') === 'refuse' && id !== undefined && shipped.ids.has(id)) {
    posing.push({ path: ['id'], message: `"${id}" is a preset PortPilot ships; give yours another id, e.g. "${id}-custom"` });
  }
  const namesake = name === undefined ? undefined : shippedNamesake(name, shipped);
  if (namesake && options.shippedName !== 'rename') {
    posing.push({ path: ['name'], message: `"${name}" is the name of a preset PortPilot ships ("${namesake.name}"); give yours a name of its own, e.g. "${name} (my setup)"` });
  }
  problems.unshift(...posing);
  if (!parsed.success || problems.length) return { problems, notes: [] };
  let preset = parsed.data;
  if (namesake) {
    const renamed = `${preset.name.slice(0, 80 - RENAMED.length)}${RENAMED}`;
    notes.push(`name: "${preset.name}" is also the name of a preset PortPilot ships, so yours is called "${renamed}"`);
    preset = { ...preset, name: renamed };
  }
  if (preset.verification !== 'unverified') {
    notes.push(`verification: ${VERIFICATION_NOTE} (this one said "${preset.verification}")`);
    preset = { ...preset, verification: 'unverified' };
  }
  return { preset, problems, notes };
}

/** checkCustomPreset that throws UserDataError with every problem, each under `prefix`. */
export function parseCustomPreset(input: unknown, shipped: ShippedCatalog, prefix = '', options: CustomPresetOptions = {}): { preset: Preset; notes: string[] } {
  const { preset, problems, notes } = checkCustomPreset(input, shipped, options);
  if (!preset) throw new UserDataError(problems.map((p) => formatProblem(p, prefix)), prefix ? [] : problems);
  return { preset, notes: notes.map((note) => (prefix ? `${prefix}.${note}` : note)) };
}

/** The JSON editor's text as a value, refusing text too long to be a preset. */
export function parsePresetText(text: string): unknown {
  if (text.length > LIMITS.presetJsonChars) {
    throw new UserDataError([`The text is ${Math.round(text.length / 1024)} kB; a preset is at most ${LIMITS.presetJsonChars / 1024} kB.`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserDataError([`Not valid JSON: ${(err as Error).message}`]);
  }
}

/** Saves a new preset, or replaces `editingId` (which may be renamed). Returns what was stored and any notes. */
export async function saveCustomPreset(
  input: unknown,
  shipped: ShippedCatalog,
  editingId?: string,
): Promise<{ preset: Preset; notes: string[] }> {
  const { preset, notes } = parseCustomPreset(input, shipped);
  const table = db().customPresets;
  await db().transaction('rw', table, async () => {
    const problems: PathProblem[] = [];
    if (preset.id !== editingId && (await table.get(preset.id))) {
      problems.push({ path: ['id'], message: `you already have a custom preset "${preset.id}"; edit that one or pick another id` });
    }
    // "uses" may name a shipped preset or another of the user's own, never nothing or itself.
    const own = new Set((await table.toCollection().primaryKeys()) as string[]);
    for (const [platform, entry] of Object.entries(preset.platforms)) {
      (entry?.uses ?? []).forEach((id, i) => {
        const path = ['platforms', platform, 'uses', i];
        if (id === preset.id) problems.push({ path, message: 'a preset cannot use itself' });
        else if (!shipped.ids.has(id) && !(own.has(id) && id !== editingId)) {
          problems.push({ path, message: `"${id}" is neither a preset PortPilot ships nor one of yours` });
        }
      });
    }
    if (problems.length) throw new UserDataError(problems.map((p) => formatProblem(p)), problems);
    if (editingId && editingId !== preset.id) await table.delete(editingId);
    const row: CustomPreset = { id: preset.id, preset, updatedAt: Date.now() };
    await table.put(row);
  });
  return { preset, notes };
}
