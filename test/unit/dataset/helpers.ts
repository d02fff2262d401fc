import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset, REPO_ROOT } from '../../../scripts/lib/dataset-fs.ts';
import type { Problem } from '../../../scripts/lib/problem.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';

export const FIXTURES = join(REPO_ROOT, 'test/fixtures/presets');
/** A fixed "today" so the future-date fixture stays in the future and nothing else does. */
export const TODAY = '2026-11-25';

export function validateFixtureDir(name: 'good' | 'bad'): Problem[] {
  return validateDataset(readDataset(join(FIXTURES, name)), { today: TODAY });
}

export const readFixture = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');
