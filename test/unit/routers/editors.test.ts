// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { chooseEditor, findFields } from '../../../extension/lib/routers/generic/editors';
import { fillRule } from '../../../extension/lib/routers/generic/fill';
import type { RouterRule } from '../../../extension/lib/apply/types';

const FORM = (id: string, values: Record<string, string> = {}) => `<form id="${id}"><label>Service Name <input name="n" value="${values.n ?? ''}"></label>
  <label>External Port <input name="p" value="${values.p ?? ''}"></label><label>Device IP <input name="ip" value="${values.ip ?? ''}"></label>
  <label>Protocol <select name="pr"><option>TCP</option><option>UDP</option><option>Both</option></select></label><button type="button">Save</button></form>`;
const rule = (over: Partial<RouterRule> = {}): RouterRule => ({
  name: 'Game 25565', protocol: 'tcp', externalStart: 25565, externalEnd: 25565, internalStart: 25565, internalEnd: 25565, ip: '192.168.1.20', enabled: true, ...over,
});

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('which form is the empty add form', () => {
  test('an edit dialog that holds a rule is never used; the empty form is', () => {
    document.body.innerHTML = `<div role="dialog">${FORM('edit', { n: 'NAS', p: '443', ip: '192.168.1.10' })}</div>${FORM('add')}`;
    const choice = chooseEditor(document);
    expect(choice.editor?.scope.id).toBe('add');
    expect(choice.rejected[0]?.why).toMatch(/already holds a rule \(NAS 443\)/);
  });

  test('a page whose only form holds a rule is refused, with the reason', () => {
    document.body.innerHTML = FORM('edit', { n: 'NAS', p: '443', ip: '192.168.1.10' });
    const r = findFields(document);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/every form on this page already holds a rule/);
  });

  test('a hidden pre-filled edit form is not even seen', () => {
    document.body.innerHTML = `<style>.modal{display:none}</style><div class="modal">${FORM('edit', { n: 'NAS', p: '443' })}</div>${FORM('add')}`;
    expect(chooseEditor(document).editor?.scope.id).toBe('add');
  });

  test('slots: firmware defaults (0, 0.0.0.0) are free, a slot holding a rule is not', () => {
    const row = (n: string, p: string, ip: string) => `<tr><td><input value="${n}"></td><td><input value="${p}"></td><td><input value="${p}"></td><td><select><option>TCP</option><option>UDP</option><option>Both</option></select></td><td><input value="${ip}"></td></tr>`;
    document.body.innerHTML = `<form><table><tr><th>Application</th><th>Start</th><th>End</th><th>Protocol</th><th>IP Address</th></tr>
      ${row('NAS', '5000', '192.168.1.10')}${row('', '0', '0.0.0.0')}${row('', '', '')}</table><button type="button">Save Settings</button></form>`;
    const choice = chooseEditor(document);
    expect(choice.slots).toHaveLength(2);
    expect(choice.filledSlots).toHaveLength(1);
  });

  test('editor inputs without name, id or label are known by their column; "FTP Server Port" on the page is not a rule field', () => {
    document.body.innerHTML = `<form><p>FTP Server Port <input value="2021" maxlength="5"></p>
      <table><tr><th>Service Name</th><th>Port Range</th><th>Local IP</th><th>Protocol</th></tr>
      <tr id="row"><td><input></td><td><input></td><td><input></td><td><select><option>TCP</option><option>UDP</option><option>BOTH</option></select></td></tr></table></form>`;
    const r = findFields(document);
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
    if (!r.ok) return;
    expect(r.fields.scope.id).toBe('row');
    expect(r.fields.extRangeSeparator).toBe('-'); // one box for a port or a range
    expect(r.fields.evidence.find((e) => e.role === 'extStart')).toMatchObject({ source: 'column-header', label: 'Port Range' });
  });

  test('a last-number box after the printed "192.168.1." takes only that network', () => {
    document.body.innerHTML = `<form><label>Name <input name="n"></label><label>Port <input name="p"></label>
      <p>IP Address 192.168.1.<input name="ip" maxlength="3"></p><label>Protocol <select><option>TCP</option><option>UDP</option></select></label></form>`;
    const r = findFields(document);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fields.ipPrefix).toBe('192.168.1.');
    expect(fillRule(r.fields, rule())).toEqual({ ok: true });
    expect((document.querySelector('[name=ip]') as HTMLInputElement).value).toBe('20');
    expect(fillRule(r.fields, rule({ ip: '10.0.0.5' }))).toMatchObject({ ok: false, message: expect.stringMatching(/only forwards to addresses starting 192\.168\.1\./) });
  });
});
