/**
 * The router pages the user taught or confirmed (see teach/mapping.ts), stored per router
 * origin + page path + form fingerprint. Rows are checked when read: a row this version cannot
 * use is passed over, never allowed to break an apply.
 */
import { clipMapping, fingerprintOf, MAPPING_LIMITS, mappingKey, mappingProblem, type RouterMapping } from '../teach/mapping';
import { db } from './db';

/** Stores (or replaces) a mapping and keeps at most MAPPING_LIMITS.mappings, dropping the least recently used. */
export async function saveMapping(mapping: RouterMapping): Promise<RouterMapping> {
  let row: RouterMapping;
  let problem: string | null;
  try {
    // The fingerprint must be the one of these fields: it is what the page is matched against.
    row = clipMapping(mapping);
    problem = fingerprintOf(mapping) === mapping.fingerprint ? mappingProblem(row) : 'its fingerprint does not match its fields';
  } catch {
    row = mapping;
    problem = 'it is not a page mapping';
  }
  if (problem) throw new Error(`This page mapping cannot be kept: ${problem}.`);
  const table = db().mappings;
  await db().transaction('rw', table, async () => {
    await table.put(row);
    const all = await table.toArray();
    if (all.length <= MAPPING_LIMITS.mappings) return;
    const lastUse = (m: RouterMapping) => Math.max(m.usedAt ?? 0, m.savedAt);
    const old = all.sort((a, b) => lastUse(b) - lastUse(a)).slice(MAPPING_LIMITS.mappings);
    await table.bulkDelete(old.map(mappingKey));
  });
  return row;
}

/** The usable mappings for one page, most recently saved first. */
export async function mappingsFor(origin: string, path: string): Promise<RouterMapping[]> {
  const rows = await db().mappings.where('[origin+path]').equals([origin, path]).toArray();
  return rows.filter((m) => mappingProblem(m) === null).sort((a, b) => b.savedAt - a.savedAt);
}

export async function markMappingUsed(mapping: Pick<RouterMapping, 'origin' | 'path' | 'fingerprint'>, at = Date.now()): Promise<void> {
  await db().mappings.update(mappingKey(mapping), { usedAt: at });
}

export async function listMappings(): Promise<RouterMapping[]> {
  return (await db().mappings.toArray()).sort((a, b) => a.origin.localeCompare(b.origin) || a.path.localeCompare(b.path) || b.savedAt - a.savedAt);
}

export async function deleteMapping(mapping: Pick<RouterMapping, 'origin' | 'path' | 'fingerprint'>): Promise<void> {
  await db().mappings.delete(mappingKey(mapping));
}
