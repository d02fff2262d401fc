// Planning stays correct and linear-ish for big presets and long router lists (issue: a custom
// preset with thousands of duplicate ports took a minute to plan).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ExistingIndex, planRule, planRules, plannedRulesFromPreset, rulesFromPreset } from '../../../extension/lib/apply/plan';
import type { ExistingRule } from '../../../extension/lib/routers/generic/table';

const forward = (ports: string[], protocol: 'tcp' | 'udp' | 'both' = 'udp') => ({ platforms: { pc: { forward: [{ protocol, ports, purpose: 'x' }] } }, name: 'Big Game' });

it('applies 10,000 copies of one port as one rule', () => {
  const rules = rulesFromPreset(forward(Array(10_000).fill('7777')), 'pc', '192.168.1.5');
  expect(rules.map((r) => r.name)).toEqual(['Big Game 7777']);
});

it('gives 5,000 distinct ports 5,000 distinct names', () => {
  const rules = rulesFromPreset(forward(Array.from({ length: 5000 }, (_, i) => String(10_000 + i))), 'pc', '192.168.1.5', { maxNameLength: 12 });
  expect(new Set(rules.map((r) => r.name)).size).toBe(5000);
  expect(rules.every((r) => r.name.length <= 12)).toBe(true);
});

const existingRule = fc.record({
  protocol: fc.constantFrom('tcp', 'udp', 'both', null),
  externalStart: fc.integer({ min: 1, max: 300 }),
  width: fc.integer({ min: 0, max: 40 }),
  ip: fc.option(fc.constantFrom('192.168.1.5', '192.168.1.9'), { nil: undefined }),
  enabled: fc.option(fc.boolean(), { nil: undefined }),
}).map(({ width, ...e }): ExistingRule => ({ ...e, externalEnd: e.externalStart + width, internalStart: e.externalStart }));

it('plans the same with the sorted index as with a plain scan of the list', () => {
  fc.assert(
    fc.property(fc.array(existingRule, { maxLength: 30 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('tcp', 'udp', 'both')), { minLength: 1, maxLength: 10 }), (existing, wanted) => {
      const index = new ExistingIndex(existing);
      for (const [start, width, protocol] of wanted) {
        const rule = { name: 'r', protocol: protocol as 'tcp', externalStart: start, externalEnd: start + width, internalStart: start, internalEnd: start + width, ip: '192.168.1.5', enabled: true };
        expect(planRule(rule, index)).toEqual(planRule(rule, existing));
      }
    }),
    { numRuns: 300 },
  );
});

it('plans a whole preset against one reading of the list', () => {
  const planned = plannedRulesFromPreset(forward(['3074', '3075', '5000'], 'both'), 'pc', '192.168.1.5');
  const steps = planRules(planned, [
    { protocol: 'both', externalStart: 3074, externalEnd: 3074, ip: '192.168.1.5', name: 'Mine' },
    { protocol: 'tcp', externalStart: 4990, externalEnd: 5010, ip: '192.168.1.20', name: 'NAS' },
  ]);
  expect(steps.map((s) => s.action)).toEqual(['present', 'add', 'conflict']);
});
