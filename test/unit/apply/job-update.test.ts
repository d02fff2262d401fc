// job:save from a content script: progress is merged into the job the extension built; what the
// user chose (device, router, preset, ports) cannot be rewritten, widened or forged.
import { describe, expect, it } from 'vitest';
import { mergeJobUpdate } from '../../../extension/lib/apply/job-update';
import type { ApplyJob, RouterRule } from '../../../extension/lib/apply/types';

const rule = (protocol: RouterRule['protocol'], port: number): RouterRule => ({
  name: `Game ${port}`, protocol, externalStart: port, externalEnd: port, internalStart: port, internalEnd: port, ip: '192.168.1.50', enabled: true,
});
const stored: ApplyJob = {
  id: 'job-1', tabId: 7, origin: 'http://192.168.1.1', presetId: 'game', presetName: 'Game', platform: 'pc', deviceIp: '192.168.1.50',
  mode: 'apply', state: 'running', startedAt: 1, rules: [{ rule: rule('both', 3074), status: 'pending' }, { rule: rule('udp', 88), status: 'pending' }],
};
const opts = { statuses: new Set(['pending', 'saving', 'applied', 'present', 'conflict', 'failed', 'filled', 'unconfirmed']), adapterIds: new Set(['generic', 'spectrum-rac2v1k']) };
const update = (patch: Record<string, unknown>) => mergeJobUpdate(stored, { ...structuredClone(stored), ...patch }, opts);

describe('mergeJobUpdate', () => {
  it('takes statuses, messages and the state the engine reports', () => {
    const r = update({ state: 'done', finishedAt: 9, adapterId: 'generic', rules: stored.rules.map((o) => ({ ...o, status: 'applied', message: 'ok' })) });
    expect(r.ok && r.job.rules.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(r.ok && r.job).toMatchObject({ state: 'done', finishedAt: 9, adapterId: 'generic' });
  });

  it('keeps the device, the router and the preset as the extension made them', () => {
    const r = update({ deviceIp: '10.6.6.6', origin: 'http://other-router.example', presetName: '<img src=x>', tabId: 1 });
    expect(r.ok && r.job).toMatchObject({ deviceIp: '192.168.1.50', origin: 'http://192.168.1.1', presetName: 'Game', tabId: 7 });
  });

  it('refuses a rule it did not plan: another device, widened ports, an extra rule', () => {
    const forged = (o: ApplyJob['rules'][number], r: Partial<RouterRule>) => ({ ...o, rule: { ...o.rule, ...r } });
    expect(update({ rules: [forged(stored.rules[0]!, { ip: '10.6.6.6' }), stored.rules[1]] })).toMatchObject({ ok: false, error: 'rule 1 is not one PortPilot planned' });
    expect(update({ rules: [forged(stored.rules[0]!, { externalStart: 1, externalEnd: 65535 }), stored.rules[1]] }).ok).toBe(false);
    expect(update({ rules: [...stored.rules, { rule: rule('tcp', 22), status: 'applied' }] })).toMatchObject({ ok: false, error: 'the update has more rules than the job' });
    expect(update({ rules: null }).ok).toBe(false);
  });

  it('accepts a TCP+UDP rule split into its two halves, and nothing else in its place', () => {
    const halves = [{ rule: { ...rule('tcp', 3074), name: 'Game 3074 T' }, status: 'pending' }, { rule: { ...rule('udp', 3074), name: 'Game 3074 U' }, status: 'pending' }];
    const r = update({ rules: [...halves, stored.rules[1]] });
    expect(r.ok && r.job.rules.map((o) => `${o.rule.protocol} ${o.rule.name}`)).toEqual(['tcp Game 3074 T', 'udp Game 3074 U', 'udp Game 88']);
    expect(update({ rules: [{ ...halves[0], rule: { ...halves[0]!.rule, ip: '10.0.0.9' } }, halves[1], stored.rules[1]] }).ok).toBe(false);
  });

  it('moves the state only forward, and never for another job', () => {
    const done = { ...stored, state: 'done' as const };
    expect(mergeJobUpdate(done, { ...done, state: 'running' }, opts)).toMatchObject({ ok: false });
    expect(update({ id: 'job-2' })).toMatchObject({ ok: false, error: 'not the current job of this tab' });
    expect(update({ state: 'hacked' }).ok).toBe(false);
  });

  it('bounds what it stores: long messages cut, unknown statuses and adapters refused or dropped', () => {
    const r = update({ message: 'x'.repeat(10_000), adapterId: 'evil', rules: stored.rules.map((o) => ({ ...o, message: 'e'.repeat(10_000) })) });
    expect(r.ok && r.job.message!.length).toBe(400);
    expect(r.ok && r.job.rules[0]!.message!.length).toBe(400);
    expect(r.ok && r.job.adapterId).toBeUndefined();
    expect(update({ rules: stored.rules.map((o) => ({ ...o, status: 'owned' })) }).ok).toBe(false);
    expect(update({ rules: stored.rules.map((o) => ({ ...o, junk: 'j'.repeat(5000) })) }).ok).toBe(false);
  });
});

describe('the preview state a content script reports', () => {
  it('is kept when it is one PortPilot writes, cut to size; anything else refuses the update', () => {
    const asked = { state: 'asked', ready: false, found: ['External port: Text box “Port Range”', 'x'.repeat(900)], missing: ['Device IP'] };
    const r = update({ review: asked });
    expect(r.ok && r.job.review).toEqual({ ...asked, found: [asked.found[0], expect.stringMatching(/^x{199}…$/)] });
    expect(update({ review: { state: 'confirmed', by: 'remembered' } })).toMatchObject({ ok: true, job: { review: { state: 'confirmed', by: 'remembered' } } });
    for (const bad of [{ state: 'done' }, { state: 'asked', found: 'all' }, { state: 'asked', ready: 'yes' }, { state: 'confirmed', by: 'page' }, 'asked', { state: 'asked', missing: Array(50).fill('x') }]) {
      expect(update({ review: bad }).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(update({}).ok && 'review' in (update({}) as { job: object }).job).toBe(false);
  });
});
