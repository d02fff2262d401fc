import Dexie, { type EntityTable } from 'dexie';
import type { Preset } from '../../../data/schema';
import type { RuleOutcome } from '../apply/types';

export interface Device {
  id?: number;
  name: string;
  ip: string;
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
}
export interface Setting {
  key: string;
  value: unknown;
}

export const DB_NAME = 'portpilot';

export type PortPilotDB = Dexie & {
  devices: EntityTable<Device, 'id'>;
  favorites: EntityTable<Favorite, 'presetId'>;
  recents: EntityTable<Recent, 'presetId'>;
  customPresets: EntityTable<CustomPreset, 'id'>;
  history: EntityTable<HistoryEntry, 'id'>;
  settings: EntityTable<Setting, 'key'>;
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
        .modify((device: Device & { label?: string }) => {
          device.name = (device.label ?? device.name ?? '').trim() || device.ip;
          delete device.label;
        }),
    );
  return db;
}

let shared: PortPilotDB | undefined;
/** One connection per extension page. */
export function db(): PortPilotDB {
  shared ??= openDatabase();
  return shared;
}
