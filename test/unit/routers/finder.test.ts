// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { findFields } from '../../../extension/lib/routers/generic/editors';
import { fillRule, setValue } from '../../../extension/lib/routers/generic/fill';
import { readExistingRules } from '../../../extension/lib/routers/generic/table';
import type { RouterRule } from '../../../extension/lib/apply/types';

const rule = (over: Partial<RouterRule> = {}): RouterRule => ({
  name: 'Minecraft 25565',
  protocol: 'tcp',
  externalStart: 25565,
  externalEnd: 25565,
  internalStart: 25565,
  internalEnd: 25565,
  ip: '192.168.1.20',
  enabled: true,
  ...over,
});
const $ = <T extends Element = HTMLInputElement>(sel: string) => document.querySelector(sel) as unknown as T;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('generic finder', () => {
  test('Netgear-style table form: octets, same-range checkbox, disabled internal ports', () => {
    document.body.innerHTML = `<form><table>
      <tr><td>Service Name</td><td><input name="portname"></td></tr>
      <tr><td>Service Type</td><td><select name="srvtype"><option>TCP/UDP</option><option>TCP</option><option>UDP</option></select></td></tr>
      <tr><td>External Starting Port</td><td><input name="ps"></td></tr>
      <tr><td>External Ending Port</td><td><input name="pe"></td></tr>
      <tr><td colspan="2"><input type="checkbox" id="same" checked> <label for="same">Use the same port range for Internal port</label></td></tr>
      <tr><td>Internal Starting Port</td><td><input name="is" disabled></td></tr>
      <tr><td>Internal Ending Port</td><td><input name="ie" disabled></td></tr>
      <tr><td>Internal IP address</td><td><input name="a" maxlength="3">.<input name="b" maxlength="3">.<input name="c" maxlength="3">.<input name="d" maxlength="3"></td></tr>
    </table><input type="button" value="Apply"></form>`;
    const r = findFields(document);
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
    if (!r.ok) return;
    expect(r.fields.ip.map((i) => i.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.fields.sameAsExternal?.id).toBe('same');
    expect(fillRule(r.fields, rule({ protocol: 'both', externalEnd: 25566, internalEnd: 25566 }))).toEqual({ ok: true });
    expect(['portname', 'ps', 'pe', 'a', 'b', 'c', 'd'].map((n) => $(`[name=${n}]`).value)).toEqual([
      'Minecraft 25565', '25565', '25566', '192', '168', '1', '20',
    ]);
    expect($<HTMLSelectElement>('select').value).toBe('TCP/UDP');
    expect($('[name=is]').value).toBe(''); // disabled: never written
    expect($<HTMLInputElement>('#same').checked).toBe(true);
  });

  test('a range rule on a single-port form is refused before anything is written', () => {
    document.body.innerHTML = `<form>
      <label>Name <input name="n"></label><label>Port <input name="p" maxlength="5"></label>
      <label>IP Address <input name="ip"></label>
      <label>Protocol <select name="pr"><option>TCP</option><option>UDP</option><option>TCP+UDP</option></select></label></form>`;
    const r = findFields(document);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const res = fillRule(r.fields, rule({ externalEnd: 25570, internalEnd: 25570 }));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/one port per rule.*25565-25570/);
    expect($('[name=n]').value).toBe('');
    expect(fillRule(r.fields, rule({ protocol: 'both' }))).toEqual({ ok: true });
    expect($<HTMLSelectElement>('[name=pr]').value).toBe('TCP+UDP');
  });

  test('refuses with the fields it could not identify', () => {
    document.body.innerHTML = `<form><label>Name <input name="n"></label><label>Foo <input name="x"></label>
      <label>Bar <input name="y"></label><label>Protocol <select><option>TCP</option><option>UDP</option></select></label></form>`;
    const r = findFields(document);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toEqual(['external port', 'device IP address']);
    expect(r.reason).toMatch(/"Foo".*"Bar"/);
  });

  test('two unlabeled port boxes after one label are start and end; three are ambiguous', () => {
    document.body.innerHTML = `<form><table>
      <tr><th>Description</th><td><input name="d"></td></tr>
      <tr><th>Inbound Ports</th><td><input name="s"> to <input name="e"></td></tr>
      <tr><th>Format</th><td><select><option>TCP</option><option>UDP</option><option>BOTH</option></select></td></tr>
      <tr><th>Private IP Address</th><td><input name="ip"></td></tr></table></form>`;
    const r = findFields(document);
    expect(r.ok && [r.fields.extStart.name, r.fields.extEnd?.name]).toEqual(['s', 'e']);
    $('td input[name=e]').insertAdjacentHTML('afterend', '<input name="z">');
    const r2 = findFields(document);
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.reason).toMatch(/external port \(3 fields/);
  });

  test('labels that disagree make a field ambiguous, not a guess', () => {
    document.body.innerHTML = `<form><label for="a">External Port</label><input id="a" aria-label="Internal Port">
      <label>IP <input name="ip"></label><label>Protocol <select><option>TCP</option><option>UDP</option></select></label></form>`;
    const r = findFields(document);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/labels disagree/);
  });

  test('hidden and readonly fields are skipped', () => {
    document.body.innerHTML = `<form><label>Name <input name="n" readonly></label><label>Port <input name="p"></label>
      <div style="display:none"><label>Internal port <input name="hidden"></label></div>
      <label>IP <input name="ip"></label><label>Protocol <select><option>TCP</option><option>UDP</option></select></label></form>`;
    const r = findFields(document);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fields.intStart).toBeUndefined();
    expect(fillRule(r.fields, rule())).toEqual({ ok: false, message: 'could not set: name' });
    expect($('[name=n]').value).toBe('');
  });

  test('radio protocol buttons and a TCP/UDP split when there is no Both', () => {
    document.body.innerHTML = `<form><label>Port <input name="p"></label><label>Server <input name="ip"></label>
      <span>Protocol</span><label><input type="radio" name="pr" value="6"> TCP</label><label><input type="radio" name="pr" value="17"> UDP</label></form>`;
    const r = findFields(document);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(fillRule(r.fields, rule({ protocol: 'udp' }))).toEqual({ ok: true });
    expect($<HTMLInputElement>('[value="17"]').checked).toBe(true);
    const both = fillRule(r.fields, rule({ protocol: 'both' }));
    expect(both.ok).toBe(false);
  });

  test('values are set through the native setter with input and change events', () => {
    document.body.innerHTML = '<input id="x">';
    const el = $('#x');
    const seen: string[] = [];
    // A framework-style tracker: an own value property that hides the prototype setter.
    let tracked = '';
    Object.defineProperty(el, 'value', { get: () => tracked, set: (v: string) => (tracked = `tracked:${v}`), configurable: true });
    el.addEventListener('input', () => seen.push('input'));
    el.addEventListener('change', () => seen.push('change'));
    setValue(el, '42');
    expect(seen).toEqual(['input', 'change']);
    expect(tracked).toBe(''); // the prototype setter was used, not the instance one
    delete (el as unknown as { value?: string }).value;
    expect(el.value).toBe('42');
  });
});

describe('rules table', () => {
  test('reads rows by header synonyms, ranges and protocol variants', () => {
    document.body.innerHTML = `<table><thead><tr><th>Service Name</th><th>Protocol</th><th>External Port</th><th>Internal Port</th><th>Internal IP Address</th><th>Status</th></tr></thead>
      <tbody><tr><td>Game</td><td>TCP/UDP</td><td>27015 ~ 27030</td><td>27015-27030</td><td>192.168.1.5</td><td>Enabled</td></tr>
      <tr><td colspan="6">No more rules</td></tr></tbody></table>`;
    expect(readExistingRules(document)).toEqual([
      { name: 'Game', protocol: 'both', externalStart: 27015, externalEnd: 27030, internalStart: 27015, internalEnd: 27030, ip: '192.168.1.5', enabled: true },
    ]);
  });
  test('ARIA tables too', () => {
    document.body.innerHTML = `<div role="table"><div role="row"><div role="columnheader">Name</div><div role="columnheader">Public port</div><div role="columnheader">Local IP</div></div>
      <div role="row"><div role="cell">A</div><div role="cell">80</div><div role="cell">10.0.0.9</div></div></div>`;
    expect(readExistingRules(document)).toMatchObject([{ name: 'A', externalStart: 80, externalEnd: 80, ip: '10.0.0.9', protocol: null }]);
  });
});
