import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../scripts/lib/canonical.ts';
import { mergeRanges } from '../../../scripts/lib/checks/ports.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';

type Rule = { protocol: string; ports: string[]; purpose: string };
const check = (rules: Rule[]) => {
  const preset = { id: 'p', name: 'Port Case', category: 'game', platforms: { pc: { forward: rules } }, verification: 'unverified' };
  return validateDataset([{ file: 'data/presets/p.json', text: canonicalText(preset) }]).map((p) => ({ path: p.path, message: p.message, fix: p.fix }));
};

describe('ports: duplicates and overlaps inside one platform', () => {
  it('tcp and udp on the same port do not overlap', () => {
    expect(check([{ protocol: 'tcp', ports: ['3074'], purpose: 'game' }, { protocol: 'udp', ports: ['3074'], purpose: 'game' }])).toEqual([]);
  });

  it('adjacent ranges do not overlap', () => {
    expect(check([{ protocol: 'udp', ports: ['3000-3010', '3011-3020'], purpose: 'game' }])).toEqual([]);
  });

  it('overlapping ports inside one rule suggest the merged rule', () => {
    expect(check([{ protocol: 'udp', ports: ['3000-3010', '3005-3020'], purpose: 'game' }])).toEqual([
      {
        path: 'platforms.pc.forward[0].ports[1]',
        message: '"3005-3020" (udp) overlaps "3000-3010" (udp) at platforms.pc.forward[0].ports[0]',
        fix: 'merge the ports of this rule: {"protocol":"udp","ports":["3000-3020"],"purpose":"game"}',
      },
    ]);
  });

  it('"both" overlaps "both" once, not once per protocol', () => {
    const found = check([{ protocol: 'both', ports: ['3074'], purpose: 'game' }, { protocol: 'both', ports: ['3074', '3478'], purpose: 'voice' }]);
    expect(found).toEqual([
      {
        path: 'platforms.pc.forward[1].ports[0]',
        message: 'duplicate port "3074" (both), already at platforms.pc.forward[0].ports[0]',
        fix: 'merge the two rules into one: {"protocol":"both","ports":["3074","3478"],"purpose":"game"}',
      },
    ]);
  });

  it('a udp rule wholly inside a "both" rule is redundant', () => {
    const [p] = check([{ protocol: 'both', ports: ['3070-3080'], purpose: 'game' }, { protocol: 'udp', ports: ['3074'], purpose: 'voice' }]);
    expect(p?.fix).toBe('the "both" rule at platforms.pc.forward[0] already covers udp 3074: remove the udp rule at platforms.pc.forward[1]');
  });

  it('mergeRanges joins overlapping and adjacent ranges', () => {
    expect(mergeRanges([{ start: 10, end: 20 }, { start: 1, end: 5 }, { start: 6, end: 8 }, { start: 15, end: 30 }])).toEqual([
      { start: 1, end: 8 },
      { start: 10, end: 30 },
    ]);
  });
});
