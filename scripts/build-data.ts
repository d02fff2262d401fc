/**
 * data/presets/*.json → the files the extension ships:
 *   build/public/data/presets.json       every preset, as one array (sorted by id), with each
 *                                        platform's `uses` expanded into its forward rules
 *   build/public/data/search-index.json  a MiniSearch index built here, so the popup loads it
 *                                        instead of indexing at every opening
 * Run after `npm run validate`: this script parses with the schema and stops on the first bad file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_FILES, buildSearchIndex } from '../extension/lib/presets/bundle';
import { REPO_ROOT } from './lib/dataset-fs';
import { loadShippedDataset } from './lib/shipped-presets';

const outDir = path.join(REPO_ROOT, 'build/public');
// `uses` references become the rules they stand for, marked with where they came from.
const { presets } = await loadShippedDataset();

const presetsJson = JSON.stringify(presets);
const indexJson = JSON.stringify(buildSearchIndex(presets));
await mkdir(path.join(outDir, 'data'), { recursive: true });
await writeFile(path.join(outDir, BUNDLE_FILES.presets), presetsJson);
await writeFile(path.join(outDir, BUNDLE_FILES.index), indexJson);
const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(1);
console.log(`build:data: ${presets.length} presets → ${BUNDLE_FILES.presets} (${kb(presetsJson)} kB), ${BUNDLE_FILES.index} (${kb(indexJson)} kB)`);
