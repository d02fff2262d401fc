import { describe, expect, it } from 'vitest';
import { expandAll, expandCustom } from '../../../extension/lib/presets/expand';
import { rule, sourcePreset as preset } from '../../support/preset-factory';

const psn = preset('playstation-network', {
  platforms: { ps5: { forward: [rule('tcp', '3478-3480'), rule('udp', '3478-3479')] }, ps4: { forward: [rule('tcp', '3478-3480')] } },
});
const game = preset('some-game', {
  platforms: {
    pc: { forward: [rule('udp', '7777')] },
    ps5: { forward: [rule('udp', '7777'), rule('udp', '3478-3479')], uses: ['playstation-network'], natGoal: 'type-2' },
  },
});

describe('expanding `uses`', () => {
  const [, expandedGame] = expandAll([psn, game]);

  it('adds the referenced preset\'s rules for the same platform, marked with where they came from, without duplicates', () => {
    expect(expandedGame!.platforms.ps5).toEqual({
      forward: [rule('udp', '7777'), rule('udp', '3478-3479'), { ...rule('tcp', '3478-3480'), from: 'playstation-network' }],
      uses: ['playstation-network'],
      natGoal: 'type-2',
    });
    expect(expandedGame!.platforms.pc).toEqual({ forward: [rule('udp', '7777')] });
  });

  it('follows references through other presets and stops at a cycle', () => {
    const a = preset('a', { platforms: { pc: { forward: [rule('tcp', '1')], uses: ['b'] } } });
    const b = preset('b', { platforms: { pc: { forward: [rule('tcp', '2')], uses: ['c'] } } });
    const c = preset('c', { platforms: { pc: { forward: [rule('tcp', '3')], uses: ['a'] } } });
    const [ea] = expandAll([a, b, c]);
    expect(ea!.platforms.pc!.forward.map((r) => [r.ports[0], r.from])).toEqual([
      ['1', undefined],
      ['2', 'b'],
      ['3', 'c'],
    ]);
  });

  it('expands a user\'s preset against the shipped, already expanded ones', () => {
    const shipped = new Map(expandAll([psn, game]).map((p) => [p.id, p]));
    const mine = preset('my-game', { platforms: { ps4: { uses: ['playstation-network'] }, ps5: { uses: ['some-game'] } } });
    const [expanded] = expandCustom([mine], (id) => shipped.get(id));
    expect(expanded!.platforms.ps4!.forward).toEqual([{ ...rule('tcp', '3478-3480'), from: 'playstation-network' }]);
    expect(expanded!.platforms.ps5!.forward.map((r) => r.from)).toEqual(['some-game', 'some-game', 'playstation-network']);
  });

  it('a reference to nothing adds nothing (the validator reports it in data/)', () => {
    const [lonely] = expandAll([preset('lonely', { platforms: { pc: { uses: ['missing'] } } })]);
    expect(lonely!.platforms.pc!.forward).toEqual([]);
  });
});
