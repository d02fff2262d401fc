/**
 * data/presets/*.json → the files the extension ships:
 *   build/public/data/presets.json       every preset, as one array (sorted by id), with each
 *                                        platform's `uses` expanded into its forward rules
 *   build/public/data/search-index.json  a MiniSearch index built here, so the popup loads it
 *                                        instead of indexing at every opening
 * Run after `npm run validate`: this script parses with the schema and stops on the first bad file.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { presetSchema } from '../data/schema';
import { BUNDLE_FILES, buildSearchIndex, expandAll } from '../extension/lib/presets/bundle';

const root = path.resolve(import.meta.dirname, '..');
const presetsDir = path.join(root, 'data/presets');
const outDir = path.join(root, 'build/public');

const files = (await readdir(presetsDir)).filter((f) => f.endsWith('.json')).sort();
const sources = await Promise.all(
  files.map(async (file) => {
    const parsed = presetSchema.safeParse(JSON.parse(await readFile(path.join(presetsDir, file), 'utf8')));
    if (!parsed.success) {
      throw new Error(`data/presets/${file} is invalid: run npm run validate for details`);
    }
    return parsed.data;
  }),
);
// `uses` references become the rules they stand for, marked with where they came from.
const presets = expandAll(sources);
presets.sort((a, b) => a.id.localeCompare(b.id));

const presetsJson = JSON.stringify(presets);
const indexJson = JSON.stringify(buildSearchIndex(presets));
await mkdir(path.join(outDir, 'data'), { recursive: true });
await writeFile(path.join(outDir, BUNDLE_FILES.presets), presetsJson);
await writeFile(path.join(outDir, BUNDLE_FILES.index), indexJson);
const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(1);
console.log(`build:data: ${presets.length} presets → ${BUNDLE_FILES.presets} (${kb(presetsJson)} kB), ${BUNDLE_FILES.index} (${kb(indexJson)} kB)`);
