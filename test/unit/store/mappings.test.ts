// Router pages taught or confirmed: kept per origin + path + fingerprint, checked when read,
// bounded in number, and never able to hold a mapping the extension could not use.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../extension/lib/store/db';
import { deleteMapping, listMappings, mappingsFor, markMappingUsed, saveMapping } from '../../../extension/lib/store/mappings';
import { fingerprintOf, MAPPING_LIMITS, mappingProblem } from '../../../extension/lib/teach/mapping';
import { mapping } from '../../support/mapping-factory';
import { resetDb } from '../../support/reset-db';

beforeEach(resetDb);

describe('stored mappings', () => {
  it('are found by router origin and page path, newest first, and only there', async () => {
    const older = mapping({ savedAt: 1 });
    const newer = mapping({ savedAt: 2, fields: [...older.fields.slice(0, 3)] });
    expect(newer.fingerprint).not.toBe(older.fingerprint);
    await saveMapping(older);
    await saveMapping(newer);
    await saveMapping(mapping({ origin: 'http://10.0.0.1' }));
    expect((await mappingsFor('http://192.168.1.1', '/forward-basic.asp')).map((m) => m.savedAt)).toEqual([2, 1]);
    expect(await mappingsFor('http://192.168.1.1', '/other.asp')).toEqual([]);
    expect(await listMappings()).toHaveLength(3);
  });

  it('replace the same page and form, and record their last use', async () => {
    await saveMapping(mapping({ savedAt: 1 }));
    await saveMapping(mapping({ savedAt: 5, how: 'confirmed' }));
    const [only] = await listMappings();
    expect(only).toMatchObject({ savedAt: 5, how: 'confirmed' });
    await markMappingUsed(only!, 9);
    expect((await mappingsFor(only!.origin, only!.path))[0]!.usedAt).toBe(9);
    await deleteMapping(only!);
    expect(await listMappings()).toEqual([]);
  });

  it('refuse a mapping without the parts a rule needs, or whose fingerprint does not match', async () => {
    const noIp = mapping({ fields: mapping().fields.filter((f) => f.role !== 'ip') });
    await expect(saveMapping(noIp)).rejects.toThrow(/no device ip/);
    await expect(saveMapping({ ...mapping(), fingerprint: 'deadbeef' })).rejects.toThrow(/fingerprint/);
    await expect(saveMapping(mapping({ origin: 'javascript:alert(1)' }))).rejects.toThrow(/origin/);
    expect(await listMappings()).toEqual([]);
  });

  it('cut long texts when saved, so what is stored is what a backup carries', async () => {
    const long = 'x'.repeat(400);
    const m = mapping({ router: long, submit: { locator: { frame: [], tag: 'button', label: long }, text: long } });
    const saved = await saveMapping(m);
    expect(saved.router).toHaveLength(MAPPING_LIMITS.text);
    expect(saved.submit.text).toHaveLength(MAPPING_LIMITS.text);
    // The fingerprint is of the texts as kept: the page is matched against those.
    expect(saved.fingerprint).not.toBe(m.fingerprint);
    expect(mappingProblem(saved)).toBeNull();
    expect(await listMappings()).toEqual([saved]);
  });

  it('pass over a row this version cannot use instead of failing', async () => {
    await db().mappings.put({ ...mapping(), fields: [] } as never);
    await saveMapping(mapping({ path: '/ok.asp' }));
    expect(await mappingsFor('http://192.168.1.1', '/forward-basic.asp')).toEqual([]);
    expect(await mappingsFor('http://192.168.1.1', '/ok.asp')).toHaveLength(1);
  });

  it('keep at most the limit, dropping the least recently used', async () => {
    const rows = Array.from({ length: MAPPING_LIMITS.mappings + 2 }, (_, i) => mapping({ path: `/p${i}`, savedAt: 1000 + i }));
    await db().mappings.bulkPut(rows);
    await markMappingUsed(rows[0]!, 10_000);
    await saveMapping(mapping({ path: '/new', savedAt: 5000 }));
    const paths = new Set((await listMappings()).map((m) => m.path));
    expect(paths.size).toBe(MAPPING_LIMITS.mappings);
    expect(paths.has('/p0')).toBe(true); // used recently
    expect(paths.has('/new')).toBe(true);
    expect(paths.has('/p1')).toBe(false);
    expect(paths.has('/p2')).toBe(false);
    expect(paths.has('/p3')).toBe(false);
  });
});

describe('the fingerprint of a form', () => {
  it('ignores the order the fields were taught in, and changes when a field or button changes', () => {
    const m = mapping();
    expect(fingerprintOf({ ...m, fields: [...m.fields].reverse() })).toBe(m.fingerprint);
    const renamed = m.fields.map((f) => (f.role === 'ip' ? { ...f, locator: { ...f.locator, label: 'Int IP' } } : f));
    expect(fingerprintOf({ ...m, fields: renamed })).not.toBe(m.fingerprint);
    expect(fingerprintOf({ ...m, commit: undefined })).not.toBe(m.fingerprint);
    expect(fingerprintOf({ ...m, submit: { ...m.submit, text: 'Apply' } })).not.toBe(m.fingerprint);
  });
});
