import { describe, expect, it } from 'vitest';
import { syntheticDataset, syntheticRegistry } from '../../../scripts/lib/synthetic.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';

describe('synthetic bench dataset', () => {
  it('is valid, so the bench measures the clean path', () => {
    expect(validateDataset(syntheticDataset(300), { today: '2026-01-01', sources: syntheticRegistry(300) })).toEqual([]);
  });
});
