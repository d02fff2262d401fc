import { db } from './db';

export const MAX_RECENTS = 20;

/** Most recent first. */
export async function recentIds(): Promise<string[]> {
  return (await db().recents.orderBy('usedAt').reverse().limit(MAX_RECENTS).toArray()).map((r) => r.presetId);
}

export async function recordRecent(presetId: string, now = Date.now()): Promise<void> {
  const table = db().recents;
  await db().transaction('rw', table, async () => {
    await table.put({ presetId, usedAt: now });
    const stale = await table.orderBy('usedAt').reverse().offset(MAX_RECENTS).primaryKeys();
    await table.bulkDelete(stale);
  });
}
