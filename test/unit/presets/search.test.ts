import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type BundledRule } from '../../../extension/lib/presets/bundle';
import { PresetSearch, parseQuery, portScore } from '../../../extension/lib/presets/search';
import { preset, rule } from '../../support/preset-factory';

const presets = [
  preset('minecraft-java', {
    name: 'Minecraft: Java Edition',
    aliases: ['mc', 'minecraft java'],
    category: 'game-server',
    platforms: { pc: { forward: [rule('tcp', '25565')] }, server: { forward: [rule('tcp', '25565')] } },
  }),
  preset('minecraft-bedrock', {
    name: 'Minecraft: Bedrock Edition',
    aliases: ['bedrock'],
    platforms: { pc: { forward: [rule('udp', '19132-19133')] }, switch: { forward: [rule('udp', '19132')] } },
  }),
  preset('fortnite', { name: 'Fortnite', platforms: { pc: { forward: [rule('udp', '5222', '5795-5847')] } } }),
  preset('apex-legends', { name: 'Apex Legends', platforms: { ps5: { forward: [rule('udp', '37000-40000')] } } }),
  preset('xbox-network', {
    name: 'Xbox network',
    aliases: ['xbox live'],
    category: 'console-network',
    platforms: { 'xbox-series': { forward: [rule('both', '3074'), rule('udp', '88', '500')] } },
  }),
  preset('cod-mw3', {
    name: 'Call of Duty: Modern Warfare III',
    aliases: ['mw3'],
    platforms: { pc: { forward: [rule('udp', '3074-3079')] }, ps5: { forward: [rule('both', '3074')] } },
  }),
  preset('counter-strike-2-server', {
    name: 'Counter-Strike 2 dedicated server',
    category: 'game-server',
    platforms: { server: { forward: [rule('both', '27015-27030')] } },
  }),
  preset('mc-tools', { name: 'MC Tools', aliases: [], platforms: { pc: { forward: [rule('tcp', '8080')] } } }),
  preset('steam-client', {
    name: 'Steam Client',
    category: 'launcher',
    platforms: { pc: { forward: [rule('udp', '27031-27036')], outbound: [{ protocol: 'udp', ports: ['27014-27030', '4380'], purpose: 'Valve servers' }] } },
  }),
];

function searcher() {
  // Same path as the popup: the index is serialised at build time and loaded back.
  return PresetSearch.fromJSON(presets, JSON.stringify(buildSearchIndex(presets)));
}
const ids = (hits: { preset: { id: string } }[]) => hits.map((h) => h.preset.id);

describe('parseQuery', () => {
  it('splits ports, protocol and words', () => {
    expect(parseQuery('TCP 25565 minecraft')).toEqual({ text: 'minecraft', words: '25565 minecraft', ports: [25565], protocol: 'tcp' });
    expect(parseQuery('70000 x')).toEqual({ text: '70000 x', words: '70000 x', ports: [], protocol: undefined });
  });
});

describe('PresetSearch', () => {
  const s = searcher();

  it('never finds a preset by a port it only connects out to', () => {
    expect(ids(s.search('4380'))).toEqual([]);
    expect(ids(s.search('27031'))).toEqual(['steam-client']);
    expect(ids(s.search('27020'))).toEqual(['counter-strike-2-server']); // Steam's outbound 27014-27030 is not a match
  });

  it('finds by name prefix while typing', () => {
    expect(ids(s.search('minec'))).toEqual(expect.arrayContaining(['minecraft-java', 'minecraft-bedrock']));
    expect(ids(s.search('apex l'))).toEqual(['apex-legends']);
  });

  it('tolerates typos', () => {
    expect(ids(s.search('minecarft'))).toContain('minecraft-java');
    expect(ids(s.search('fortnight'))).toContain('fortnite');
  });

  it('finds by alias and category and platform words', () => {
    expect(ids(s.search('mw3'))[0]).toBe('cod-mw3');
    expect(ids(s.search('console network'))).toEqual(['xbox-network']);
    expect(ids(s.search('switch'))).toEqual(['minecraft-bedrock']);
  });

  it('finds every preset using a port, including inside ranges', () => {
    expect(ids(s.search('3074')).sort()).toEqual(['cod-mw3', 'xbox-network']);
    expect(ids(s.search('27016'))).toEqual(['counter-strike-2-server']);
    expect(ids(s.search('5800'))).toEqual(['fortnite']);
    expect(ids(s.search('5848'))).toEqual([]);
  });

  it('ranks a rule naming the port above a range around it', () => {
    const more = [...presets, preset('aaa-wide', { name: 'AAA Wide Range', platforms: { pc: { forward: [rule('udp', '3000-3999')] } } })];
    const t = PresetSearch.fromJSON(more, JSON.stringify(buildSearchIndex(more)));
    // Equally exact: the console network's own preset leads the game that also lists the port.
    expect(ids(t.search('3074'))).toEqual(['xbox-network', 'cod-mw3', 'aaa-wide']);
  });

  it('ranks a game that only includes a console network\'s rule below games that list the port themselves', () => {
    const included = { ...rule('both', '3074'), from: 'xbox-network' };
    const more = [...presets, preset('aaa-halo', { name: 'AAA Halo', platforms: { 'xbox-series': { forward: [included], uses: ['xbox-network'] } } })];
    const t = PresetSearch.fromJSON(more, JSON.stringify(buildSearchIndex(more)));
    expect(ids(t.search('3074'))).toEqual(['xbox-network', 'cod-mw3', 'aaa-halo']);
  });

  it('narrows a port by protocol ("both" counts as either)', () => {
    expect(ids(s.search('tcp 3074')).sort()).toEqual(['cod-mw3', 'xbox-network']);
    expect(ids(s.search('tcp 3076'))).toEqual([]);
    expect(ids(s.search('udp 3076'))).toEqual(['cod-mw3']);
    expect(ids(s.search('udp 3074')).sort()).toEqual(['cod-mw3', 'xbox-network']);
    expect(ids(s.search('udp 25565'))).toEqual([]);
    expect(ids(s.search('tcp 25565'))).toEqual(['minecraft-java']);
  });

  it('combines words and ports', () => {
    expect(ids(s.search('minecraft 19132'))).toEqual(['minecraft-bedrock']);
  });

  it('reads numbers in names as names too', () => {
    const more = [...presets, preset('battlefield-2042', { name: 'Battlefield 2042', platforms: { pc: { forward: [rule('udp', '25200-25300')] } } })];
    const t = PresetSearch.fromJSON(more, JSON.stringify(buildSearchIndex(more)));
    expect(ids(t.search('battlefield 2042'))).toEqual(['battlefield-2042']);
    expect(ids(t.search('2042'))).toEqual(['battlefield-2042']);
    expect(ids(t.search('counter 2'))).toEqual(['counter-strike-2-server']);
  });

  it('filters by platform group', () => {
    expect(ids(s.search('minecraft', { platform: 'switch' }))).toEqual(['minecraft-bedrock']);
    expect(ids(s.search('3074', { platform: 'playstation' }))).toEqual(['cod-mw3']);
    // The port must be on a rule of the filtered platform, not any platform of the preset.
    expect(ids(s.search('3075', { platform: 'playstation' }))).toEqual([]);
  });

  it('ranks exact name/alias first, then favorites, then recents, then the rest', () => {
    const hits = s.search('mc', { favorites: new Set(['mc-tools']) });
    expect(hits[0]).toMatchObject({ preset: { id: 'minecraft-java' }, tier: 'exact' });
    expect(hits[1]).toMatchObject({ preset: { id: 'mc-tools' }, tier: 'favorite' });

    const recent = s.search('minecraft', { recents: ['minecraft-bedrock'] });
    expect(ids(recent)).toEqual(['minecraft-bedrock', 'minecraft-java']);
    expect(recent[0]!.tier).toBe('recent');
  });

  it('browses favorites and recents first on an empty query', () => {
    const hits = s.search('', { favorites: new Set(['fortnite']), recents: ['apex-legends', 'fortnite'] });
    expect(ids(hits).slice(0, 2)).toEqual(['fortnite', 'apex-legends']);
    expect(hits).toHaveLength(presets.length);
  });

  it('includes custom presets added at run time', () => {
    const t = searcher();
    t.addPresets([preset('my-game', { name: 'My Secret Game', platforms: { pc: { forward: [rule('udp', '40001')] } } })]);
    expect(ids(t.search('secret'))).toEqual(['my-game']);
    expect(ids(t.search('40001'))).toEqual(['my-game']);
  });
});

describe('port queries rank by how precisely a rule names the port', () => {
  const psn = preset('psn', {
    name: 'PlayStation Network',
    category: 'console-network',
    platforms: { ps5: { forward: [{ protocol: 'tcp', ports: ['3478-3480'], purpose: 'PSN connection' }, { protocol: 'udp', ports: ['3478-3479'], purpose: 'PSN NAT traversal' }] } },
  });
  const xbox = preset('xbox-net', {
    name: 'Xbox network',
    category: 'console-network',
    platforms: { 'xbox-series': { forward: [{ protocol: 'both', ports: ['3074'], purpose: 'Xbox network game traffic' }] } },
  });
  const xboxApp = preset('xbox-app', { name: 'Xbox app', category: 'launcher', platforms: { pc: { forward: [{ protocol: 'udp', ports: ['3074'], purpose: 'Party chat' }] } } });
  const anyGame = (id: string, forward: BundledRule[], platform: 'pc' | 'ps5' | 'switch' | 'xbox-series' = 'pc') =>
    preset(id, { name: id.toUpperCase(), platforms: { [platform]: { forward } } });
  const catalog = [
    // Alphabetically first on purpose: ties used to be broken by name.
    anyGame('aa-switch-game', [{ protocol: 'udp', ports: ['1-65535'], purpose: 'Nintendo Switch Online', from: 'nso' }], 'switch'),
    anyGame('ab-coturn', [{ protocol: 'both', ports: ['3478'], purpose: 'STUN and TURN' }]),
    anyGame('ac-wide', [{ protocol: 'udp', ports: ['3000-3999'], purpose: 'Game traffic' }]),
    anyGame('ad-cod', [{ protocol: 'both', ports: ['3074'], purpose: 'Call of Duty game traffic' }]),
    anyGame('ae-halo', [{ protocol: 'both', ports: ['3074'], purpose: 'Xbox network game traffic', from: 'xbox-net' }], 'xbox-series'),
    anyGame('af-ps-game', [{ protocol: 'udp', ports: ['3478-3479'], purpose: 'PSN NAT traversal', from: 'psn' }], 'ps5'),
    anyGame('ag-voip', [{ protocol: 'udp', ports: ['10000-20000'], purpose: 'Media' }]),
    psn,
    xbox,
    xboxApp,
  ];
  const s = PresetSearch.fromJSON(catalog, JSON.stringify(buildSearchIndex(catalog)));

  it('puts the console network first, then launchers, then games naming the port, then games including it, then ranges', () => {
    expect(ids(s.search('3074'))).toEqual(['xbox-net', 'xbox-app', 'ad-cod', 'ae-halo', 'ac-wide']);
    expect(ids(s.search('3478'))).toEqual(['psn', 'ab-coturn', 'af-ps-game', 'ac-wide']);
  });

  it('never counts a rule forwarding the whole protocol as a match for a port', () => {
    expect(ids(s.search('25565'))).toEqual([]);
    expect(ids(s.search('15000'))).toEqual(['ag-voip']); // a wide range is still a (last-class) match
    expect(ids(s.search('udp'))).toContain('aa-switch-game'); // a protocol alone still lists it
  });

  it('scores classes before bonuses: a game naming the port beats a console network\'s wide range', () => {
    expect(portScore(1, 'game', false)).toBeGreaterThan(portScore(11, 'console-network', false));
    expect(portScore(11, 'game', true)).toBeGreaterThan(portScore(1001, 'console-network', false));
    expect(portScore(1, 'game', false)).toBeGreaterThan(portScore(1, 'game', true));
    // Among equals, a popular preset (the port's well-known owner) leads; never over a narrower class.
    expect(portScore(1, 'game-server', false, true)).toBeGreaterThan(portScore(1, 'game-server', false));
    expect(portScore(11, 'game', false, true)).toBeLessThan(portScore(10, 'game', false));
  });

  it('says which rules matched, best first, with their platforms and where an included rule comes from', () => {
    const [first] = s.search('3478');
    expect(first!.matched).toEqual([
      { platforms: ['ps5'], protocol: 'udp', ports: '3478-3479', purpose: 'PSN NAT traversal' },
      { platforms: ['ps5'], protocol: 'tcp', ports: '3478-3480', purpose: 'PSN connection' },
    ]);
    expect(s.search('3074').find((h) => h.preset.id === 'ae-halo')!.matched).toEqual([
      { platforms: ['xbox-series'], protocol: 'both', ports: '3074', purpose: 'Xbox network game traffic', from: 'xbox-net' },
    ]);
    expect(s.search('xbox network')[0]!.matched).toEqual([]); // a name search has no matched rule
  });

  it('filters by one platform as well as by a group', () => {
    expect(ids(s.search('3478', { platform: 'ps5' }))).toEqual(['psn', 'af-ps-game']);
    expect(ids(s.search('3074', { platform: 'pc' }))).toEqual(['xbox-app', 'ad-cod', 'ac-wide']);
  });

  it('ranks a bare port by precision even over favorites', () => {
    expect(ids(s.search('3074', { favorites: new Set(['ac-wide']) }))[0]).toBe('xbox-net');
  });
});

describe('relevance floor', () => {
  const s = searcher();

  it('returns nothing rather than presets that share one word of several', () => {
    expect(ids(s.search('escape from tarkov'))).toEqual([]);
    expect(ids(s.search('xyzzy minecraft'))).toEqual([]);
    // Most of the words match: still a result.
    expect(ids(s.search('minecraft java xyzzy'))).toEqual(['minecraft-java']);
  });

  it('reads words typed apart as one word of the name', () => {
    const t = PresetSearch.fromJSON([...presets, preset('palworld', { name: 'Palworld Dedicated Server' })], JSON.stringify(buildSearchIndex([...presets, preset('palworld', { name: 'Palworld Dedicated Server' })])));
    expect(ids(t.search('pal world'))).toEqual(['palworld']);
    expect(ids(t.search('fort nite'))).toEqual(['fortnite']);
  });
});

describe('custom presets', () => {
  const impostor = preset('my-xbox', { name: 'XBOX Network™', platforms: { 'xbox-series': { forward: [rule('both', '3074')] } } });
  const mine = preset('my-game', { name: 'My Secret Game', platforms: { pc: { forward: [rule('udp', '40001')] } } });

  it('are marked custom; shipped ones are not', () => {
    const t = searcher();
    t.addPresets([mine]);
    expect(t.search('secret')[0]).toMatchObject({ preset: { id: 'my-game' }, custom: true });
    expect(t.search('fortnite')[0]).toMatchObject({ custom: false });
    expect(t.isCustom('my-game')).toBe(true);
    expect(t.isCustom('fortnite')).toBe(false);
  });

  it('never outrank a shipped preset of the same name, even as a favorite or on an exact match', () => {
    const t = searcher();
    t.addPresets([impostor]);
    const fav = new Set(['my-xbox']);
    expect(ids(t.search('xbox network', { favorites: fav }))).toEqual(['xbox-network', 'my-xbox']);
    expect(ids(t.search('3074', { favorites: fav })).slice(0, 2)).toEqual(['xbox-network', 'my-xbox']);
    expect(ids(t.search('', { favorites: fav, recents: ['my-xbox'] })).indexOf('my-xbox')).toBe(ids(t.search('', { favorites: fav })).indexOf('xbox-network') + 1);
  });

  it('cannot take a shipped preset\'s id', () => {
    const t = searcher();
    t.addPresets([{ ...impostor, id: 'xbox-network' }]);
    expect(t.byId('xbox-network')!.name).toBe('Xbox network');
    expect(t.size).toBe(presets.length);
  });
});
