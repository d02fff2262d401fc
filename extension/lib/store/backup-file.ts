/**
 * From the file the user picked to parsed JSON, refusing early what should never reach the
 * parser: files too big to be a backup, text that is not UTF-8 (it would be stored with
 * replacement characters), and JSON that is not an object.
 */
import { UserDataError } from './errors';
import { jsonKind, notABackup } from './file-kind';
import { LIMITS } from './limits';

export function decodeBackupBytes(name: string, bytes: ArrayBuffer | Uint8Array): unknown {
  const size = bytes.byteLength;
  if (size > LIMITS.backupBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new UserDataError([`${name} is ${mb(size)} MB; a PortPilot backup is at most ${mb(LIMITS.backupBytes)} MB. Is it the right file?`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserDataError([`${name} is not UTF-8 text. PortPilot backups are UTF-8 JSON; export again or save the file as UTF-8.`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserDataError([`${name} is not JSON: ${(e as Error).message}`]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const presets = notABackup(jsonKind(json), json);
    throw new UserDataError([presets ?? `${name} is not a PortPilot backup: it holds ${Array.isArray(json) ? 'a list' : typeof json}, not an object.`]);
  }
  return json;
}

/** At most LIMITS.problemsShown lines, then how many more there are. */
export function problemsToShow(problems: string[]): string[] {
  if (problems.length <= LIMITS.problemsShown) return problems;
  return [...problems.slice(0, LIMITS.problemsShown), `… and ${problems.length - LIMITS.problemsShown} more`];
}
