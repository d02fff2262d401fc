import { isPlatformGroup, type PlatformGroup } from '../presets/platforms';
import { db } from './db';

/** Typed settings with their defaults: a missing or malformed value reads as the default. */
export const SETTINGS = {
  platformFilter: { default: 'all' as PlatformGroup, valid: isPlatformGroup },
  routerAddresses: {
    default: ['192.168.1.1', '192.168.0.1'] as string[],
    valid: (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  },
  lastDeviceId: { default: 0 as number, valid: (v: unknown): v is number => typeof v === 'number' },
} as const;

type Settings = typeof SETTINGS;
export type SettingKey = keyof Settings;
export type SettingValue<K extends SettingKey> = Settings[K]['default'];

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db().settings.get(key);
  const spec = SETTINGS[key];
  return row && (spec.valid as (v: unknown) => boolean)(row.value) ? (row.value as SettingValue<K>) : spec.default;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  await db().settings.put({ key, value });
}
