/**
 * npm run migrate [-- --dir <presets dir>] [files…]
 * Rewrites v1 preset files (a list of rules per platform) in the v2 format, in canonical form.
 * Files already in v2 and files that are not valid JSON are left alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isV1Preset, migratePreset } from '../data/migrate.ts';
import { canonicalText } from './lib/canonical.ts';
import { displayPath, presetPaths, resolvePresetsDir } from './lib/dataset-fs.ts';
import { parseJsonDocument } from './lib/json-source.ts';

const { values, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true });
const paths = positionals.length > 0 ? positionals.map((p) => resolve(p)) : presetPaths(resolvePresetsDir(values.dir));

let migrated = 0;
for (const abs of paths) {
  const parsed = parseJsonDocument(readFileSync(abs, 'utf8'));
  if (!parsed.ok || !isV1Preset(parsed.doc.value)) continue;
  writeFileSync(abs, canonicalText(migratePreset(parsed.doc.value)));
  console.log(`migrated ${displayPath(abs)}`);
  migrated++;
}
console.log(`${paths.length} files, ${migrated} migrated to v2`);
