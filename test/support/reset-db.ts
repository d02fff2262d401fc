import { db } from '../../extension/lib/store/db';

/** A fresh, empty user database for each test. */
export async function resetDb(): Promise<void> {
  await db().delete();
  await db().open();
}
