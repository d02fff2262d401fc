import { db, type UnreadableRow } from './db';

/** Rows an older version left that this one could not read (set aside by the upgrade, never dropped). */
export async function listUnreadable(): Promise<UnreadableRow[]> {
  return db().unreadable.toArray();
}
