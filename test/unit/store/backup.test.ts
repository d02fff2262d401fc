// Backups that always restore: per-item checks, collisions that ask, references remapped,
// bounded and hostile files refused cleanly, nothing written until the user agrees.
import { beforeEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../extension/lib/presets/shipped-catalog';
import { applyImport, exportUserData, importUserData, presetsNeedingChoice, readBackup, validItems } from '../../../extension/lib/store/backup';
import { decodeBackupBytes, problemsToShow } from '../../../extension/lib/store/backup-file';
import { saveCustomPreset } from '../../../extension/lib/store/custom-preset-input';
import { listCustomPresets } from '../../../extension/lib/store/custom-presets';
import { db } from '../../../extension/lib/store/db';
import { listDevices, saveDevice } from '../../../extension/lib/store/devices';
import { UserDataError } from '../../../extension/lib/store/errors';
import { favoriteIds, toggleFavorite } from '../../../extension/lib/store/favorites';
import { recordApply } from '../../../extension/lib/store/history';
import { LIMITS } from '../../../extension/lib/store/limits';
import { listMappings, mappingsFor, saveMapping } from '../../../extension/lib/store/mappings';
import { recentIds } from '../../../extension/lib/store/recents';
import { getSetting, setSetting } from '../../../extension/lib/store/settings';
import { mapping } from '../../support/mapping-factory';
import { preset } from '../../support/preset-factory';
import { resetDb } from '../../support/reset-db';

const shipped = shippedCatalog([{ id: 'fortnite', name: 'Fortnite' }, { id: 'minecraft-java', name: 'Minecraft: Java Edition' }]);
const frame = { format: 'portpilot-user-data', version: 2, exportedAt: '2026-11-25T00:00:00.000Z' };

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserDataError);
  return (error as UserDataError).problems;
}

beforeEach(resetDb);

describe('a file with some bad items', () => {
  const file = {
    ...frame,
    devices: [{ name: 'PS5', ip: '192.168.1.50' }, { name: 'Cloud', ip: '8.8.8.8' }],
    favorites: ['fortnite'],
    history: [{ at: Date.now() + 10 * 86_400_000, routerOrigin: 'http://r', presetId: 'fortnite', presetName: 'F', platform: 'pc', deviceIp: '192.168.1.50', mode: 'apply', outcomes: [] }],
  };

  it('lists every problem and writes nothing by default', async () => {
    const problems = await refusal(importUserData(file, shipped));
    expect(problems).toEqual([expect.stringMatching(/^devices\.1\.ip: 8\.8\.8\.8 is a public/), expect.stringMatching(/^history\.0\.at: is a date in the future/)]);
    expect(await listDevices()).toEqual([]);
    expect(await favoriteIds()).toEqual(new Set());
  });

  it('imports the valid items when the user chooses to, and counts the skipped ones', async () => {
    const plan = await readBackup(file, shipped);
    expect(validItems(plan)).toBe(2);
    expect(plan.invalidItems).toBe(2);
    const report = await applyImport(plan, shipped);
    expect(report).toMatchObject({ added: 2, skipped: 2 });
    expect((await listDevices()).map((d) => d.ip)).toEqual(['192.168.1.50']);
    expect(await favoriteIds()).toEqual(new Set(['fortnite']));
  });
});

describe('custom presets from a file', () => {
  it('renames one whose id PortPilot now ships, and moves its favorite along', async () => {
    const report = await importUserData({ ...frame, customPresets: [preset('fortnite', { name: 'My Fortnite' })], favorites: ['fortnite'] }, shippedCatalog([{ id: 'fortnite', name: 'Fortnite' }]));
    expect(report.renamed).toEqual([{ from: 'fortnite', to: 'fortnite-custom', why: expect.stringMatching(/ships/) }]);
    expect((await listCustomPresets()).map((p) => `${p.id} ${p.name}`)).toEqual(['fortnite-custom My Fortnite']);
    expect(await favoriteIds()).toEqual(new Set(['fortnite-custom']));
  });

  it('asks when the user has another version: keep both renames the import, replace replaces', async () => {
    await saveCustomPreset(preset('my-game', { name: 'Mine' }), shipped);
    const file = { ...frame, customPresets: [preset('my-game', { name: 'Theirs' })] };
    const plan = await readBackup(file, shipped);
    expect(presetsNeedingChoice(plan).map((p) => p.name)).toEqual(['Theirs']);

    await applyImport(plan, shipped, 'keep-both');
    expect((await listCustomPresets()).map((p) => `${p.id} ${p.name}`)).toEqual(['my-game Mine', 'my-game-2 Theirs']);

    const report = await applyImport(await readBackup(file, shipped), shipped, 'replace');
    expect(report.replaced).toBe(1);
    expect((await listCustomPresets()).map((p) => `${p.id} ${p.name}`)).toEqual(['my-game Theirs', 'my-game-2 Theirs']);
  });

  it('counts an identical preset as already there, and refuses an id twice in one file', async () => {
    await saveCustomPreset(preset('my-game'), shipped);
    const plan = await readBackup({ ...frame, customPresets: [preset('my-game'), preset('my-game', { name: 'Second' })] }, shipped);
    expect(plan.problems).toEqual([expect.stringMatching(/^customPresets\.1\.id: "my-game" appears twice/)]);
    expect(presetsNeedingChoice(plan)).toEqual([]);
    expect(await applyImport(plan, shipped)).toMatchObject({ added: 0, unchanged: 1, skipped: 1 });
  });

  it('drops favorites and recents of presets that do not exist here', async () => {
    const report = await importUserData({ ...frame, favorites: ['gone', 'fortnite'], recents: [{ presetId: 'gone', usedAt: 5 }] }, shipped);
    expect(await favoriteIds()).toEqual(new Set(['fortnite']));
    expect(await recentIds()).toEqual([]);
    expect(report.notes).toEqual([expect.stringMatching(/^2 favorites or recents point at presets/)]);
  });
});

describe('the device Apply preselects', () => {
  it('travels by address, never by a local id', async () => {
    // Computer A: PS5 (id 1), Gaming PC (id 2), last chosen: the PC.
    await saveDevice('PS5', '192.168.1.50');
    const pc = await saveDevice('Gaming PC', '192.168.1.20');
    await setSetting('lastDeviceId', pc.id!);
    const backup = await exportUserData();
    expect(backup.lastDeviceIp).toBe('192.168.1.20');
    expect(backup.settings).not.toHaveProperty('lastDeviceId');

    // Computer B already has an Xbox at id 1.
    await resetDb();
    await saveDevice('Xbox', '192.168.1.77');
    await importUserData(JSON.parse(JSON.stringify(backup)), shipped);
    const lastId = await getSetting('lastDeviceId');
    const chosen = (await listDevices()).find((d) => d.id === lastId);
    expect(chosen?.name).toBe('Gaming PC');
  });

  it('is not restored from a version 1 file, which carried a local id', async () => {
    await saveDevice('Xbox', '192.168.1.77');
    const report = await importUserData({ ...frame, version: 1, devices: [{ name: 'PS5', ip: '192.168.1.50' }], settings: { lastDeviceId: 1 } }, shipped);
    expect(await getSetting('lastDeviceId')).toBe(0);
    expect(report.notes.join(' ')).toMatch(/device chosen last is not restored/);
  });

  it('keeps the user name of a device already at that address', async () => {
    await saveDevice('Living room PS5', '192.168.1.50');
    const report = await importUserData({ ...frame, devices: [{ name: 'PS5', ip: '192.168.1.50' }] }, shipped);
    expect((await listDevices()).map((d) => d.name)).toEqual(['Living room PS5']);
    expect(report.notes).toEqual([expect.stringMatching(/keeps your name "Living room PS5"/)]);
  });
});

describe('hostile and broken files', () => {
  it('refuses settings that are not settings, including prototype names, without crashing', async () => {
    const text = '{"format":"portpilot-user-data","version":2,"exportedAt":"x","settings":{"constructor":1,"toString":"x","__proto__":{"polluted":true}}}';
    const problems = await refusal(importUserData(text, shipped));
    expect(problems).toEqual(expect.arrayContaining(['settings.constructor: not a PortPilot setting', 'settings.toString: not a PortPilot setting']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks router addresses like the options page does', async () => {
    const problems = await refusal(importUserData({ ...frame, settings: { routerAddresses: ['javascript://%0aalert(1)'] } }, shipped));
    expect(problems).toEqual(['settings.routerAddresses: not a valid value for this setting']);
    expect(await refusal(importUserData({ ...frame, settings: { routerAddresses: Array(11).fill('192.168.1.1') } }, shipped))).toHaveLength(1);
  });

  it('refuses a file too big to be a backup before reading it', () => {
    const big = new Uint8Array(LIMITS.backupBytes + 1);
    expect(() => decodeBackupBytes('huge.json', big)).toThrow(/huge\.json is 5\.0 MB; a PortPilot backup is at most 5\.0 MB/);
  });

  it('refuses text that is not UTF-8 instead of storing replacement characters', () => {
    const latin1 = Uint8Array.from([0x7b, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"Caf\xe9":1}
    expect(() => decodeBackupBytes('latin1.json', latin1)).toThrow(/not UTF-8/);
  });

  it('reads UTF-8 with a byte-order mark, and refuses JSON that is not an object', () => {
    const bom = new TextEncoder().encode('\uFEFF{"format":"portpilot-user-data"}');
    expect(decodeBackupBytes('bom.json', bom)).toEqual({ format: 'portpilot-user-data' });
    expect(() => decodeBackupBytes('list.json', new TextEncoder().encode('[1]'))).toThrow(/holds a list, not an object/);
  });

  it('shows at most 50 problems, then how many more', () => {
    const shown = problemsToShow(Array.from({ length: 120 }, (_, i) => `p${i}`));
    expect(shown).toHaveLength(51);
    expect(shown.at(-1)).toBe('… and 70 more');
  });
});

describe('what the app writes, it can import', () => {
  it('cuts long router messages and keeps the newest history only', async () => {
    const outcome = { rule: { name: 'x', protocol: 'tcp' as const, externalStart: 1, externalEnd: 1, internalStart: 1, internalEnd: 1, ip: '192.168.1.5', enabled: true }, status: 'failed' as const, message: 'e'.repeat(5000) };
    for (let i = 0; i < LIMITS.history + 3; i++) {
      await recordApply({ at: i, routerOrigin: `http://${'r'.repeat(400)}`, presetId: 'p', presetName: 'P', platform: 'pc', deviceIp: '192.168.1.5', mode: 'apply', outcomes: [outcome] });
    }
    const backup = await exportUserData();
    expect(backup.history).toHaveLength(LIMITS.history);
    expect(backup.history[0]!.at).toBe(3);
    await resetDb();
    const report = await importUserData(JSON.parse(JSON.stringify(backup)), shipped);
    expect(report.skipped).toBe(0);
    expect(await db().history.count()).toBe(LIMITS.history);
  });
});

describe('router pages taught or confirmed', () => {
  it('travel in the backup and come back as they were', async () => {
    const saved = await saveMapping(mapping());
    const backup = JSON.parse(JSON.stringify(await exportUserData()));
    expect(backup.mappings).toEqual([saved]);
    await resetDb();
    const report = await importUserData(backup, shipped);
    expect(report.added).toBe(1);
    expect(await listMappings()).toEqual([saved]);
  });

  it('refuse a mapping that could not be used, naming where it is, and one dated in the future', async () => {
    const good = mapping();
    const noSave = { ...mapping({ path: '/b' }), submit: undefined };
    const forged = { ...mapping({ path: '/c' }), fields: mapping().fields.slice(0, 3) }; // fingerprint of 4 fields
    const future = mapping({ path: '/d', savedAt: Date.now() + 10 * 24 * 3600 * 1000 });
    const plan = await readBackup({ ...frame, mappings: [good, noSave, forged, future, good] }, shipped);
    expect(plan.mappings).toEqual([good]);
    expect(plan.problems).toEqual([
      'mappings.1: its save button is missing',
      'mappings.2: its fingerprint does not match its fields',
      'mappings.3: is dated in the future',
      'mappings.4: the same router page appears twice in the file; the first one is kept',
    ]);
    expect(plan.invalidItems).toBe(4);
  });

  it('never replace a page the user taught here; a new one is added', async () => {
    const mine = await saveMapping(mapping({ how: 'taught', savedAt: 10 }));
    const theirs = { ...mine, how: 'confirmed' as const, savedAt: 20 };
    const other = mapping({ path: '/other.asp' });
    const report = await importUserData({ ...frame, mappings: [theirs, other] }, shipped);
    expect(report).toMatchObject({ added: 1, unchanged: 1 });
    expect(report.notes).toEqual(['1 router page you taught here keeps its own fields (the file has another version).']);
    expect((await mappingsFor(mine.origin, mine.path))[0]).toEqual(mine);
    expect(await mappingsFor(other.origin, other.path)).toHaveLength(1);
  });
});
