import { describe, expect, test } from 'vitest';
import { headline, jobTone, countsLine } from '../../../extension/lib/apply/outcome';
import type { ApplyJob, BaselineRule, RuleOutcome, RuleStatus } from '../../../extension/lib/apply/types';
import { changedRules, integrityMessage, listedRule } from '../../../extension/lib/apply/verify';

const nas: BaselineRule = { name: 'NAS', protocol: 'tcp', externalStart: 5000, externalEnd: 5000, internalStart: 5000, internalEnd: 5000, ip: '192.168.1.10', enabled: true, where: 'row 1 of the list' };
const cam: BaselineRule = { ...nas, name: 'Camera', protocol: 'udp', externalStart: 8000, externalEnd: 8000, internalStart: 8000, internalEnd: 8000, ip: '192.168.1.20', where: 'row 2 of the list' };
const strip = ({ where: _w, ...r }: BaselineRule) => r;

describe("the user's rules after a save", () => {
  test('still listed (in any order, with ours added): nothing changed', () => {
    expect(changedRules([nas, cam], [strip(cam), { ...strip(nas), name: 'Other' }, strip(nas)])).toEqual([]);
  });
  test('gone, or changed field by field, named in words', () => {
    const changes = changedRules([nas, cam], [{ ...strip(nas), ip: '192.168.1.50' }]);
    expect(changes.map((c) => c.what)).toEqual(['changed: device 192.168.1.10 → 192.168.1.50', 'is no longer listed']);
    expect(integrityMessage(changes)).toMatch(/^Stopped: your rule "NAS" \(TCP 5000 → 192\.168\.1\.10\) changed: device .*; "Camera" \(UDP 8000 → 192\.168\.1\.20\) is no longer listed\. PortPilot made no further changes\./);
  });
  test('a listed rule is ours when the ports match and the shown device and protocol agree', () => {
    const rule = { name: 'x', protocol: 'tcp' as const, externalStart: 5000, externalEnd: 5000, internalStart: 5000, internalEnd: 5000, ip: '192.168.1.10', enabled: true };
    expect(listedRule(rule, [strip(nas)])).toBeTruthy();
    expect(listedRule({ ...rule, ip: '192.168.1.11' }, [strip(nas)])).toBeUndefined();
    expect(listedRule(rule, [{ protocol: null, externalStart: 5000, externalEnd: 5000 }])).toBeTruthy();
  });
});

describe('honest outcomes', () => {
  const job = (state: ApplyJob['state'], statuses: RuleStatus[]): Pick<ApplyJob, 'state' | 'rules'> => ({
    state,
    rules: statuses.map((status): RuleOutcome => ({ status, rule: { name: 'r', protocol: 'tcp', externalStart: 1, externalEnd: 1, internalStart: 1, internalEnd: 1, ip: '192.168.1.2', enabled: true } })),
  });
  test('a headline with counts, failures first-class', () => {
    expect(headline(job('done', ['applied', 'applied', 'conflict', 'unconfirmed']))).toBe('Finished: 2 applied · 1 conflict · 1 not confirmed');
    expect(headline(job('stopped', ['applied', 'failed', 'pending']))).toBe('Stopped: 1 applied · 1 failed · 1 not tried');
    expect(countsLine(job('done', ['present', 'present']).rules)).toBe('2 already present');
  });
  test('green only when everything the router lists is there', () => {
    expect(jobTone('done', job('done', ['applied', 'present']).rules)).toBe('ok');
    expect(jobTone('done', job('done', ['applied', 'unconfirmed']).rules)).toBe('warn');
    expect(jobTone('done', job('done', ['applied', 'conflict']).rules)).toBe('warn');
    expect(jobTone('done', job('done', ['applied', 'failed']).rules)).toBe('bad');
    expect(jobTone('stopped', job('stopped', ['applied']).rules)).toBe('bad');
  });
});
