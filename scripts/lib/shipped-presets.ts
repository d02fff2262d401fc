/**
 * The dataset as the extension and the npm package ship it: every file parsed with the schema,
 * `uses` references expanded, sorted by id. Stops on the first bad file (validate explains).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { presetSchema } from '../../data/schema';
import { expandAll, type BundledPreset, type SourcePreset } from '../../extension/lib/presets/bundle';
import { REPO_ROOT } from './dataset-fs';

export const PRESETS_DIR = path.join(REPO_ROOT, 'data/presets');

export interface ShippedDataset {
  /** File name → the file's text, as in data/presets. */
  files: Map<string, string>;
  sources: SourcePreset[];
  presets: BundledPreset[];
}

export async function loadShippedDataset(dir = PRESETS_DIR): Promise<ShippedDataset> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const files = new Map<string, string>();
  const sources = await Promise.all(
    names.map(async (file) => {
      const text = await readFile(path.join(dir, file), 'utf8');
      files.set(file, text);
      const parsed = presetSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`data/presets/${file} is invalid: run npm run validate for details`);
      return parsed.data;
    }),
  );
  const presets = expandAll(sources).sort((a, b) => a.id.localeCompare(b.id));
  return { files, sources, presets };
}
