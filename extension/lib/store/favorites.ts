import { db } from './db';

export async function favoriteIds(): Promise<Set<string>> {
  return new Set(await db().favorites.toCollection().primaryKeys());
}

/** Returns whether the preset is a favorite afterwards. */
export async function toggleFavorite(presetId: string): Promise<boolean> {
  const table = db().favorites;
  return db().transaction('rw', table, async () => {
    if (await table.get(presetId)) {
      await table.delete(presetId);
      return false;
    }
    await table.put({ presetId, addedAt: Date.now() });
    return true;
  });
}
