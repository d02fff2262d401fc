/** validate.ms@10k: the whole validator (with the source registry) over 10,000 synthetic presets in memory (budget ≤ 3000 ms on 2 cores). */
import { syntheticDataset, syntheticRegistry } from '../lib/synthetic.ts';
import { validateDataset } from '../lib/validate-dataset.ts';
import { medianMs, type Bench } from './types.ts';

const bench: Bench = {
  name: 'validate',
  run() {
    const files = syntheticDataset(10_000);
    const sources = syntheticRegistry(10_000); // every source is checked against the registry too
    let problems = 0;
    const ms = medianMs(5, () => {
      problems = validateDataset(files, { today: '2026-01-01', sources }).length;
    });
    if (problems !== 0) throw new Error(`synthetic dataset should be valid, got ${problems} problems`);
    return [{ name: 'validate.ms@10k', value: ms, unit: 'ms' }];
  },
};
export default bench;
