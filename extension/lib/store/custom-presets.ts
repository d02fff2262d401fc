import type { Preset } from '../../../data/schema';
import { db } from './db';

export async function listCustomPresets(): Promise<Preset[]> {
  return (await db().customPresets.orderBy('id').toArray()).map((c) => c.preset);
}

export async function deleteCustomPreset(id: string): Promise<void> {
  await db().customPresets.delete(id);
}
