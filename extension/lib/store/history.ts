import { db, type HistoryEntry } from './db';

export async function recordApply(entry: Omit<HistoryEntry, 'id'>): Promise<number> {
  return (await db().history.add(entry)) as number;
}

export async function recentApplies(limit = 20): Promise<HistoryEntry[]> {
  return db().history.orderBy('at').reverse().limit(limit).toArray();
}
