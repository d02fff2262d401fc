/**
 * Search figures, side by side in one run on the same catalog and queries:
 * our search (prebuilt MiniSearch index + port table) against Fuse.js, the usual choice.
 * Budgets (issue 3): median ≤ 2 ms at 10k presets; ratio to Fuse ≤ 0.1.
 */
import Fuse from 'fuse.js';
import { buildSearchIndex } from '../../extension/lib/presets/bundle';
import { PresetSearch } from '../../extension/lib/presets/search';
import { queryMix, syntheticCatalog } from '../lib/synthetic-catalog';
import { medianMs, type Bench, type Figure } from './types';

function timings(fn: (q: string) => unknown, queries: readonly string[], rounds = 3): number[] {
  for (const q of queries) fn(q); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      fn(q);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const bench: Bench = {
  name: 'search',
  run() {
    const figures: Figure[] = [];
    for (const size of [1_000, 10_000]) {
      const catalog = syntheticCatalog(size);
      const indexJson = JSON.stringify(buildSearchIndex(catalog));
      const queries = queryMix(catalog);
      let search!: PresetSearch;
      const loadMs = medianMs(5, () => (search = PresetSearch.fromJSON(catalog, indexJson)));
      const ours = timings((q) => search.search(q), queries);

      const fuse = new Fuse(catalog, { keys: ['name', 'aliases', 'category'], threshold: 0.3, ignoreLocation: true });
      const theirs = timings((q) => fuse.search(q, { limit: 50 }), queries, 1);

      const tag = size === 1_000 ? '1k' : '10k';
      figures.push(
        { name: `search.median_ms@${tag}`, value: round(quantile(ours, 0.5)), unit: 'ms' },
        { name: `search.p95_ms@${tag}`, value: round(quantile(ours, 0.95)), unit: 'ms' },
        { name: `search.fuse_median_ms@${tag}`, value: round(quantile(theirs, 0.5)), unit: 'ms' },
        { name: `search.vs_fuse_ratio@${tag}`, value: round(quantile(ours, 0.5) / quantile(theirs, 0.5)), unit: 'x' },
        { name: `search.index_load_ms@${tag}`, value: loadMs, unit: 'ms' },
      );
    }
    return figures;
  },
};
export default bench;
