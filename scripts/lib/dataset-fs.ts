/** The only place the scripts touch the file system for presets. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetFile } from './checks/context.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PRESETS_DIR = 'data/presets';

/** A path as shown in messages: relative to the repo root, forward slashes. */
export const displayPath = (abs: string) => relative(REPO_ROOT, abs).split(sep).join('/');

/** Absolute presets directory: `--dir` argument, else $PORTPILOT_PRESETS_DIR, else data/presets. */
export function resolvePresetsDir(dirArg?: string): string {
  return resolve(dirArg ? process.cwd() : REPO_ROOT, dirArg ?? process.env.PORTPILOT_PRESETS_DIR ?? DEFAULT_PRESETS_DIR);
}

/** The source registry that belongs to a presets directory: sources.json next to it (data/sources.json for data/presets). */
export const registryPathFor = (presetsDir: string) => join(dirname(presetsDir), 'sources.json');

export function presetPaths(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

export function readDataset(dir: string): DatasetFile[] {
  return presetPaths(dir).map((abs) => ({ file: displayPath(abs), text: readFileSync(abs, 'utf8') }));
}

export function readIfExists(abs: string): string | null {
  return existsSync(abs) ? readFileSync(abs, 'utf8') : null;
}
