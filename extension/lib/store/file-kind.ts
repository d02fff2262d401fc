/**
 * Backups and preset files are both JSON, and people pick the wrong importer. Telling them apart
 * lets each importer say which one to use instead of listing every field that does not fit.
 */
import { BACKUP_FORMAT } from './backup-schema';

export type JsonKind = 'backup' | 'preset' | 'preset-list' | 'other';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const looksLikePreset = (v: unknown) => isObj(v) && 'platforms' in v && ('name' in v || 'id' in v) && !('format' in v);

export function jsonKind(value: unknown): JsonKind {
  if (isObj(value) && (value.format === BACKUP_FORMAT || ('customPresets' in value && 'devices' in value))) return 'backup';
  if (looksLikePreset(value)) return 'preset';
  if (Array.isArray(value) && value.length > 0 && value.every(looksLikePreset)) return 'preset-list';
  return 'other';
}

/** Where the options page's two importers are, in its own words. */
export const WHERE_PRESETS_GO = 'add it under "Your presets": choose "New preset", then "Open a preset file"';
export const WHERE_BACKUPS_GO = 'import it under "Back up and restore" with "Import a backup"; it brings its presets along';

/** A backup importer's words for a file that is not a backup but a preset (or a list of them). */
export function notABackup(kind: JsonKind, value: unknown): string | undefined {
  if (kind === 'preset') return `This file is a preset, not a backup. To use it, ${WHERE_PRESETS_GO}.`;
  if (kind === 'preset-list') return `This file is a list of ${(value as unknown[]).length} presets, not a backup. ${WHERE_PRESETS_GO.replace(/^add it/, 'Add each')} (one preset per file).`;
  return undefined;
}
