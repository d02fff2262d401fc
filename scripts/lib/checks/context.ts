import type { FormatChange } from '../canonical.ts';
import type { SourceLookup } from '../source-registry.ts';
import type { JsonDocument, Position } from '../json-source.ts';
import { formatJsonPath, type JsonPath, type Problem } from '../problem.ts';

export interface DatasetFile {
  /** Path relative to the repo root, e.g. `data/presets/halo-infinite.json`. */
  file: string;
  text: string;
}

export interface ParsedPreset extends DatasetFile {
  doc: JsonDocument;
  /** The parsed JSON value (not yet checked against the schema). */
  value: unknown;
  /** What `npm run format` would write, and the changes it would make to get there. */
  canonical: { text: string; changes: FormatChange[] };
  /** Keys repeated in one object (reported by the json check; the formatter keeps the last). */
  duplicateKeys: number;
}

export interface CheckContext {
  presets: ParsedPreset[];
  /** Today as YYYY-MM-DD; dates after it are in the future. */
  today: string;
  /** data/sources.json, when it was given and is usable; checks that need it skip otherwise. */
  sources?: { file: string; lookup: SourceLookup };
}

/** A linter for one concern. It sees every parsed file and must not stop at the first problem. */
export interface Check {
  name: string;
  run(ctx: CheckContext): Problem[];
}

export function problemAt(
  check: string,
  file: string,
  where: Position,
  path: JsonPath,
  message: string,
  fix: string,
): Problem {
  return { file, line: where.line, col: where.col, path: formatJsonPath(path), message, fix, check };
}

/** A problem at a JSON path of a parsed preset (at the key with `key: true`). */
export function presetProblem(
  check: string,
  preset: ParsedPreset,
  path: JsonPath,
  message: string,
  fix: string,
  options?: { key?: boolean },
): Problem {
  return problemAt(check, preset.file, preset.doc.locate(path, options), path, message, fix);
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The preset file's name without directory and `.json`. */
export const fileStem = (file: string) => file.replace(/^.*\//, '').replace(/\.json$/i, '');

/** Every source list of a preset: the preset's own, then each forward rule's. */
export function sourceLists(value: unknown): { path: JsonPath; sources: unknown[] }[] {
  if (!isObj(value)) return [];
  const out: { path: JsonPath; sources: unknown[] }[] = [];
  if (Array.isArray(value.sources)) out.push({ path: ['sources'], sources: value.sources });
  if (isObj(value.platforms)) {
    for (const [platform, entry] of Object.entries(value.platforms)) {
      if (!isObj(entry) || !Array.isArray(entry.forward)) continue;
      entry.forward.forEach((rule, i) => {
        if (isObj(rule) && Array.isArray(rule.sources)) out.push({ path: ['platforms', platform, 'forward', i, 'sources'], sources: rule.sources });
      });
    }
  }
  return out;
}
