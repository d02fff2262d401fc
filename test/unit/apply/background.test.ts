import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { buildJob, getJob, registerApplyHandlers, ROUTER_SCRIPT } from '../../../extension/lib/apply/background';
import type { ApplyJob } from '../../../extension/lib/apply/types';
import type { BundledPreset } from '../../../extension/lib/presets/bundle';

const preset: BundledPreset = {
  id: 'minecraft-java', name: 'Minecraft: Java Edition', aliases: [], category: 'game-server',
  platforms: { pc: { forward: [{ protocol: 'tcp', ports: ['25565'], purpose: 'host a server' }] } },
  verification: 'unverified', sources: [],
};
const start = { type: 'apply:start' as const, tabId: 7, preset, platform: 'pc', deviceIp: '192.168.1.20', mode: 'apply' as const };

describe('buildJob', () => {
  test('valid request', () => {
    const r = buildJob(start, 'http://192.168.1.1', 5);
    expect(r.ok && r.job).toMatchObject({ tabId: 7, origin: 'http://192.168.1.1', state: 'running', startedAt: 5, rules: [{ status: 'pending', rule: { name: 'Minecraft Java 25565' } }] });
  });
  test.each([
    [{ deviceIp: '999.1.1.1' }, /IPv4/],
    [{ deviceIp: '8.8.8.8' }, /public internet address/],
    [{ deviceIp: '127.0.0.1' }, /loopback/],
    [{ deviceIp: '192.168.1.255' }, /broadcast/],
    [{ deviceIp: '192.168.7.20' }, /not on this router's network/],
    [{ mode: 'yolo' }, /mode/],
    [{ platform: 'switch' }, /no rules for switch/],
    [{ preset: { ...preset, id: 'Bad Id' } }, /not valid/],
  ])('refuses %o', (over, msg) => {
    const r = buildJob({ ...start, ...(over as object) } as typeof start, 'http://192.168.1.1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(msg);
  });
  test('takes the shipped form: included rules, optional rules only when chosen, exclusive kept for the planner', () => {
    const console: BundledPreset = {
      ...preset,
      platforms: {
        ps5: {
          forward: [
            { protocol: 'udp', ports: ['3074'], purpose: 'game traffic', exclusive: true },
            { protocol: 'tcp', ports: ['28082'], purpose: 'companion app', optional: 'Only for the companion app' },
            { protocol: 'tcp', ports: ['3478-3480'], purpose: 'PlayStation Network', from: 'playstation-network' },
          ],
          uses: ['playstation-network'],
        },
      },
    };
    const ports = (optional?: number[]) => {
      const r = buildJob({ ...start, preset: console, platform: 'ps5', optional }, 'http://192.168.1.1');
      return r.ok ? r.job.rules.map((o) => `${o.rule.externalStart}${o.exclusive ? ' exclusive' : ''}`) : r.error;
    };
    expect(ports()).toEqual(['3074 exclusive', '3478']);
    expect(ports([1])).toEqual(['3074 exclusive', '28082', '3478']);
  });
  test('a forward like a DMZ needs the confirmation the popup asks for, also when the request comes from elsewhere', () => {
    const dmz: BundledPreset = {
      ...preset,
      platforms: {
        switch: {
          forward: [
            { protocol: 'udp', ports: ['1-65535'], purpose: 'peer-to-peer play', exclusive: true },
            { protocol: 'tcp', ports: ['20000-30000'], purpose: 'optional range', optional: 'Only for hosting' },
          ],
        },
      },
    };
    const refused = buildJob({ ...start, preset: dmz, platform: 'switch' }, 'http://192.168.1.1');
    expect(!refused.ok && refused.error).toMatch(/forwards every UDP port to the device: confirm it in the preset view first/);
    expect(buildJob({ ...start, preset: dmz, platform: 'switch', confirmedWide: 'yes' as unknown as boolean }, 'http://192.168.1.1').ok).toBe(false);
    const confirmed = buildJob({ ...start, preset: dmz, platform: 'switch', confirmedWide: true }, 'http://192.168.1.1');
    expect(confirmed.ok && confirmed.job.rules.map((o) => o.rule.externalEnd)).toEqual([65535]);
    const withOptional = buildJob({ ...start, preset: dmz, platform: 'switch', optional: [1] }, 'http://192.168.1.1');
    expect(!withOptional.ok && withOptional.error).toMatch(/every UDP port and 10,001 TCP ports \(20000-30000\)/);
  });
  test('refuses a non-web tab', () => {
    expect(buildJob(start, '').ok).toBe(false);
  });
});

describe('registerApplyHandlers', () => {
  // Senders as the browser describes them: PortPilot's popup, and its content script in a tab.
  const POPUP = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  const inTab = (tabId: number | undefined, url = 'http://192.168.1.1/pf.html') => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId } });
  const send = (msg: unknown, sender: object = POPUP) =>
    (fakeBrowser.runtime.onMessage as unknown as { trigger(...a: unknown[]): Promise<unknown[]> }).trigger(msg, sender).then((r) => r.find((x) => x !== undefined));
  let executeScript: ReturnType<typeof vi.fn>;
  let finished: ApplyJob[];
  let tab: { id?: number } | undefined;
  // fake-browser has no permissions API: a granted set and onAdded listeners stand in.
  let granted: Set<string>;
  let onAdded: ((p: { origins?: string[] }) => void)[];

  beforeEach(async () => {
    fakeBrowser.reset();
    finished = [];
    executeScript = vi.fn(async () => []);
    (browser as unknown as { scripting: object }).scripting = { executeScript };
    granted = new Set(['http://192.168.1.1/*']);
    onAdded = [];
    (browser as unknown as { permissions: object }).permissions = {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
      onAdded: { addListener: (fn: (p: { origins?: string[] }) => void) => onAdded.push(fn) },
    };
    tab = await fakeBrowser.tabs.create({ url: 'http://192.168.1.1/pf.html' });
    registerApplyHandlers({ onJobFinished: (j) => void finished.push(j) });
  });

  test('start stores the job, injects the router script; the content script loads and saves it', async () => {
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    expect(r.ok).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: tab!.id }, files: [ROUTER_SCRIPT] });
    expect(ROUTER_SCRIPT).toBe('/content-scripts/router.js');
    const sender = inTab(tab!.id);
    const job = (await send({ type: 'job:get' }, sender)) as ApplyJob;
    expect(job.id).toBe(r.job.id);
    expect(await send({ type: 'apply:status', tabId: tab!.id })).toEqual(job);
    const done: ApplyJob = { ...job, state: 'done', finishedAt: 1, rules: job.rules.map((o) => ({ ...o, status: 'applied' })) };
    expect(await send({ type: 'job:save', job: done }, sender)).toBe(true);
    expect((await getJob(tab!.id!))?.state).toBe('done');
    await send({ type: 'job:save', job: done }, sender);
    expect(finished).toHaveLength(1); // the hook runs once per job
    // Another tab cannot save this tab's job.
    expect(await send({ type: 'job:save', job: done }, inTab(999))).toBe(false);
  });

  test('without access to the origin the job waits, and starts when access is granted', async () => {
    granted.clear();
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    expect(r.ok).toBe(true);
    expect(r.job.message).toMatch(/Waiting for your permission to access http:\/\/192\.168\.1\.1/);
    expect(executeScript).not.toHaveBeenCalled();

    granted.add('http://10.0.0.1/*');
    onAdded.forEach((fn) => fn({ origins: ['http://10.0.0.1/*'] }));
    await vi.waitFor(() => expect(executeScript).not.toHaveBeenCalled());

    granted.add('http://192.168.1.1/*');
    onAdded.forEach((fn) => fn({ origins: ['http://192.168.1.1/*'] }));
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledWith({ target: { tabId: tab!.id }, files: [ROUTER_SCRIPT] }));
    expect((await getJob(tab!.id!))?.message).toBeUndefined();
  });

  test('stop, and a late save does not revive a stopped job', async () => {
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    const stopped = (await send({ type: 'apply:stop', tabId: tab!.id })) as ApplyJob;
    expect(stopped.state).toBe('stopped');
    expect(await send({ type: 'job:save', job: r.job }, inTab(tab!.id))).toBe(false);
    expect(finished.map((j) => j.state)).toEqual(['stopped']);
  });

  test('a job the page never came back to is stopped with what it waited for; the rule being saved is "not confirmed"', async () => {
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    // The dialog guard goes into the page's own world (every frame) before the content script.
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: tab!.id, allFrames: true }, world: 'MAIN' }));
    const sender = inTab(tab!.id);
    const saving: ApplyJob = {
      ...r.job,
      rules: r.job.rules.map((o) => ({ ...o, status: 'saving' })),
      waiting: { for: 'the router\'s answer after "Save"', since: Date.now() - 40_000, until: Date.now() - 5_000 },
    };
    expect(await send({ type: 'job:save', job: saving }, sender)).toBe(true);
    const seen = (await send({ type: 'apply:status', tabId: tab!.id })) as ApplyJob;
    expect(seen.state).toBe('stopped');
    expect(seen.message).toMatch(/^Stopped: waited 40 s for the router's answer after "Save", and it did not come/);
    expect(seen.rules.map((o) => o.status)).toEqual(['unconfirmed']);
    expect(finished.map((j) => j.state)).toEqual(['stopped']);
  });

  test('an injection failure stops the job with a message', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; error: string };
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/Cannot access/);
  });

  test('only PortPilot\'s own pages may start, read or stop a job, or look into a tab', async () => {
    const webPage = inTab(99, 'http://evil.example/');
    expect(await send({ ...start, tabId: tab!.id }, webPage)).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    expect(r.ok).toBe(true);
    expect(await send({ type: 'apply:status', tabId: tab!.id }, webPage)).toBeUndefined();
    expect(await send({ type: 'apply:stop', tabId: tab!.id }, webPage)).toBeUndefined();
    expect(await send({ type: 'detect', tabId: tab!.id }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect((await getJob(tab!.id!))?.state).toBe('running');
  });

  test("a content script reads and reports only on its own tab's job, from the router's page", async () => {
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    expect(await send({ type: 'job:get' }, inTab(tab!.id, 'http://evil.example/'))).toBeNull();
    expect(await send({ type: 'job:get' }, { ...inTab(tab!.id), frameId: 3 })).toBeNull();
    expect(((await send({ type: 'job:get' }, inTab(tab!.id))) as ApplyJob).id).toBe(r.job.id);
  });

  test('job:save is merged into the job PortPilot built: a forged device, router or rule is not stored', async () => {
    const r = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    const forged = {
      ...r.job,
      deviceIp: '10.6.6.6',
      origin: 'http://other-router.example',
      presetName: '<img src=x onerror=alert(1)>',
      rules: r.job.rules.map((o) => ({ ...o, status: 'applied', message: 'm'.repeat(10_000) })),
      state: 'done',
    };
    expect(await send({ type: 'job:save', job: forged }, inTab(tab!.id))).toBe(true);
    const stored = (await getJob(tab!.id!))!;
    expect(stored).toMatchObject({ deviceIp: '192.168.1.20', origin: 'http://192.168.1.1', presetName: 'Minecraft: Java Edition', state: 'done' });
    expect(stored.rules[0]!.message).toHaveLength(400);
    expect(finished[0]!.deviceIp).toBe('192.168.1.20');

    const r2 = (await send({ ...start, tabId: tab!.id })) as { ok: boolean; job: ApplyJob };
    const widened = { ...r2.job, rules: [{ ...r2.job.rules[0]!, rule: { ...r2.job.rules[0]!.rule, externalStart: 1, externalEnd: 65535 } }] };
    expect(await send({ type: 'job:save', job: widened }, inTab(tab!.id))).toBe(false);
    expect(await send({ type: 'job:save', job: { ...r2.job, rules: null } }, inTab(tab!.id))).toBe(false);
    expect((await getJob(tab!.id!))!.rules[0]!.rule.externalStart).toBe(25565);
  });
});
