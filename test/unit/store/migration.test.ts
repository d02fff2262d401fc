import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { SCHEMA_V1, openDatabase } from '../../../extension/lib/store/db';

it('migrates a version 1 database: device labels become names, new tables appear', async () => {
  const name = 'portpilot-migration-test';
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('devices').bulkAdd([
    { label: ' PS5 ', ip: '192.168.1.50' },
    { label: '', ip: '192.168.1.51' },
  ]);
  await v1.table('favorites').add({ presetId: 'fortnite', addedAt: 1 });
  v1.close();

  const v2 = openDatabase(name);
  await v2.open();
  expect(v2.verno).toBe(4);
  expect(await v2.devices.orderBy('ip').toArray()).toEqual([
    { id: 1, name: 'PS5', ip: '192.168.1.50' },
    { id: 2, name: '192.168.1.51', ip: '192.168.1.51' },
  ]);
  expect(await v2.devices.where('ip').equals('192.168.1.50').count()).toBe(1);
  expect(await v2.favorites.count()).toBe(1);
  expect(await v2.history.count()).toBe(0);
  await v2.delete();
});

it('opens a version 1 database with malformed rows: they are set aside, readable and exportable, the rest kept', async () => {
  const name = 'portpilot-corrupt-test';
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('devices').bulkAdd([
    { label: 5, ip: '192.168.1.50' }, // a number as label: used to abort the upgrade
    { label: 'Cloud', ip: '8.8.8.8' },
    { label: 'No address' },
  ]);
  await v1.table('recents').bulkAdd([{ presetId: 'fortnite', usedAt: 1 }, { presetId: 'x', usedAt: 'yesterday' }]);
  v1.close();

  const db = openDatabase(name);
  await db.open();
  expect(await db.devices.toArray()).toEqual([{ id: 1, name: '192.168.1.50', ip: '192.168.1.50' }]);
  expect(await db.recents.toArray()).toEqual([{ presetId: 'fortnite', usedAt: 1 }]);
  const aside = await db.unreadable.toArray();
  expect(aside.map((r) => [r.table, r.reason])).toEqual([
    ['devices', expect.stringMatching(/8\.8\.8\.8 is a public internet address/)],
    ['devices', 'device without an address'],
    ['recents', 'recent without a preset id or time'],
  ]);
  expect(aside[0]!.row).toMatchObject({ name: 'Cloud', ip: '8.8.8.8' });
  await db.delete();
});
