/**
 * plan.ms@1000rules: from a 1,000-rule preset (a third of them duplicates) to the router rules,
 * planned against a router that already lists 1,000 rules (budget ≤ 20 ms, median of 11).
 * Beside it, the same planning with a plain scan of the list per rule, in the same run.
 */
import { planRule, planRules, plannedRulesFromPreset } from '../../extension/lib/apply/plan';
import type { ExistingRule } from '../../extension/lib/routers/generic/table';
import { medianMs, type Bench } from './types';

const N = 1000;
const ports = Array.from({ length: N }, (_, i) => String(20_000 + (i % 667) * 7));
const preset = { name: 'Bench Game', platforms: { pc: { forward: [{ protocol: 'udp' as const, ports, purpose: 'bench' }] } } };
const existing: ExistingRule[] = Array.from({ length: N }, (_, i) => ({
  name: `Rule ${i}`,
  protocol: i % 2 ? 'tcp' : 'udp',
  externalStart: 10_000 + i * 13,
  externalEnd: 10_000 + i * 13 + (i % 5),
  ip: '192.168.1.20',
}));

const bench: Bench = {
  name: 'plan',
  run() {
    const indexed = medianMs(11, () => planRules(plannedRulesFromPreset(preset, 'pc', '192.168.1.5'), existing));
    const scanned = medianMs(11, () => plannedRulesFromPreset(preset, 'pc', '192.168.1.5').map(({ rule, exclusive }) => planRule(rule, existing, { exclusive })));
    return [
      { name: 'plan.ms@1000rules', value: indexed, unit: 'ms' },
      { name: 'plan.scan_ms@1000rules', value: scanned, unit: 'ms' },
    ];
  },
};
export default bench;
