import { describe, expect, test } from 'vitest';
import { planRule, plannedRulesFromPreset, ruleName, rulesFromPreset } from '../../../extension/lib/apply/plan';
import type { RouterRule } from '../../../extension/lib/apply/types';
import type { ExistingRule } from '../../../extension/lib/routers/generic/table';
import type { Preset } from '../../../data/schema';

const preset: Preset = {
  id: 'cod',
  name: 'Call of Duty®: Modern Warfare III — Ünïcode',
  aliases: [],
  category: 'game',
  platforms: {
    ps5: {
      forward: [
        { protocol: 'tcp', ports: ['3074', '27014-27050'], purpose: 'online play' },
        { protocol: 'udp', ports: ['3074', '3478-3479'], purpose: 'online play' },
        { protocol: 'both', ports: ['9000'], purpose: 'host a lobby', hostOnly: true },
      ],
    },
  },
  verification: 'unverified',
  sources: [],
};

describe('rulesFromPreset', () => {
  const rules = rulesFromPreset(preset, 'ps5', '192.168.1.30');
  test('one rule per port spec, internal = external', () => {
    expect(rules.map((r) => [r.protocol, r.externalStart, r.externalEnd, r.internalStart, r.internalEnd])).toEqual([
      ['tcp', 3074, 3074, 3074, 3074],
      ['tcp', 27014, 27050, 27014, 27050],
      ['udp', 3074, 3074, 3074, 3074],
      ['udp', 3478, 3479, 3478, 3479],
      ['both', 9000, 9000, 9000, 9000],
    ]);
    expect(rules.every((r) => r.ip === '192.168.1.30' && r.enabled)).toBe(true);
  });
  test('names: ASCII, at most 20 chars, unique', () => {
    for (const r of rules) {
      expect(r.name.length).toBeLessThanOrEqual(20);
      expect(r.name).toMatch(/^[A-Za-z0-9 -]+$/);
    }
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    expect(rules[0]!.name).toBe('Call of Duty 3074T'); // never "Call Duty"
  });
  test('hostOnly rules can be left out; unknown platform gives none', () => {
    expect(rulesFromPreset(preset, 'ps5', '192.168.1.30', { skipHostOnly: true })).toHaveLength(4);
    expect(rulesFromPreset(preset, 'switch', '192.168.1.30')).toEqual([]);
  });
  test('internal ports as the rule gives them; optional rules only when chosen; duplicates applied once', () => {
    const v2 = {
      name: 'Plex Media Server',
      shortName: 'Plex',
      platforms: {
        server: {
          forward: [
            { protocol: 'tcp' as const, ports: ['32400', '8000-8009'], internal: ['32400', '9000-9009'], purpose: 'remote streaming' },
            { protocol: 'udp' as const, ports: ['1900'], purpose: 'discovery', optional: 'Only on a flat network' },
            { protocol: 'tcp' as const, ports: ['32400'], purpose: 'again, from an included preset' },
            { protocol: 'both' as const, ports: ['8000-8009'], internal: ['9000-9009'], purpose: 'both protocols', exclusive: true },
          ],
        },
      },
    };
    const rows = (optional?: Set<number>) =>
      plannedRulesFromPreset(v2, 'server', '192.168.1.5', { optional }).map(({ rule: r, exclusive }) => `${r.name} ${r.protocol} ${r.externalStart}-${r.externalEnd}>${r.internalStart}-${r.internalEnd}${exclusive ? ' exclusive' : ''}`);
    expect(rows()).toEqual(['Plex 32400 tcp 32400-32400>32400-32400', 'Plex 8000 both 8000-8009>9000-9009 exclusive']);
    expect(rows(new Set([1]))).toHaveLength(3);
    expect(rulesFromPreset(v2, 'server', '192.168.1.5', { optional: new Set([1]) })[2]).toMatchObject({ protocol: 'udp', externalStart: 1900, internalStart: 1900 });
  });
  test('ruleName: the whole label when it fits, else words dropped from the end only', () => {
    expect(ruleName('CoD BO6', '3074')).toBe('CoD BO6 3074');
    expect(ruleName('7DTD Server', '26900T')).toBe('7DTD Server 26900T'); // a short name is kept whole
    expect(ruleName('Minecraft: Java Edition', '25565')).toBe('Minecraft Java 25565'); // trailing "Edition" goes first
    expect(ruleName('DayZ Dedicated Server', '2302')).toBe('DayZ 2302');
    // Never "Call Duty": a middle word is never dropped, and no name ends on "of".
    expect(ruleName('Call of Duty: Modern Warfare III', '3074')).toBe('Call of Duty 3074');
    expect(ruleName('Call of Duty: Modern Warfare III', '3074', 12)).toBe('Call 3074');
    expect(ruleName('Mumble Server (Murmur)', '64738')).toBe('Mumble Server 64738');
    expect(ruleName('Supercalifragilisticexpialidocious', '25565')).toBe('Supercalifragi 25565');
    for (const max of [8, 12, 20, 32]) expect(ruleName('Counter-Strike: Global Offensive Dedicated Server', '27015', max).length).toBeLessThanOrEqual(max);
  });
});

const want = (over: Partial<RouterRule> = {}): RouterRule => ({
  name: 'X', protocol: 'tcp', externalStart: 3074, externalEnd: 3074, internalStart: 3074, internalEnd: 3074, ip: '192.168.1.30', enabled: true, ...over,
});
const have = (over: Partial<ExistingRule> = {}): ExistingRule => ({
  name: 'Old', protocol: 'tcp', externalStart: 3074, externalEnd: 3074, internalStart: 3074, internalEnd: 3074, ip: '192.168.1.30', enabled: true, ...over,
});

describe('planRule', () => {
  test('nothing overlapping: add', () => {
    expect(planRule(want(), [have({ externalStart: 80, externalEnd: 80 })]).action).toBe('add');
    expect(planRule(want(), [have({ protocol: 'udp' })]).action).toBe('add');
  });
  test('same rule: present', () => {
    expect(planRule(want(), [have()]).action).toBe('present');
    expect(planRule(want(), [have({ protocol: 'both' })]).action).toBe('present');
    expect(planRule(want({ protocol: 'both' }), [have(), have({ protocol: 'udp' })]).action).toBe('present');
    expect(planRule(want(), [have({ externalStart: 3000, externalEnd: 3100, internalStart: 3000, internalEnd: 3100 })]).action).toBe('present');
  });
  test('another device: conflict naming it', () => {
    const p = planRule(want(), [have({ ip: '192.168.1.99' })]);
    expect(p.action).toBe('conflict');
    expect(p.action === 'conflict' && p.message).toMatch(/192\.168\.1\.99/);
  });
  test('an exclusive forward another device has: says only one device can have it', () => {
    const p = planRule(want({ protocol: 'udp' }), [have({ protocol: 'udp', ip: '192.168.1.99', name: 'Xbox' })], { exclusive: true });
    expect(p).toEqual({
      action: 'conflict',
      message: 'only one device in your home can have port 3074 UDP, and 192.168.1.99 already has it (rule "Xbox"). Left it alone: to give it to 192.168.1.30 instead, remove that rule first.',
    });
    // The same device already having it is not a conflict.
    expect(planRule(want({ protocol: 'udp' }), [have({ protocol: 'udp' })], { exclusive: true }).action).toBe('present');
  });
  test('same device, other internal port: conflict', () => {
    expect(planRule(want(), [have({ internalStart: 4000, internalEnd: 4000 })]).action).toBe('conflict');
  });
  test('partial protocol coverage, disabled rules, unknown device: conflict', () => {
    expect(planRule(want({ protocol: 'both' }), [have()]).action).toBe('conflict');
    expect(planRule(want(), [have({ enabled: false })]).action).toBe('conflict');
    expect(planRule(want(), [have({ ip: undefined })]).action).toBe('conflict');
  });
  test('range overlap', () => {
    expect(planRule(want({ externalStart: 3070, externalEnd: 3080, internalStart: 3070, internalEnd: 3080 }), [have({ ip: '10.0.0.2' })]).action).toBe('conflict');
  });
});
