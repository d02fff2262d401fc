// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { runEngine } from '../../../extension/lib/apply/engine';
import { createPanel } from '../../../extension/lib/apply/panel';
import type { ApplyJob, RouterRule } from '../../../extension/lib/apply/types';

const rule = (port: number, over: Partial<RouterRule> = {}): RouterRule => ({
  name: `Game ${port}`, protocol: 'tcp', externalStart: port, externalEnd: port, internalStart: port, internalEnd: port,
  ip: '192.168.1.20', enabled: true, ...over,
});
const job = (rules: RouterRule[], over: Partial<ApplyJob> = {}): ApplyJob => ({
  id: 'j', tabId: 1, origin: 'http://127.0.0.1', presetId: 'p', presetName: 'Game', platform: 'pc', deviceIp: '192.168.1.20',
  mode: 'apply', state: 'running', rules: rules.map((r) => ({ rule: r, status: 'pending' })), startedAt: 0, ...over,
});

const FORM = `<div id="msg" role="alert"></div>
  <table id="list"><thead><tr><th>Name</th><th>Protocol</th><th>Port</th><th>IP Address</th></tr></thead><tbody></tbody></table>
  <form onsubmit="return false"><label>Description <input name="d"></label><label>Port <input name="p"></label>
  <label>IP Address <input name="ip"></label><label>Protocol <select name="pr"><option>TCP</option><option>UDP</option><option>Both</option></select></label>
  <button type="button" id="add">Add</button></form>`;

/** Plays the router: the Add button lists the rule, or shows an error for port 666. */
function router() {
  document.body.innerHTML = FORM;
  const v = (n: string) => (document.querySelector(`[name=${n}]`) as HTMLInputElement).value;
  document.getElementById('add')!.addEventListener('click', () => {
    setTimeout(() => {
      if (v('p') === '666') {
        document.getElementById('msg')!.textContent = 'Error: port 666 is reserved';
        return;
      }
      const tr = document.createElement('tr');
      for (const text of [v('d'), v('pr'), v('p'), v('ip')]) tr.appendChild(document.createElement('td')).textContent = text;
      document.querySelector('#list tbody')!.appendChild(tr);
    }, 20);
  });
}

function store(initial: ApplyJob) {
  let current = structuredClone(initial);
  const saves: ApplyJob[] = [];
  const panel = createPanel(document);
  let reloads = 0;
  return {
    get: () => current,
    saves,
    panel,
    reloads: () => reloads,
    deps: {
      panel,
      // The engine's own reload (to read the list again): the synthetic router keeps its DOM.
      reload: () => void reloads++,
      doc: document,
      url: 'http://127.0.0.1/pf.html',
      loadJob: async () => structuredClone(current),
      saveJob: async (j: ApplyJob) => {
        current = structuredClone(j);
        saves.push(current);
      },
      pauseMs: 1,
      answerTimeoutMs: 1000,
      readyTimeoutMs: 50,
    },
  };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

/** Runs the engine, and again after each reload it asked for (the page "loads" with the same DOM). */
async function runAll(s: ReturnType<typeof store>) {
  let before = s.reloads();
  let job = await runEngine(s.deps);
  while (job?.state === 'running' && s.reloads() > before) {
    before = s.reloads();
    job = await runEngine(s.deps);
  }
  return job;
}

describe('engine on a synthetic in-page form', () => {
  test('applies, skips present, reports the router error, never touches other rows', async () => {
    router();
    document.querySelector('#list tbody')!.innerHTML = '<tr><td>Mine</td><td>TCP</td><td>3074</td><td>192.168.1.20</td></tr><tr><td>Theirs</td><td>Both</td><td>8080</td><td>192.168.1.99</td></tr>';
    const s = store(job([rule(25565), rule(3074), rule(8080), rule(666)]));
    const result = await runAll(s);
    // Rules seen only on the page they were saved on are read once more after a reload.
    expect(s.reloads()).toBe(1);
    expect(result?.state).toBe('done');
    expect(s.get().rules.map((o) => o.status), JSON.stringify(s.get().rules)).toEqual(["applied", "present", "conflict", "failed"]);
    expect(s.get().rules[3]!.message).toBe('Error: port 666 is reserved');
    expect(s.get().rules[2]!.message).toMatch(/192\.168\.1\.99/);
    expect(document.querySelectorAll('#list tbody tr')).toHaveLength(3);
    // 'saving' is stored before each submit.
    expect(s.saves.some((j) => j.rules[0]!.status === 'saving')).toBe(true);
    // The panel shows it; its shadow root is closed to the page.
    expect(s.panel.text).toMatch(/applied.*already present.*conflict.*failed/s);
    expect(s.panel.host?.shadowRoot).toBeNull();
    expect(s.panel.text).toMatch(/1 applied · 1 already present · 1 conflict · 1 failed/);
  });

  test('fill-only fills the first rule and leaves Save', async () => {
    router();
    const s = store(job([rule(25565), rule(25566)], { mode: 'fill-only' }));
    await runEngine(s.deps);
    expect(s.get().rules.map((o) => o.status)).toEqual(['filled', 'pending']);
    expect(s.get().state).toBe('done');
    expect((document.querySelector('[name=p]') as HTMLInputElement).value).toBe('25565');
    expect(document.querySelectorAll('#list tbody tr')).toHaveLength(0);
  });

  test('a form it cannot read stops the job with the unidentified fields', async () => {
    document.body.innerHTML = '<form><label>Thing <input name="a"></label><label>Other <input name="b"></label></form>';
    const s = store(job([rule(25565)]));
    await runEngine(s.deps);
    expect(s.get().state).toBe('stopped');
    expect(s.get().rules[0]!.status).toBe('failed');
    expect(s.get().message).toMatch(/"Thing".*"Other"/);
    expect((document.querySelector('[name=a]') as HTMLInputElement).value).toBe('');
  });

  test('a TCP+UDP rule on a router without Both becomes two rules', async () => {
    router();
    document.querySelector('select')!.innerHTML = '<option>TCP</option><option>UDP</option>';
    const s = store(job([rule(25565, { protocol: 'both' })]));
    await runAll(s);
    expect(s.get().rules.map((o) => [o.rule.protocol, o.status])).toEqual([['tcp', 'applied'], ['udp', 'applied']]);
  });
});

describe('engine across page loads', () => {
  test('a login page pauses; the form on a later load resumes', async () => {
    document.body.innerHTML = '<form><label>Username <input name="u"></label><label>Password <input type="password" name="pw"></label><button>Log in</button></form>';
    const s = store(job([rule(25565)]));
    await runEngine(s.deps);
    expect(s.get().state).toBe('paused-login');
    expect(s.get().message).toMatch(/Log in/);
    router();
    await runAll(s);
    expect(s.get().state).toBe('done');
    expect(s.get().rules[0]!.status).toBe('applied');
  });

  test("after a reload a 'saving' rule is verified against the table", async () => {
    const saving = (over: Partial<ApplyJob> = {}) => {
      const j = job([rule(25565), rule(25566)], over);
      j.rules[0]!.status = 'saving';
      j.rules[1]!.status = 'saving';
      return j;
    };
    router();
    document.querySelector('#list tbody')!.innerHTML = '<tr><td>Game</td><td>TCP</td><td>25565</td><td>192.168.1.20</td></tr>';
    const s = store(saving());
    await runEngine(s.deps);
    // The missing one may have been cut short (the user left the page): it is saved once more.
    expect(s.get().rules.map((o) => [o.status, o.attempts])).toEqual([['applied', undefined], ['applied', 2]]);

    // Missing after its second save: the router refused it silently.
    router();
    document.querySelector('#list tbody')!.innerHTML = '<tr><td>Game</td><td>TCP</td><td>25565</td><td>192.168.1.20</td></tr>';
    const twice = saving();
    twice.rules[1]!.attempts = 2;
    const s1 = store(twice);
    await runEngine(s1.deps);
    expect(s1.get().rules.map((o) => o.status)).toEqual(['applied', 'failed']);
    expect(s1.get().rules[1]!.message).toMatch(/did not list the rule after saving it twice/);

    // Saved while the session expired: after logging in, the rule is tried again.
    router();
    const s2 = store(saving({ state: 'paused-login' }));
    await runEngine(s2.deps);
    expect(s2.get().rules.map((o) => o.status)).toEqual(['applied', 'applied']);
  });

  test('finished and stopped jobs are left alone', async () => {
    router();
    const s = store(job([rule(25565)], { state: 'stopped' }));
    await runEngine(s.deps);
    expect(s.saves).toHaveLength(0);
    expect((document.querySelector('[name=p]') as HTMLInputElement).value).toBe('');
  });
});
