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
  if (!parsed.success) return { problems: plainIssues(parsed.error, raw), notes: [] };
  let preset = parsed.data;
  const problems = ruleProblems(preset);
  const notes: string[] = [];
  const posing: PathProblem[] = [];
  if ((options.shippedId ?? 'refuse') === 'refuse' && shipped.ids.has(preset.id)) {
    posing.push({ path: ['id'], message: `"${preset.id}" is a preset PortPilot ships; give yours another id, e.g. "${preset.id}-custom"` });
  }
  const namesake = shippedNamesake(preset.name, shipped);
  if (namesake && options.shippedName === 'rename') {
    const name = `${preset.name.slice(0, 80 - RENAMED.length)}${RENAMED}`;
    notes.push(`name: "${preset.name}" is also the name of a preset PortPilot ships, so yours is called "${name}"`);
    preset = { ...preset, name };
  } else if (namesake) {
    posing.push({ path: ['name'], message: `"${preset.name}" is the name of a preset PortPilot ships ("${namesake.name}"); give yours a name of its own, e.g. "${preset.name} (my setup)"` });
  }
  problems.unshift(...posing);
  if (preset.verification !== 'unverified') {
    notes.push(`verification: ${VERIFICATION_NOTE} (this one said "${preset.verification}")`);
    preset = { ...preset, verification: 'unverified' };
  }
  return problems.length ? { problems, notes: [] } : { preset, problems, notes };
}

/** checkCustomPreset that throws UserDataError with every problem, each under `prefix`. */
export function parseCustomPreset(input: unknown, shipped: ShippedCatalog, prefix = '', options: CustomPresetOptions = {}): { preset: Preset; notes: string[] } {
  const { preset, problems, notes } = checkCustomPreset(input, shipped, options);
  if (!preset) throw new UserDataError(problems.map((p) => formatProblem(p, prefix)));
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
    if (preset.id !== editingId && (await table.get(preset.id))) {
      throw new UserDataError([`id: you already have a custom preset "${preset.id}"; edit that one or pick another id`]);
    }
    // "uses" may name a shipped preset or another of the user's own, never nothing or itself.
    const own = new Set((await table.toCollection().primaryKeys()) as string[]);
    const unknown = Object.entries(preset.platforms).flatMap(([platform, entry]) =>
      (entry?.uses ?? []).flatMap((id, i) =>
        id === preset.id
          ? [`platforms.${platform}.uses.${i}: a preset cannot use itself`]
          : shipped.ids.has(id) || (own.has(id) && id !== editingId)
            ? []
            : [`platforms.${platform}.uses.${i}: "${id}" is neither a preset PortPilot ships nor one of yours`],
      ),
    );
    if (unknown.length > 0) throw new UserDataError(unknown);
    if (editingId && editingId !== preset.id) await table.delete(editingId);
    const row: CustomPreset = { id: preset.id, preset, updatedAt: Date.now() };
    await table.put(row);
  });
  return { preset, notes };
}
