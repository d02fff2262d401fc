/** Edge cases of the composition and forwarding-policy checks (the main cases are fixtures in bad/). */
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../scripts/lib/canonical.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';

const network = {
  id: 'console-net',
  name: 'Console Net',
  category: 'console-network',
  platforms: {
    switch: { forward: [{ protocol: 'udp', ports: ['1-65535'], purpose: 'all UDP ports to the console', exclusive: true }] },
    pc: { forward: [{ protocol: 'udp', ports: ['3074'], purpose: 'party chat' }] },
  },
  verification: 'unverified',
  notes: 'The console wants every UDP port; only one device in the home can have this.',
};
const game = (platforms: object) => ({ id: 'a-game', name: 'A Game', category: 'game', platforms, verification: 'unverified' });
const run = (...presets: object[]) =>
  validateDataset(presets.map((p) => ({ file: `data/presets/${(p as { id: string }).id}.json`, text: canonicalText(p) })), { today: '2026-11-25' }).map((p) => `${p.file} ${p.path}: ${p.message}`);

describe('composition and forwarding policy', () => {
  it('accepts a whole-device exclusive range with a note, even though it spans never-forwarded ports', () => {
    expect(run(network)).toEqual([]);
  });

  it('a game that uses the network and also repeats its rules is told to drop the repeat', () => {
    const repeat = game({ switch: { forward: [{ protocol: 'udp', ports: ['1-65535'], purpose: 'copied', exclusive: true }], uses: ['console-net'] } });
    expect(run(network, { ...repeat, notes: 'x'.repeat(10) })).toEqual([
      'data/presets/a-game.json platforms.switch.forward: repeats the switch rules of console-net (Console Net), which "uses" already includes',
    ]);
  });

  it('does not call a PC game\'s own port a copy of a launcher\'s, and a reference alone is fine', () => {
    expect(run(network, game({ pc: { forward: [{ protocol: 'both', ports: ['3074'], purpose: 'game traffic' }] }, switch: { uses: ['console-net'] } }))).toEqual([]);
  });
});
