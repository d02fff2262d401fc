import type { Preset } from '../../../data/schema';
import { migratePreset } from '../../../data/migrate';
import { db } from './db';

/**
 * The user's presets, in the current format: ones saved before v2 are converted as they are read,
 * and ones saved before presets of the user's were always "unverified" are shown as such.
 */
export async function listCustomPresets(): Promise<Preset[]> {
  return (await db().customPresets.orderBy('id').toArray()).map((c) => ({ ...migratePreset(c.preset), verification: 'unverified' }));
}

export async function deleteCustomPreset(id: string): Promise<void> {
  await db().customPresets.delete(id);
}
