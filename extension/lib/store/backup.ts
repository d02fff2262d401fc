/**
 * Export and import of everything the user has. Import runs in two steps so the user decides:
 * readBackup checks every item on its own and plans the merge without writing anything;
 * applyImport writes the plan in one transaction. A file with bad items imports nothing until
 * the user chooses to import the valid ones; an import never overwrites what the user has
 * unless they chose "replace" for their own presets.
 */
import type { Preset } from '../../../data/schema';
import type { ShippedCatalog } from '../presets/shipped-catalog';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFrame,
  deviceItem,
  historyItem,
  presetIdItem,
  recentItem,
  type Backup,
  type DeviceItem,
  type HistoryItem,
  type RecentItem,
} from './backup-schema';
import { clipMapping, MAPPING_LIMITS, mappingKey, mappingProblem, type RouterMapping } from '../teach/mapping';
import { describeIssues, parseCustomPreset } from './custom-preset-input';
import { jsonKind, notABackup } from './file-kind';
import { db } from './db';
import { UserDataError } from './errors';
import { latestTimestamp } from './limits';
import { listMappings } from './mappings';
import { MAX_RECENTS } from './recents';
import { isSettingKey, SETTINGS, type SettingKey } from './settings';

export { BACKUP_FORMAT, type Backup } from './backup-schema';

export async function exportUserData(now = new Date()): Promise<Backup> {
  const d = db();
  const [devices, favorites, recents, customPresets, history, settings, mappings] = await Promise.all([
    d.devices.toArray(),
    d.favorites.toArray(),
    d.recents.toArray(),
    d.customPresets.toArray(),
    d.history.orderBy('at').toArray(),
    d.settings.toArray(),
    listMappings(),
  ]);
  const lastDeviceId = settings.find((s) => s.key === 'lastDeviceId')?.value;
  const lastDeviceIp = devices.find((dev) => dev.id === lastDeviceId)?.ip;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    devices: devices.map(({ name, ip, platform }) => ({ name, ip, ...(platform ? { platform } : {}) })),
    favorites: favorites.map((f) => f.presetId),
    recents: recents.map(({ presetId, usedAt }) => ({ presetId, usedAt })),
    customPresets: customPresets.map((c) => c.preset),
    history: history.map(({ id: _id, ...entry }) => entry),
    // Ids local to this browser never leave it; the device is carried by its address instead.
    settings: Object.fromEntries(settings.filter((s) => s.key !== 'lastDeviceId').map((s) => [s.key, s.value])),
    mappings,
    ...(lastDeviceIp ? { lastDeviceIp } : {}),
  };
}

/** How a custom preset from the file meets what is already there. */
export type PresetCollision = 'none' | 'same' | 'yours' | 'shipped';

export interface PlannedPreset {
  preset: Preset;
  collision: PresetCollision;
}

export interface ImportPlan {
  version: number;
  devices: DeviceItem[];
  favorites: string[];
  recents: RecentItem[];
  presets: PlannedPreset[];
  history: HistoryItem[];
  settings: [SettingKey, unknown][];
  mappings: RouterMapping[];
  lastDeviceIp?: string;
  /** One line per bad item, naming where it is in the file. */
  problems: string[];
  /** Items that will be left out because of those problems. */
  invalidItems: number;
  /** What the import will change on the way in (a preset renamed, marked unverified). */
  notes: string[];
}

/** Valid items in the plan. */
export function validItems(plan: ImportPlan): number {
  return (
    plan.devices.length + plan.favorites.length + plan.recents.length + plan.presets.length + plan.history.length + plan.settings.length + plan.mappings.length
  );
}

/** Presets whose id is one of the user's own presets with other content: the user picks keep-both or replace. */
export function presetsNeedingChoice(plan: ImportPlan): Preset[] {
  return plan.presets.filter((p) => p.collision === 'yours').map((p) => p.preset);
}

/**
 * Checks the file item by item and plans the merge; writes nothing. Throws UserDataError only
 * when the file as a whole is not a backup this version can read.
 */
export async function readBackup(json: unknown, shipped: ShippedCatalog): Promise<ImportPlan> {
  const frame = backupFrame.safeParse(json);
  if (!frame.success) {
    const wrongFile = notABackup(jsonKind(json), json);
    throw new UserDataError(wrongFile ? [wrongFile] : describeIssues(frame.error, json));
  }
  const file = frame.data;
  const problems: string[] = [];
  const notes: string[] = [];
  let invalidItems = 0;

  function each<T>(list: unknown[], path: string, check: (item: unknown, where: string) => T | null): T[] {
    const out: T[] = [];
    list.forEach((item, i) => {
      const value = check(item, `${path}.${i}`);
      if (value === null) invalidItems++;
      else out.push(value);
    });
    return out;
  }
  function bySchema<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }) {
    return (item: unknown, where: string): T | null => {
      const r = schema.safeParse(item);
      if (r.success) return r.data;
      problems.push(...describeIssues(r.error, item, where));
      return null;
    };
  }

  const seenIps = new Set<string>();
  const devices = each(file.devices, 'devices', (item, where) => {
    const device = bySchema(deviceItem)(item, where);
    if (!device) return null;
    if (seenIps.has(device.ip)) {
      problems.push(`${where}.ip: ${device.ip} appears twice in the file; the first one is kept`);
      return null;
    }
    seenIps.add(device.ip);
    return device;
  });
  const favorites = [...new Set(each(file.favorites, 'favorites', bySchema(presetIdItem)))];
  const recents = each(file.recents, 'recents', bySchema(recentItem));
  const history = each(file.history, 'history', bySchema(historyItem));

  const mine = new Map((await db().customPresets.toArray()).map((c) => [c.id, c.preset]));
  const seenPresetIds = new Set<string>();
  const presets = each(file.customPresets, 'customPresets', (item, where): PlannedPreset | null => {
    let preset: Preset;
    try {
      // A shipped id or name is not an error here: the preset may be older than the shipped one.
      const parsed = parseCustomPreset(item, shipped, where, { shippedId: 'allow', shippedName: 'rename' });
      preset = parsed.preset;
      notes.push(...parsed.notes);
    } catch (e) {
      problems.push(...(e instanceof UserDataError ? e.problems : [`${where}: ${String(e)}`]));
      return null;
    }
    if (seenPresetIds.has(preset.id)) {
      problems.push(`${where}.id: "${preset.id}" appears twice in the file; the first one is kept`);
      return null;
    }
    seenPresetIds.add(preset.id);
    const existing = mine.get(preset.id);
    const collision: PresetCollision = shipped.ids.has(preset.id)
      ? 'shipped'
      : !existing
        ? 'none'
        : JSON.stringify(existing) === JSON.stringify(preset)
          ? 'same'
          : 'yours';
    return { preset, collision };
  });

  const seenMappings = new Set<string>();
  const mappings = each(file.mappings, 'mappings', (item, where): RouterMapping | null => {
    const problem = mappingProblem(item);
    const m = item as RouterMapping;
    if (problem || m.savedAt > latestTimestamp() || (m.usedAt ?? 0) > latestTimestamp()) {
      problems.push(`${where}: ${problem ?? 'is dated in the future'}`);
      return null;
    }
    const key = JSON.stringify(mappingKey(m));
    if (seenMappings.has(key)) {
      problems.push(`${where}: the same router page appears twice in the file; the first one is kept`);
      return null;
    }
    seenMappings.add(key);
    return clipMapping(m);
  });

  const settings: [SettingKey, unknown][] = [];
  for (const [key, value] of Object.entries(file.settings)) {
    if (!isSettingKey(key)) {
      problems.push(`settings.${key}: not a PortPilot setting`);
      invalidItems++;
    } else if (key === 'lastDeviceId') {
      continue; // a key local to the browser that made the file: meaningless here
    } else if (!(SETTINGS[key].valid as (v: unknown) => boolean)(value)) {
      problems.push(`settings.${key}: not a valid value for this setting`);
      invalidItems++;
    } else settings.push([key, value]);
  }

  for (const key of Object.keys(json as object)) {
    if (!Object.hasOwn(backupFrame.shape, key)) {
      problems.push(`${key}: not part of a PortPilot backup; left out`);
      invalidItems++;
    }
  }

  return { version: file.version, devices, favorites, recents, presets, history, settings, mappings, lastDeviceIp: file.lastDeviceIp, problems, invalidItems, notes };
}

export interface ImportReport {
  added: number;
  /** Items already there, or kept as the user has them. */
  unchanged: number;
  replaced: number;
  skipped: number;
  /** Custom presets imported under another id, and why. */
  renamed: { from: string; to: string; why: string }[];
  notes: string[];
}

function freeId(base: string, taken: (id: string) => boolean, suffix: string): string {
  let id = `${base}${suffix}`;
  for (let n = 2; taken(id); n++) id = `${base}${suffix}-${n}`;
  return id;
}

/**
 * Writes the plan in one transaction. `presetChoice` says what to do with the user's own
 * presets that the file has in another version: keep both (the import is renamed) or replace.
 */
export async function applyImport(
  plan: ImportPlan,
  shipped: ShippedCatalog,
  presetChoice: 'keep-both' | 'replace' = 'keep-both',
): Promise<ImportReport> {
  const report: ImportReport = { added: 0, unchanged: 0, replaced: 0, skipped: plan.invalidItems, renamed: [], notes: [...plan.notes] };
  const shippedIds = shipped.ids;
  const d = db();
  await d.transaction('rw', [d.devices, d.favorites, d.recents, d.customPresets, d.history, d.settings, d.mappings], async () => {
    for (const device of plan.devices) {
      const existing = await d.devices.where('ip').equals(device.ip).first();
      if (!existing) {
        await d.devices.add({ ...device });
        report.added++;
      } else {
        report.unchanged++;
        if (existing.name !== device.name) report.notes.push(`${device.ip} keeps your name "${existing.name}" (the file calls it "${device.name}").`);
      }
    }

    // Custom presets first: favorites and recents may point at a renamed one.
    const idMap = new Map<string, string>();
    const ownIds = new Set(await d.customPresets.toCollection().primaryKeys());
    const taken = (id: string) => shippedIds.has(id) || ownIds.has(id);
    for (const { preset, collision } of plan.presets) {
      let id = preset.id;
      if (collision === 'same') {
        report.unchanged++;
        idMap.set(preset.id, id);
        continue;
      }
      if (collision === 'shipped') {
        id = freeId(preset.id, taken, '-custom');
        report.renamed.push({ from: preset.id, to: id, why: 'PortPilot now ships a preset with that id' });
      } else if (collision === 'yours' && presetChoice === 'keep-both') {
        id = freeId(preset.id, taken, '');
        report.renamed.push({ from: preset.id, to: id, why: 'you have a different preset with that id' });
      }
      if (collision === 'yours' && presetChoice === 'replace') report.replaced++;
      else report.added++;
      await d.customPresets.put({ id, preset: { ...preset, id }, updatedAt: Date.now() });
      ownIds.add(id);
      idMap.set(preset.id, id);
    }

    const exists = (id: string) => shippedIds.has(id) || ownIds.has(id);
    const target = (id: string) => idMap.get(id) ?? id;
    let dangling = 0;
    for (const presetId of plan.favorites.map(target)) {
      if (!exists(presetId)) dangling++;
      else if (await d.favorites.get(presetId)) report.unchanged++;
      else {
        await d.favorites.put({ presetId, addedAt: Date.now() });
        report.added++;
      }
    }
    for (const r of plan.recents) {
      const presetId = target(r.presetId);
      if (!exists(presetId)) {
        dangling++;
        continue;
      }
      const existing = await d.recents.get(presetId);
      if (!existing || existing.usedAt < r.usedAt) await d.recents.put({ presetId, usedAt: r.usedAt });
      if (existing) report.unchanged++;
      else report.added++;
    }
    await d.recents.bulkDelete(await d.recents.orderBy('usedAt').reverse().offset(MAX_RECENTS).primaryKeys());
    if (dangling) report.notes.push(`${dangling} favorites or recents point at presets this PortPilot does not have; left out.`);

    // History is a record of what happened: its preset ids stay as they were.
    const known = new Set((await d.history.toArray()).map((h) => `${h.at}|${h.presetId}|${h.routerOrigin}`));
    for (const entry of plan.history) {
      if (known.has(`${entry.at}|${entry.presetId}|${entry.routerOrigin}`)) report.unchanged++;
      else {
        await d.history.add(entry);
        report.added++;
      }
    }

    // A router page the user taught here stays as taught; the file's copy only fills a gap.
    let keptMappings = 0;
    let noRoom = 0;
    let room = MAPPING_LIMITS.mappings - (await d.mappings.count());
    for (const m of plan.mappings) {
      const existing = await d.mappings.get(mappingKey(m));
      if (existing) {
        report.unchanged++;
        if (JSON.stringify({ ...existing, usedAt: undefined }) !== JSON.stringify({ ...m, usedAt: undefined })) keptMappings++;
      } else if (room <= 0) {
        noRoom++;
      } else {
        await d.mappings.add(m);
        report.added++;
        room--;
      }
    }
    report.skipped += noRoom;
    if (noRoom) report.notes.push(`${noRoom} router pages left out: PortPilot keeps at most ${MAPPING_LIMITS.mappings}.`);
    if (keptMappings) report.notes.push(`${keptMappings} router page${keptMappings === 1 ? '' : 's'} you taught here ${keptMappings === 1 ? 'keeps its' : 'keep their'} own fields (the file has another version).`);

    for (const [key, value] of plan.settings) await d.settings.put({ key, value });
    report.added += plan.settings.length;
    if (plan.lastDeviceIp) {
      const device = await d.devices.where('ip').equals(plan.lastDeviceIp).first();
      if (device) await d.settings.put({ key: 'lastDeviceId', value: device.id });
    } else if (plan.version === 1) {
      report.notes.push('The device chosen last is not restored from this older backup; pick it again when you apply.');
    }
  });
  return report;
}

/**
 * Reads and imports in one go. With problems in the file nothing is written unless
 * `importValid` is set; then the valid items are imported and the rest counted as skipped.
 */
export async function importUserData(
  json: unknown,
  shipped: ShippedCatalog,
  options: { importValid?: boolean; presetChoice?: 'keep-both' | 'replace' } = {},
): Promise<ImportReport> {
  const plan = await readBackup(typeof json === 'string' ? parseText(json) : json, shipped);
  if (plan.problems.length && !options.importValid) throw new UserDataError(plan.problems);
  return applyImport(plan, shipped, options.presetChoice);
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserDataError([`The file is not JSON: ${(e as Error).message}`]);
  }
}

/** Deletes every piece of user data (the options page asks for confirmation first). */
export async function clearUserData(): Promise<void> {
  const d = db();
  await d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())));
}
