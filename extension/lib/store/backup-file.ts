/**
 * From the file the user picked to parsed JSON, refusing early what should never reach the
 * parser: files too big to be what they claim, text that is not UTF-8 (it would be stored with
 * replacement characters), and, for backups, JSON that is not an object.
 */
import { UserDataError } from './errors';
import { jsonKind, notABackup, WHERE_BACKUPS_GO } from './file-kind';
import { LIMITS } from './limits';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`);

/** `what` names the kind of file in the messages: "a PortPilot backup", "a preset file". */
export function decodeJsonBytes(name: string, bytes: ArrayBuffer | Uint8Array, maxBytes: number, what: string): unknown {
  if (bytes.byteLength > maxBytes) {
    throw new UserDataError([`${name} is ${size(bytes.byteLength)}; ${what} is at most ${size(maxBytes)}. Is it the right file?`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserDataError([`${name} is not UTF-8 text. PortPilot's files are UTF-8 JSON; save the file as UTF-8 and try again.`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserDataError([`${name} is not JSON: ${(e as Error).message}`]);
  }
}

export function decodeBackupBytes(name: string, bytes: ArrayBuffer | Uint8Array): unknown {
  const json = decodeJsonBytes(name, bytes, LIMITS.backupBytes, 'a PortPilot backup');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const presets = notABackup(jsonKind(json), json);
    throw new UserDataError([presets ?? `${name} is not a PortPilot backup: it holds ${Array.isArray(json) ? 'a list' : typeof json}, not an object.`]);
  }
  return json;
}

/** A preset file for the editor; a backup gets told where it belongs. */
export function decodePresetBytes(name: string, bytes: ArrayBuffer | Uint8Array): unknown {
  const json = decodeJsonBytes(name, bytes, LIMITS.presetJsonChars, 'a preset file');
  const kind = jsonKind(json);
  if (kind === 'backup') throw new UserDataError([`${name} is a PortPilot backup, not a preset: ${WHERE_BACKUPS_GO}.`]);
  if (kind === 'preset-list') throw new UserDataError([`${name} holds ${(json as unknown[]).length} presets; the editor opens one preset at a time.`]);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UserDataError([`${name} is not a preset: it holds ${Array.isArray(json) ? 'a list' : typeof json}, not an object { … }.`]);
  }
  return json;
}

/** At most LIMITS.problemsShown lines, then how many more there are. */
export function problemsToShow(problems: string[]): string[] {
  if (problems.length <= LIMITS.problemsShown) return problems;
  return [...problems.slice(0, LIMITS.problemsShown), `… and ${problems.length - LIMITS.problemsShown} more`];
}
