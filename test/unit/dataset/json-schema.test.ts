import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonSchemaFile } from '../../../scripts/lib/checks/json-schema-file.ts';
import { REPO_ROOT } from '../../../scripts/lib/dataset-fs.ts';
import { generateJsonSchema, generateJsonSchemaText, JSON_SCHEMA_FILE } from '../../../scripts/lib/json-schema.ts';
import { formatProblem } from '../../../scripts/lib/problem.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';
import { readFixture } from './helpers.ts';

describe('data/preset.schema.json', () => {
  it('is generated from zod with a title, and the output is stable', () => {
    expect(generateJsonSchema().title).toBe('PortPilot preset');
    expect(generateJsonSchemaText()).toBe(generateJsonSchemaText());
  });

  it('is committed up to date (npm run schema)', () => {
    const text = readFileSync(join(REPO_ROOT, JSON_SCHEMA_FILE), 'utf8');
    expect(checkJsonSchemaFile({ file: JSON_SCHEMA_FILE, text })).toEqual([]);
  });

  it('reports a stale schema at its first difference, with the fix', () => {
    const problems = validateDataset([], { jsonSchema: { file: 'data/preset.schema.json', text: readFixture('preset.schema.stale.json') } });
    expect(problems.map(formatProblem)).toEqual([
      'data/preset.schema.json:3:29  $  is out of date with data/schema.ts (first difference here)  (fix: npm run schema)',
    ]);
  });

  it('reports a missing schema file', () => {
    const [p] = checkJsonSchemaFile({ file: 'data/preset.schema.json', text: null });
    expect(p?.message).toMatch(/is missing/);
    expect(p?.fix).toBe('npm run schema');
  });
});
