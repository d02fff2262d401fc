// @vitest-environment happy-dom
/**
 * The six safety invariants of issue 7 §1, each on a small synthetic router page: what the
 * engine reports, what it pressed, and what stayed untouched.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { installDialogGuard, watchDialogs } from '../../../extension/lib/apply/dialog-guard';
import { runEngine, type EngineDeps } from '../../../extension/lib/apply/engine';
import { headline } from '../../../extension/lib/apply/outcome';
import type { ApplyJob, RouterRule } from '../../../extension/lib/apply/types';

const rule = (port: number, over: Partial<RouterRule> = {}): RouterRule => ({
  name: `Game ${port}`, protocol: 'tcp', externalStart: port, externalEnd: port, internalStart: port, internalEnd: port, ip: '192.168.1.20', enabled: true, ...over,
});
const job = (rules: RouterRule[], over: Partial<ApplyJob> = {}): ApplyJob => ({
  id: 'j', tabId: 1, origin: 'http://127.0.0.1', presetId: 'p', presetName: 'Game', platform: 'pc', deviceIp: '192.168.1.20',
  mode: 'apply', state: 'running', rules: rules.map((r) => ({ rule: r, status: 'pending' })), startedAt: 0, ...over,
});

const FIELDS = `<label>Service Name <input name="n"></label><label>External Port <input name="p"></label>
  <label>Device IP <input name="ip"></label><label>Protocol <select name="pr"><option>TCP</option><option>UDP</option><option>Both</option></select></label>`;
const LIST = (rows = '<tr><td>NAS</td><td>TCP</td><td>5000</td><td>192.168.1.10</td></tr>') =>
  `<table id="list"><thead><tr><th>Name</th><th>Protocol</th><th>External Port</th><th>IP Address</th></tr></thead><tbody>${rows}</tbody></table>`;
const v = (n: string) => (document.querySelector(`[name=${n}]`) as HTMLInputElement).value;
const listRow = () => {
  const tr = document.createElement('tr');
  for (const t of [v('n'), v('pr'), v('p'), v('ip')]) tr.appendChild(document.createElement('td')).textContent = t;
  document.querySelector('#list tbody')!.appendChild(tr);
};

/** Runs the engine on this document, and again after each reload it asks for (the page keeps its DOM). */
async function run(initial: ApplyJob, over: Partial<EngineDeps> = {}) {
  let current = structuredClone(initial);
  let reloads = 0;
  const deps: EngineDeps = {
    doc: document,
    url: 'http://127.0.0.1/pf.html',
    loadJob: async () => structuredClone(current),
    saveJob: async (j) => void (current = structuredClone(j)),
    pauseMs: 1,
    answerTimeoutMs: 300,
    readyTimeoutMs: 30,
    formTimeoutMs: 100,
    navigationTimeoutMs: 300,
    settleMs: 100,
    reload: () => void reloads++,
    ...over,
  };
  for (let loads = 0; loads < 6; loads++) {
    const before = reloads;
    await runEngine(deps);
    if (current.state !== 'running' || reloads === before) break;
  }
  return { job: current, reloads: () => reloads };
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('1. applied means seen in the router\'s own list', () => {
  test('no list to read: "saved, not confirmed", never green', async () => {
    document.body.innerHTML = `<div id="msg" role="status"></div><form>${FIELDS}<button type="button" id="save">Save</button></form>`;
    document.getElementById('save')!.onclick = () => void (document.getElementById('msg')!.textContent = 'Settings saved');
    const { job: j } = await run(job([rule(25565)]));
    expect(j.rules[0]).toMatchObject({ status: 'unconfirmed', message: expect.stringMatching(/no list of rules to check it against/) });
    expect(headline(j)).toBe('Finished: 1 not confirmed');
  });

  test('a Save that does nothing is not "applied" because the form shows what was typed: checked after a reload, then the job stops', async () => {
    document.body.innerHTML = `${LIST()}<form>${FIELDS}<button type="button">Save</button></form>`;
    const { job: j, reloads } = await run(job([rule(25565), rule(25566)]));
    expect(reloads()).toBe(1);
    expect(j.state).toBe('stopped');
    expect(j.message).toMatch(/did not list "Game 25565" after saving it/);
    expect(j.rules.map((o) => o.status)).toEqual(['failed', 'pending']);
  });

  test('its own typed row inside the list is never read as a saved rule', async () => {
    document.body.innerHTML = `<table id="list"><thead><tr><th>Name</th><th>Protocol</th><th>External Port</th><th>IP Address</th><th></th></tr></thead>
      <tbody><tr><td><input name="n"></td><td><select name="pr"><option>TCP</option><option>UDP</option></select></td><td><input name="p"></td><td><input name="ip"></td><td><button type="button">Add</button></td></tr></tbody></table>`;
    const { job: j } = await run(job([rule(25565)]));
    expect(j.rules[0]!.status).toBe('failed');
    expect(v('p')).toBe('25565'); // typed, shown, and still not a rule of the router
  });
});

describe('2. never touch what PortPilot did not create', () => {
  test('a save that also removes one of the user\'s rules stops the job at once, naming it', async () => {
    document.body.innerHTML = `${LIST()}<form>${FIELDS}<button type="button" id="save">Save</button></form>`;
    document.getElementById('save')!.onclick = () => {
      document.querySelector('#list tbody tr')!.remove();
      listRow();
    };
    const { job: j } = await run(job([rule(25565), rule(25566)]));
    expect(j.state).toBe('stopped');
    expect(j.message).toMatch(/^Stopped: your rule "NAS" \(TCP 5000 → 192\.168\.1\.10\) is no longer listed/);
    expect(j.rules[1]!.status).toBe('pending');
  });

  test('a form whose boxes hold a rule is never used', async () => {
    document.body.innerHTML = `${LIST()}<form><label>Service Name <input name="n" value="NAS"></label><label>External Port <input name="p" value="5000"></label>
      <label>Device IP <input name="ip" value="192.168.1.10"></label><label>Protocol <select name="pr"><option>TCP</option><option>UDP</option></select></label><button type="button">Save</button></form>`;
    const { job: j } = await run(job([rule(25565)]));
    expect(j.state).toBe('stopped');
    expect(j.rules[0]!.message).toMatch(/already holds a rule \(NAS 5000\)/);
    expect([v('n'), v('p'), v('ip')]).toEqual(['NAS', '5000', '192.168.1.10']);
  });
});

describe('3. only the form\'s own, non-destructive button', () => {
  test('a form whose only buttons delete or confirm is filled but nothing is pressed', async () => {
    let pressed = 0;
    document.body.innerHTML = `${LIST()}<form>${FIELDS}<button type="button">Delete</button><button type="button">OK</button></form><button type="button" id="far">Apply</button>`;
    document.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => pressed++));
    const { job: j } = await run(job([rule(25565)]));
    expect(j.state).toBe('stopped');
    expect(j.rules[0]!.message).toMatch(/none of the form's buttons is a safe Save or Add/);
    expect(pressed).toBe(0);
  });

  test('a confirm() raised by Save is answered "no" and stops the job with its text', async () => {
    installDialogGuard(window);
    const dialogs = watchDialogs(() => [window]);
    let answered: boolean | null = null;
    document.body.innerHTML = `${LIST()}<form>${FIELDS}<button type="button" id="save">Save</button></form>`;
    document.getElementById('save')!.onclick = () => {
      answered = window.confirm('Restart the router to apply?');
      if (answered) listRow();
    };
    const { job: j } = await run(job([rule(25565)]), { dialogs });
    dialogs.release();
    expect(answered).toBe(false);
    expect(j.state).toBe('stopped');
    expect(j.message).toContain('Restart the router to apply?');
    expect(j.rules[0]!.status).toBe('failed');
  });
});

describe('4. visible fields only', () => {
  test('a hidden, pre-filled edit form before the add form is left as it is', async () => {
    document.body.innerHTML = `<style>.modal{display:none}</style>${LIST()}
      <div class="modal"><form id="edit"><label>Service Name <input name="en" value="NAS"></label><label>External Port <input name="ep" value="5000"></label>
      <label>Device IP <input name="eip" value="192.168.1.10"></label><label>Protocol <select name="epr"><option>TCP</option><option>UDP</option></select></label><button type="button">Save</button></form></div>
      <form id="add">${FIELDS}<button type="button" id="add-btn">Add</button></form>`;
    document.getElementById('add-btn')!.onclick = listRow;
    const { job: j } = await run(job([rule(25565)]));
    expect(j.rules[0]!.status).toBe('applied');
    expect(['en', 'ep', 'eip'].map(v)).toEqual(['NAS', '5000', '192.168.1.10']);
  });
});

describe('5. every job ends', () => {
  test('an Add that opens nothing ends with what it waited for', async () => {
    document.body.innerHTML = `<div>${LIST()}<p><button type="button">Add</button></p></div>`;
    const { job: j } = await run(job([rule(25565)]));
    expect(j.state).toBe('stopped');
    expect(j.message).toMatch(/^Stopped: waited .*for the form to open after pressing "Add"/);
    expect(j.waiting).toBeUndefined();
  });

  test('"done" only when every rule has its outcome', async () => {
    document.body.innerHTML = `${LIST()}<form>${FIELDS}<button type="button" id="save">Save</button></form>`;
    document.getElementById('save')!.onclick = listRow;
    const { job: j } = await run(job([rule(25565), rule(5000)]));
    expect(j.state).toBe('done');
    expect(j.rules.map((o) => o.status)).toEqual(['applied', 'conflict']);
    expect(headline(j)).toBe('Finished: 1 applied · 1 conflict');
  });
});
