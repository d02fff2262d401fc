import { describe, expect, test } from 'vitest';
import { planRule, ruleName, rulesFromPreset } from '../../../extension/lib/apply/plan';
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
    expect(rules[0]!.name).toBe('Call Duty 3074T');
  });
  test('hostOnly rules can be left out; unknown platform gives none', () => {
    expect(rulesFromPreset(preset, 'ps5', '192.168.1.30', { skipHostOnly: true })).toHaveLength(4);
    expect(rulesFromPreset(preset, 'switch', '192.168.1.30')).toEqual([]);
  });
  test('ruleName', () => {
    expect(ruleName('Minecraft: Java Edition', '25565')).toBe('Minecraft Java 25565');
    expect(ruleName('Supercalifragilisticexpialidocious', '25565').length).toBeLessThanOrEqual(20);
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
