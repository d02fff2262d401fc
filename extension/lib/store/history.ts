import { clip, LIMITS } from './limits';
import { db, type HistoryEntry } from './db';

/**
 * Records one apply, cut to the sizes a backup accepts (long router messages, very long
 * origins), and keeps only the newest entries, so the history always exports and imports.
 */
export async function recordApply(entry: Omit<HistoryEntry, 'id'>): Promise<number> {
  const row: Omit<HistoryEntry, 'id'> = {
    ...entry,
    routerOrigin: clip(entry.routerOrigin, LIMITS.origin),
    presetName: clip(entry.presetName, LIMITS.presetName),
    outcomes: entry.outcomes.slice(0, LIMITS.outcomes).map((o) => (o.message === undefined ? o : { ...o, message: clip(o.message, LIMITS.message) })),
    ...(entry.message === undefined ? {} : { message: clip(entry.message, LIMITS.message) }),
  };
  const table = db().history;
  return db().transaction('rw', table, async () => {
    const id = (await table.add(row)) as number;
    if ((await table.count()) > LIMITS.history) {
      await table.bulkDelete(await table.orderBy('at').reverse().offset(LIMITS.history).primaryKeys());
    }
    return id;
  });
}

export async function recentApplies(limit = 20): Promise<HistoryEntry[]> {
  return db().history.orderBy('at').reverse().limit(limit).toArray();
}
