import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Platform, Preset } from '../../../data/schema';
import type { JobState, RuleOutcome } from '../apply/types';
import type { MappingKey, RouterMapping } from '../teach/mapping';
import { deviceName, ROW_CHECKS } from './row-checks';

export interface Device {
  id?: number;
  name: string;
  ip: string;
  /** What the device is (a PS5, a PC…): presets for that platform offer it first. Unset on older devices. */
  platform?: Platform;
}
export interface Favorite {
  presetId: string;
  addedAt: number;
}
export interface Recent {
  presetId: string;
  usedAt: number;
}
export interface CustomPreset {
  id: string;
  preset: Preset;
  updatedAt: number;
}
export interface HistoryEntry {
  id?: number;
  at: number;
  routerOrigin: string;
  adapterId?: string;
  presetId: string;
  presetName: string;
  platform: string;
  deviceIp: string;
  mode: 'apply' | 'fill-only';
  outcomes: RuleOutcome[];
  /** How the job ended ('stopped' with its message), for an honest headline in the history. */
  state?: JobState;
  message?: string;
}
export interface Setting {
  key: string;
  value: unknown;
}
/** A row an older version left that this one cannot read: kept, so the user can export it. */
export interface UnreadableRow {
  id?: number;
  table: string;
  row: unknown;
  reason: string;
  at: number;
}

export const DB_NAME = 'portpilot';

export type PortPilotDB = Dexie & {
  devices: EntityTable<Device, 'id'>;
  favorites: EntityTable<Favorite, 'presetId'>;
  recents: EntityTable<Recent, 'presetId'>;
  customPresets: EntityTable<CustomPreset, 'id'>;
  history: EntityTable<HistoryEntry, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  unreadable: EntityTable<UnreadableRow, 'id'>;
  mappings: Table<RouterMapping, MappingKey>;
};

/** Version 1, as the first release shipped it; kept so the migration to 2 stays tested. */
export const SCHEMA_V1 = {
  devices: '++id, label',
  favorites: 'presetId',
  recents: 'presetId, usedAt',
  settings: 'key',
};

export function openDatabase(name = DB_NAME): PortPilotDB {
  const db = new Dexie(name) as PortPilotDB;
  db.version(1).stores(SCHEMA_V1);
  // v2: devices are looked up by IP (one device per address) and "label" became "name";
  // custom presets and apply history arrive.
  db.version(2)
    .stores({
      devices: '++id, ip, name',
      customPresets: 'id, updatedAt',
      history: '++id, at, presetId',
    })
    .upgrade((tx) =>
      tx
        .table('devices')
        .toCollection()
        .modify((device: Record<string, unknown>) => {
          // Never throws: a malformed row is set aside by version 3, not allowed to block the open.
          device.name = deviceName(device);
          delete device.label;
        }),
    );
  // v3: rows that no version can read are moved to "unreadable" instead of breaking the app.
  db.version(3)
    .stores({ unreadable: '++id, table' })
    .upgrade(async (tx) => {
      for (const [table, check] of Object.entries(ROW_CHECKS)) {
        const bad: { key: unknown; row: unknown; reason: string }[] = [];
        await tx.table(table).toCollection().each((row: Record<string, unknown>, cursor) => {
          const reason = check(row);
          if (reason) bad.push({ key: cursor.primaryKey, row, reason });
        });
        if (!bad.length) continue;
        await tx.table('unreadable').bulkAdd(bad.map(({ row, reason }) => ({ table, row, reason, at: Date.now() })));
        await tx.table(table).bulkDelete(bad.map((b) => b.key) as never[]);
      }
    });
  // v4: router pages the user taught or confirmed, keyed by origin + page path + form fingerprint.
  db.version(4).stores({ mappings: '[origin+path+fingerprint], [origin+path], savedAt' });
  return db;
}

let shared: PortPilotDB | undefined;
/** One connection per extension page. */
export function db(): PortPilotDB {
  shared ??= openDatabase();
  return shared;
}
