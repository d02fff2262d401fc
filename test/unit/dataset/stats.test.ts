import { describe, expect, it } from 'vitest';
import { datasetStats, formatStats } from '../../../scripts/lib/dataset-stats.ts';

const file = (name: string, preset: object | string) => ({ file: `data/presets/${name}.json`, text: typeof preset === 'string' ? preset : JSON.stringify(preset) });

const files = [
  file('a', { category: 'game', verification: 'publisher', platforms: { pc: { forward: [], outbound: [{}, {}] }, ps5: { uses: ['psn'] } } }),
  file('b', { category: 'game', verification: 'unverified', platforms: { pc: { forward: [] } }, guidance: { nothingToForward: 'only connects out' } }),
  file('c', { category: 'vpn', verification: 'platform', platforms: { linux: { outbound: [{}] } } }),
  file('d', { category: 'vpn', verification: 'community', platforms: {} }),
  file('broken', '{ not json'),
];

describe('dataset stats (npm run stats)', () => {
  it('counts levels, the first-party share, outbound, uses and nothing-to-forward from the files', () => {
    const s = datasetStats(files);
    expect(s.presets).toBe(4);
    expect(s.skipped).toBe(1);
    expect(Object.fromEntries(s.byLevel)).toEqual({ platform: 1, publisher: 1, community: 1, unverified: 1 });
    expect(s.firstParty).toBe(2);
    expect(s.withOutbound).toBe(2);
    expect(s.outboundRules).toBe(3);
    expect(s.withUses).toBe(1);
    expect(s.nothingToForward).toBe(1);
    expect(Object.fromEntries(s.byCategory.get('vpn')!)).toEqual({ platform: 1, community: 1 });
  });

  it('prints a table per category with the share per row and overall', () => {
    const out = formatStats(datasetStats(files));
    expect(out).toMatch(/^game\s+0\s+1\s+0\s+1\s+2\s+50%$/m);
    expect(out).toMatch(/^all\s+1\s+1\s+1\s+1\s+4\s+50%$/m);
    expect(out).toContain('first-party source (platform or publisher): 2 of 4 (50%');
    expect(out).toContain('skipped (not JSON): 1');
  });
});
