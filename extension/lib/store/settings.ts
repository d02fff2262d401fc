import type { Platform } from '../../../data/vocabulary';
import { isPlatform, isPlatformGroup, type PlatformGroup } from '../presets/platforms';
import { db } from './db';
import { checkLanIp } from './lan-ip';
import { LIMITS } from './limits';
import { checkRouterAddress } from './router-address';

/** Typed settings with their defaults: a missing or malformed value reads as the default. */
export const SETTINGS = {
  platformFilter: { default: 'all' as PlatformGroup, valid: isPlatformGroup },
  routerAddresses: {
    default: ['192.168.1.1', '192.168.0.1'] as string[],
    valid: (v: unknown): v is string[] =>
      Array.isArray(v) &&
      v.length <= LIMITS.routerAddresses &&
      v.every((x) => typeof x === 'string' && x.length <= LIMITS.routerAddress && checkRouterAddress(x).ok),
  },
  /** A key local to this browser's database: never exported (a backup carries the device's IP). */
  lastDeviceId: { default: 0 as number, valid: (v: unknown): v is number => Number.isInteger(v) },
  /**
   * The device the user chose for each platform, by address (so a backup carries it to another
   * browser): a PS5 preset offers the PS5, never the device used last for something else.
   */
  devicePerPlatform: {
    default: {} as Partial<Record<Platform, string>>,
    valid: (v: unknown): v is Partial<Record<Platform, string>> =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype &&
      Object.entries(v).every(([k, ip]) => isPlatform(k) && typeof ip === 'string' && ip.length <= 15 && checkLanIp(ip).ok),
  },
  /**
   * The internet (WAN) address each router showed on its status page, by router origin: the
   * popup warns on that router's forwarding page when it is not public (double or carrier NAT).
   */
  wanByRouter: {
    default: {} as Record<string, string>,
    valid: (v: unknown): v is Record<string, string> =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype &&
      Object.keys(v).length <= LIMITS.routerAddresses &&
      Object.entries(v).every(([origin, ip]) => /^https?:\/\/[^/\s]{1,253}$/.test(origin) && typeof ip === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)),
  },
} as const;

/** Own keys only: "constructor" or "toString" are not settings. */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

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
