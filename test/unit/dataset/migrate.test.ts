import { describe, expect, it } from 'vitest';
import { isV1Preset, migratePreset } from '../../../data/migrate.ts';
import { presetSchema } from '../../../data/schema.ts';
import { canonicalText } from '../../../scripts/lib/canonical.ts';
import { formatProblem } from '../../../scripts/lib/problem.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';
import { readFixture, TODAY } from './helpers.ts';

describe('migration v1 → v2', () => {
  const v1 = JSON.parse(readFixture('v1/alpha-strike.json'));

  it('turns each platform\'s rule list into its forward list, and nothing else', () => {
    expect(isV1Preset(v1)).toBe(true);
    const v2 = migratePreset(v1);
    expect(isV1Preset(v2)).toBe(false);
    expect(v2.platforms).toEqual({ pc: { forward: v1.platforms.pc }, ps5: { forward: v1.platforms.ps5 } });
    const { platforms: _a, ...rest2 } = v2;
    const { platforms: _b, ...rest1 } = v1;
    expect(rest2).toEqual(rest1);
    expect(presetSchema.safeParse(v2).success).toBe(true);
  });

  it('writes exactly the v2 file the repository holds (what npm run migrate did to data/presets)', () => {
    expect(canonicalText(migratePreset(v1))).toBe(readFixture('good/alpha-strike.json'));
  });

  it('does not modify its input and leaves v2 presets and non-presets as they are', () => {
    const before = JSON.stringify(v1);
    migratePreset(v1);
    expect(JSON.stringify(v1)).toBe(before);
    const v2 = JSON.parse(readFixture('good/alpha-strike.json'));
    expect(migratePreset(v2)).toBe(v2);
    for (const other of [null, 3, 'x', [], {}, { platforms: null }]) expect(migratePreset(other)).toBe(other);
  });

  it('validate names a v1 file once, with the command that converts it', () => {
    const problems = validateDataset([{ file: 'data/presets/alpha-strike.json', text: readFixture('v1/alpha-strike.json') }], { today: TODAY });
    expect(problems.filter((p) => p.check === 'schema').map(formatProblem)).toEqual([
      'data/presets/alpha-strike.json:7:16  platforms  is in the v1 format (a list of rules per platform)  (fix: npm run migrate -- data/presets/alpha-strike.json, then npm run validate)',
    ]);
  });
});
