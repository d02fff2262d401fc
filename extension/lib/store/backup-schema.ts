/**
 * What a backup file may hold, item by item. Each list item and each setting is checked on its
 * own, so one bad item is reported and skipped without losing the rest. The sizes are the ones
 * the app cuts to when it writes (limits.ts): whatever PortPilot exports, it imports.
 */
import { z } from 'zod';
import { PLATFORMS, PROTOCOLS } from '../../../data/schema';
import type { RuleStatus } from '../apply/types';
import { MAPPING_LIMITS, type RouterMapping } from '../teach/mapping';
import { checkLanIp } from './lan-ip';
import { latestTimestamp, LIMITS } from './limits';

export const BACKUP_FORMAT = 'portpilot-user-data';
/** 1: first release (settings held lastDeviceId, a key local to one browser). 2: lastDeviceIp instead. */
export const BACKUP_VERSION = 2;

const RULE_STATUSES = ['pending', 'saving', 'applied', 'present', 'conflict', 'failed', 'unconfirmed', 'filled'] as const;
// Fails to compile when the engine gains a status this list lacks: history with it must still import.
type MissingStatus = Exclude<RuleStatus, (typeof RULE_STATUSES)[number]>;
const statusesComplete: [MissingStatus] extends [never] ? true : MissingStatus = true;
void statusesComplete;

const port = z.int().min(1).max(65535);
const timestamp = z.number().min(0).refine((t) => t <= latestTimestamp(), 'is a date in the future');
const presetId = z.string().min(1).max(LIMITS.presetId);

function lanIp(ip: string, ctx: z.core.$RefinementCtx<string>): void {
  const check = checkLanIp(ip);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.error });
}

export const deviceItem = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.deviceName),
  ip: z.string().max(15).superRefine(lanIp),
  platform: z.enum(PLATFORMS).optional(),
});

export const recentItem = z.strictObject({ presetId, usedAt: timestamp });

const outcomeItem = z.strictObject({
  rule: z.strictObject({
    name: z.string().max(100),
    protocol: z.enum(PROTOCOLS),
    externalStart: port,
    externalEnd: port,
    internalStart: port,
    internalEnd: port,
    ip: z.string().max(15),
    enabled: z.boolean(),
  }),
  status: z.enum(RULE_STATUSES),
  message: z.string().max(LIMITS.message).optional(),
  attempts: z.int().min(0).max(100).optional(),
  exclusive: z.boolean().optional(),
});

export const historyItem = z.strictObject({
  at: timestamp,
  routerOrigin: z.string().max(LIMITS.origin),
  adapterId: z.string().max(80).optional(),
  presetId,
  presetName: z.string().max(LIMITS.presetName),
  platform: z.enum(PLATFORMS).or(z.string().max(40)),
  deviceIp: z.string().max(15),
  mode: z.enum(['apply', 'fill-only']),
  outcomes: z.array(outcomeItem).max(LIMITS.outcomes),
  /** How the job ended, for an honest headline ("Stopped: …"). */
  state: z.enum(['running', 'paused-login', 'done', 'stopped']).optional(),
  message: z.string().max(LIMITS.message).optional(),
});

/** The file's frame; the lists' items are checked one by one afterwards. Unknown keys are listed as problems by readBackup. */
export const backupFrame = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `not a PortPilot backup (format must be "${BACKUP_FORMAT}")` }),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)], { error: `unknown backup version (this PortPilot reads 1 and ${BACKUP_VERSION})` }),
  exportedAt: z.string().max(40),
  devices: z.array(z.unknown()).max(LIMITS.devices).default([]),
  favorites: z.array(z.unknown()).max(LIMITS.favorites).default([]),
  recents: z.array(z.unknown()).max(LIMITS.recents).default([]),
  customPresets: z.array(z.unknown()).max(LIMITS.customPresets).default([]),
  history: z.array(z.unknown()).max(LIMITS.history).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Router pages taught or confirmed (added within version 2: older files simply have none). */
  mappings: z.array(z.unknown()).max(MAPPING_LIMITS.mappings).default([]),
  /** v2: the device Apply preselects, by address (ids are local to each browser). */
  lastDeviceIp: z.string().max(15).optional(),
});

export type BackupFrame = z.infer<typeof backupFrame>;
export type DeviceItem = z.infer<typeof deviceItem>;
export type RecentItem = z.infer<typeof recentItem>;
export type HistoryItem = z.infer<typeof historyItem>;

/** What exportUserData writes. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  devices: DeviceItem[];
  favorites: string[];
  recents: RecentItem[];
  customPresets: unknown[];
  history: HistoryItem[];
  settings: Record<string, unknown>;
  mappings: RouterMapping[];
  lastDeviceIp?: string;
}
export const presetIdItem = presetId;
