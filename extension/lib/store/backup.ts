import { z } from 'zod';
import { PROTOCOLS } from '../../../data/schema';
import { db } from './db';
import { describeIssues, parseCustomPreset } from './custom-preset-input';
import { UserDataError } from './errors';
import { checkLanIp } from './lan-ip';
import { SETTINGS, type SettingKey } from './settings';

export const BACKUP_FORMAT = 'portpilot-user-data';

const outcomeSchema = z.strictObject({
  rule: z.strictObject({
    name: z.string().max(100),
    protocol: z.enum(PROTOCOLS),
    externalStart: z.int().min(1).max(65535),
    externalEnd: z.int().min(1).max(65535),
    internalStart: z.int().min(1).max(65535),
    internalEnd: z.int().min(1).max(65535),
    ip: z.string().max(15),
    enabled: z.boolean(),
  }),
  status: z.enum(['pending', 'saving', 'applied', 'present', 'conflict', 'failed', 'filled']),
  message: z.string().max(500).optional(),
  attempts: z.int().min(0).max(100).optional(),
});

function lanIpIssue(ip: string, ctx: z.core.$RefinementCtx<string>): void {
  const check = checkLanIp(ip);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.error });
}

// Everything imported is checked field by field: a backup file is untrusted input. Every
// problem is reported at once, so the user can fix the file in one go.
const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  devices: z.array(z.strictObject({ name: z.string().trim().min(1).max(40), ip: z.string().max(15).superRefine(lanIpIssue) })).max(500),
  favorites: z.array(z.string().max(80)).max(5000),
  recents: z.array(z.strictObject({ presetId: z.string().max(80), usedAt: z.number().nonnegative() })).max(100),
  customPresets: z.array(z.unknown()).max(1000),
  history: z
    .array(
      z.strictObject({
        at: z.number().nonnegative(),
        routerOrigin: z.string().max(200),
        adapterId: z.string().max(80).optional(),
        presetId: z.string().max(80),
        presetName: z.string().max(120),
        platform: z.string().max(40),
        deviceIp: z.string().max(15),
        mode: z.enum(['apply', 'fill-only']),
        outcomes: z.array(outcomeSchema).max(500),
      }),
    )
    .max(5000),
  settings: z.record(z.string(), z.unknown()),
});
export type Backup = z.infer<typeof backupSchema>;

export async function exportUserData(now = new Date()): Promise<Backup> {
  const d = db();
  const [devices, favorites, recents, customPresets, history, settings] = await Promise.all([
    d.devices.toArray(),
    d.favorites.toArray(),
    d.recents.toArray(),
    d.customPresets.toArray(),
    d.history.toArray(),
    d.settings.toArray(),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    devices: devices.map(({ name, ip }) => ({ name, ip })),
    favorites: favorites.map((f) => f.presetId),
    recents: recents.map(({ presetId, usedAt }) => ({ presetId, usedAt })),
    customPresets: customPresets.map((c) => c.preset),
    history: history.map(({ id: _id, ...entry }) => entry),
    settings: Object.fromEntries(settings.map((s) => [s.key, s.value])),
  };
}

/**
 * Merges a backup into the database. The whole file is checked first and every problem is
 * listed; only a clean file is written, in one transaction, so a bad file changes nothing.
 * Merging (not replacing) means an import never loses what the user has now.
 */
export async function importUserData(text: string, shippedIds: ReadonlySet<string>): Promise<{ imported: number }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserDataError([`The file is not JSON: ${(e as Error).message}`]);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) throw new UserDataError(describeIssues(parsed.error));
  const backup = parsed.data;

  const problems: string[] = [];
  const presets = backup.customPresets.flatMap((p, i) => {
    try {
      return [parseCustomPreset(p, shippedIds, `customPresets.${i}`)];
    } catch (e) {
      problems.push(...(e instanceof UserDataError ? e.problems : [String(e)]));
      return [];
    }
  });
  for (const [key, value] of Object.entries(backup.settings)) {
    const spec = SETTINGS[key as SettingKey];
    if (!spec) problems.push(`settings.${key}: unknown setting`);
    else if (!(spec.valid as (v: unknown) => boolean)(value)) problems.push(`settings.${key}: invalid value`);
  }
  if (problems.length > 0) throw new UserDataError(problems);

  const d = db();
  await d.transaction('rw', [d.devices, d.favorites, d.recents, d.customPresets, d.history, d.settings], async () => {
    for (const device of backup.devices) {
      const existing = await d.devices.where('ip').equals(device.ip).first();
      await d.devices.put({ ...device, id: existing?.id });
    }
    await d.favorites.bulkPut(backup.favorites.map((presetId) => ({ presetId, addedAt: Date.now() })));
    for (const r of backup.recents) {
      const existing = await d.recents.get(r.presetId);
      if (!existing || existing.usedAt < r.usedAt) await d.recents.put(r);
    }
    await d.customPresets.bulkPut(presets.map((preset) => ({ id: preset.id, preset, updatedAt: Date.now() })));
    const known = new Set((await d.history.toArray()).map((h) => `${h.at}|${h.presetId}|${h.routerOrigin}`));
    await d.history.bulkAdd(backup.history.filter((h) => !known.has(`${h.at}|${h.presetId}|${h.routerOrigin}`)));
    await d.settings.bulkPut(Object.entries(backup.settings).map(([key, value]) => ({ key, value })));
  });
  return { imported: backup.devices.length + backup.favorites.length + presets.length + backup.history.length };
}

/** Deletes every piece of user data (the options page asks for confirmation first). */
export async function clearUserData(): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.devices, d.favorites, d.recents, d.customPresets, d.history, d.settings], () =>
    Promise.all(d.tables.map((t) => t.clear())),
  );
}
