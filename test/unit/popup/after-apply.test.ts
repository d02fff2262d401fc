// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ApplyJob, RuleOutcome } from '../../../extension/lib/apply/types';
import { renderAfterApply } from '../../../extension/lib/popup/after-apply';
import { conflictHelp, conflictInstructions } from '../../../extension/lib/popup/conflict-help';
import { natCheck } from '../../../extension/lib/popup/nat-check';
import { preset } from '../../support/preset-factory';

const rule = { name: 'Xbox network 3074', protocol: 'both' as const, externalStart: 3074, externalEnd: 3074, internalStart: 3074, internalEnd: 3074, ip: '192.168.1.51', enabled: true };
const devices = [{ id: 1, name: 'PS5', ip: '192.168.1.50' }, { id: 2, name: 'Xbox', ip: '192.168.1.51' }];
const conflict: RuleOutcome = {
  rule,
  status: 'conflict',
  exclusive: true,
  message: 'only one device in your home can have port 3074 TCP+UDP, and 192.168.1.50 already has it (rule "Warzone 3074"). Left it alone: to give it to 192.168.1.51 instead, remove that rule first.',
};

describe('conflict help', () => {
  it('names the device that has the port and the two ways out', () => {
    const help = conflictHelp(conflict, devices);
    expect(help.holderIp).toBe('192.168.1.50');
    expect(help.text).toBe(
      'TCP+UDP 3074 already goes to PS5 at 192.168.1.50; only one device in your home can have it. For a second console, turn on UPnP on the router and let that console open its own ports, or move the rule: remove it from PS5 at 192.168.1.50 on the router, then apply again to give it to Xbox at 192.168.1.51.',
    );
    expect(conflictInstructions('Xbox network', [help])).toBe(
      [
        'Xbox network: ports another device already has',
        '',
        '1. TCP+UDP 3074 is forwarded to PS5 at 192.168.1.50. Only one device can receive it.',
        '2. Either: turn on UPnP on the router (often under Advanced or NAT settings) so Xbox at 192.168.1.51 opens its own ports.',
        '3. Or: on the router, remove the rule that sends TCP+UDP 3074 to 192.168.1.50, then add TCP+UDP 3074 for 192.168.1.51 (rule name Xbox network 3074).',
        '4. PS5 at 192.168.1.50 then loses this forward: its NAT type may drop to Moderate.',
        '',
      ].join('\n'),
    );
  });

  it('still gives steps when the router did not show who has the port', () => {
    const help = conflictHelp({ rule, status: 'conflict', message: 'a disabled rule "x" already uses these ports; enable or edit it yourself' }, devices);
    expect(help.holderIp).toBeUndefined();
    expect(help.text).toMatch(/^TCP\+UDP 3074 is already used by a rule on the router/);
  });
});

describe('did it work?', () => {
  it('points at the console\'s own network test and the NAT type to expect', () => {
    expect(natCheck('ps5', 'type-2', false)).toEqual({ step: expect.stringMatching(/^On the PS5: Settings › Network › Connection Status › Test Internet Connection/), goal: 'It should read NAT Type 2 (or better).' });
    expect(natCheck('xbox-series', 'open', false).step).toMatch(/Test NAT type/);
    expect(natCheck('server', undefined, true).step).toMatch(/from outside your home/);
    expect(natCheck('pc', undefined, true).step).toMatch(/from outside your home/); // hosting on a PC
  });

  it('shows conflicts with "Copy instructions", and "Did it work?" once the apply is done', () => {
    const root = document.createElement('div');
    const xbox = preset('xbox-network', { name: 'Xbox network', platforms: { 'xbox-series': { forward: [{ protocol: 'both', ports: ['3074'], purpose: 'game traffic' }], natGoal: 'open' } } });
    const job = { presetId: 'xbox-network', platform: 'xbox-series', state: 'done', rules: [conflict, { rule: { ...rule, externalStart: 88, externalEnd: 88 }, status: 'applied' }] } as unknown as ApplyJob;
    renderAfterApply(root, { job, preset: xbox, platform: 'xbox-series', devices });
    expect(root.querySelector('#conflicts h2')!.textContent).toBe('One port is taken');
    expect(root.querySelector('#copy-conflicts')!.textContent).toBe('Copy instructions');
    expect(root.querySelector('#did-it-work')!.textContent).toMatch(/Did it work\?.*Test NAT type.*NAT type Open/s);

    renderAfterApply(root, { job: { ...job, state: 'running' }, preset: xbox, platform: 'xbox-series', devices });
    expect(root.querySelector('#did-it-work')).toBeNull();
    renderAfterApply(root, { job, preset: preset('other'), platform: 'pc', devices });
    expect(root.children).toHaveLength(0); // another preset's job
  });
});
