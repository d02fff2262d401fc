/**
 * npm run validate [-- --dir <presets dir>] [--schema-file <file>] [--sources <file>] [--today YYYY-MM-DD]
 * Prints every problem as `file:line:col  json.path  message  (fix: …)` and exits 1 if there are any,
 * then the presets by verification level. The source registry defaults to sources.json next to
 * the presets directory (data/sources.json).
 * The directory can also come from $PORTPILOT_PRESETS_DIR.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset, readIfExists, registryPathFor, REPO_ROOT, resolvePresetsDir, displayPath } from './lib/dataset-fs.ts';
import { countByVerification } from './lib/verification-counts.ts';
import { JSON_SCHEMA_FILE } from './lib/json-schema.ts';
import { formatProblem, validateDataset } from './lib/validate-dataset.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'schema-file': { type: 'string' },
    'no-schema-file': { type: 'boolean', default: false },
    sources: { type: 'string' },
    today: { type: 'string' },
  },
});

const dir = resolvePresetsDir(values.dir);
if (!existsSync(dir)) {
  console.error(`validate: no such directory: ${dir}`);
  process.exit(2);
}
const files = readDataset(dir);
const schemaAbs = values['schema-file'] ? resolve(values['schema-file']) : resolve(REPO_ROOT, JSON_SCHEMA_FILE);
const sourcesAbs = values.sources ? resolve(values.sources) : registryPathFor(dir);
const problems = validateDataset(files, {
  today: values.today,
  sources: { file: displayPath(sourcesAbs), text: readIfExists(sourcesAbs) },
  jsonSchema: values['no-schema-file'] ? undefined : { file: displayPath(schemaAbs), text: readIfExists(schemaAbs) },
});

for (const p of problems) console.log(formatProblem(p));
const inFiles = new Set(problems.map((p) => p.file)).size;
const summary = `${files.length} presets, ${problems.length} error${problems.length === 1 ? '' : 's'}`;
const levels = `  by verification: ${countByVerification(files)}`;
if (problems.length > 0) {
  console.log(`\n✖ ${summary} in ${inFiles} file${inFiles === 1 ? '' : 's'} (${displayPath(dir) || '.'})`);
  console.log(levels);
  process.exit(1);
}
console.log(`✔ ${summary} (${displayPath(dir) || '.'})`);
console.log(levels);
