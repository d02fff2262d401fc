/** npm run schema: writes data/preset.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readIfExists, REPO_ROOT } from './lib/dataset-fs.ts';
import { generateJsonSchemaText, JSON_SCHEMA_FILE } from './lib/json-schema.ts';

const target = resolve(REPO_ROOT, JSON_SCHEMA_FILE);
const text = generateJsonSchemaText();
if (readIfExists(target) === text) {
  console.log(`${JSON_SCHEMA_FILE} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${JSON_SCHEMA_FILE}`);
}
