/**
 * npm run validate [-- --dir <presets dir>] [--schema-file <file>] [--today YYYY-MM-DD]
 * Prints every problem as `file:line:col  json.path  message  (fix: …)` and exits 1 if there are any.
 * The directory can also come from $PORTPILOT_PRESETS_DIR.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset, readIfExists, REPO_ROOT, resolvePresetsDir, displayPath } from './lib/dataset-fs.ts';
import { JSON_SCHEMA_FILE } from './lib/json-schema.ts';
import { formatProblem, validateDataset } from './lib/validate-dataset.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'schema-file': { type: 'string' },
    'no-schema-file': { type: 'boolean', default: false },
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
const problems = validateDataset(files, {
  today: values.today,
  jsonSchema: values['no-schema-file'] ? undefined : { file: displayPath(schemaAbs), text: readIfExists(schemaAbs) },
});

for (const p of problems) console.log(formatProblem(p));
const inFiles = new Set(problems.map((p) => p.file)).size;
const summary = `${files.length} presets, ${problems.length} error${problems.length === 1 ? '' : 's'}`;
if (problems.length > 0) {
  console.log(`\n✖ ${summary} in ${inFiles} file${inFiles === 1 ? '' : 's'} (${displayPath(dir) || '.'})`);
  process.exit(1);
}
console.log(`✔ ${summary} (${displayPath(dir) || '.'})`);
