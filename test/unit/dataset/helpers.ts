import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset, readIfExists, REPO_ROOT } from '../../../scripts/lib/dataset-fs.ts';
import type { Problem } from '../../../scripts/lib/problem.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';

export const FIXTURES = join(REPO_ROOT, 'test/fixtures/presets');
/** A fixed "today" so the future-date fixture stays in the future and nothing else does. */
export const TODAY = '2026-11-25';

/** The fixtures' own source registry: example.com is the "publisher" of the fixture presets. */
export const FIXTURE_SOURCES = { file: 'test/fixtures/presets/sources.json', text: readIfExists(join(FIXTURES, 'sources.json')) };

export function validateFixtureDir(name: 'good' | 'bad'): Problem[] {
  return validateDataset(readDataset(join(FIXTURES, name)), { today: TODAY, sources: FIXTURE_SOURCES });
}

export const readFixture = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');
