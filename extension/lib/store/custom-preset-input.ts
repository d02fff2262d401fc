/** Validation of presets the user writes or imports: zod, so only the options page loads it. */
import type { z } from 'zod';
import { presetSchema, type Preset } from '../../../data/schema';
import { migratePreset } from '../../../data/migrate';
import { db, type CustomPreset } from './db';
import { UserDataError } from './errors';

export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const where = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/**
 * Checks a custom preset with the same schema as data/, plus what only the user's copy needs:
 * it may not take a shipped preset's id (it would silently hide the shipped one).
 * A preset in the v1 format (written or exported before v2) is converted first.
 */
export function parseCustomPreset(input: unknown, shippedIds: ReadonlySet<string>, prefix = ''): Preset {
  const parsed = presetSchema.safeParse(migratePreset(input));
  if (!parsed.success) throw new UserDataError(describeIssues(parsed.error, prefix));
  if (shippedIds.has(parsed.data.id)) {
    throw new UserDataError([
      `${prefix ? `${prefix}.` : ''}id: "${parsed.data.id}" is a preset PortPilot ships; give yours another id, e.g. "${parsed.data.id}-custom"`,
    ]);
  }
  return parsed.data;
}

/** Saves a new preset, or replaces `editingId` (which may be renamed). */
export async function saveCustomPreset(
  input: unknown,
  shippedIds: ReadonlySet<string>,
  editingId?: string,
): Promise<Preset> {
  const preset = parseCustomPreset(input, shippedIds);
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
          : shippedIds.has(id) || (own.has(id) && id !== editingId)
            ? []
            : [`platforms.${platform}.uses.${i}: "${id}" is neither a preset PortPilot ships nor one of yours`],
      ),
    );
    if (unknown.length > 0) throw new UserDataError(unknown);
    if (editingId && editingId !== preset.id) await table.delete(editingId);
    const row: CustomPreset = { id: preset.id, preset, updatedAt: Date.now() };
    await table.put(row);
  });
  return preset;
}
