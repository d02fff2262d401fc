// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { setValue } from '../../../extension/lib/routers/generic/fill';
import { readExistingRules, readRulesTables } from '../../../extension/lib/routers/generic/table';

beforeEach(() => {
  document.body.innerHTML = '';
});

const rules = () => readExistingRules(document).map((r) => `${r.name ?? ''}|${r.protocol}|${r.externalStart}-${r.externalEnd}>${r.internalStart ?? ''}|${r.ip ?? ''}`);

describe('the router\'s list of saved rules', () => {
  test('headers in <td> cells, under a one-cell title row in <thead>', () => {
    document.body.innerHTML = `<table><thead><tr><td colspan="5">Port Forwarding List (Max Limit : 32)</td></tr></thead>
      <tbody><tr><td>Service Name</td><td>Port Range</td><td>Local IP</td><td>Local Port</td><td>Protocol</td></tr>
      <tr><td>NAS</td><td>5000:5001</td><td>192.168.1.10</td><td></td><td>TCP</td></tr></tbody></table>`;
    // A blank Local Port means "the same port".
    expect(rules()).toEqual(['NAS|tcp|5000-5001>|192.168.1.10']);
  });

  test('a header-less list right under the table that holds the header and the editor row (ASUS)', () => {
    document.body.innerHTML = `<div><div><table><tr><th>Service Name</th><th>External Port</th><th>Local IP</th><th>Protocol</th></tr>
      <tr><td><input name="a"></td><td><input name="b"></td><td><input name="c"></td><td><select><option>TCP</option></select></td></tr></table></div>
      <div><table class="list_table"><tr><td>Plex</td><td>32400</td><td>192.168.1.11</td><td>TCP</td></tr></table></div></div>`;
    expect(rules()).toEqual(['Plex|tcp|32400-32400>|192.168.1.11']);
  });

  test('rows of inputs the router rendered are rules; blank or 0 / 0.0.0.0 rows are free slots; rows we typed into are ours', () => {
    document.body.innerHTML = `<table><tr><th>Application</th><th>Start</th><th>End</th><th>Protocol</th><th>IP Address</th></tr>
      <tr><td><input value="NAS"></td><td><input value="5000"></td><td><input value="5000"></td><td><select><option value="tcp" selected>TCP</option></select></td><td><input value="192.168.1.10"></td></tr>
      <tr><td><input value=""></td><td><input value="0"></td><td><input value="0"></td><td><select><option>Both</option></select></td><td><input value="0.0.0.0"></td></tr>
      <tr id="mine"><td><input></td><td><input></td><td><input></td><td><select><option>TCP</option></select></td><td><input></td></tr></table>`;
    const mine = Array.from(document.querySelectorAll<HTMLInputElement>('#mine input'));
    ['Game', '25565', '25565', '192.168.1.20'].forEach((v, i) => setValue(mine[i]!, v));
    const [t] = readRulesTables(document);
    expect(t!.rules.map((r) => [r.name, r.externalStart, r.inBoxes])).toEqual([['NAS', 5000, true]]);
    expect(t!.emptySlots).toHaveLength(1); // the 0 / 0.0.0.0 row; the typed row is ours, not a slot
    expect(t!.ownRows.map((r) => r.id)).toEqual(['mine']);
  });

  test('DD-WRT "Port from | IP Address | Port to": external, then the device\'s port', () => {
    document.body.innerHTML = `<table><tr><th>Application</th><th>Protocol</th><th>Port from</th><th>IP Address</th><th>Port to</th></tr>
      <tr><td>Web</td><td>TCP</td><td>8080</td><td>192.168.1.5</td><td>80</td></tr></table>`;
    expect(rules()).toEqual(['Web|tcp|8080-8080>80|192.168.1.5']);
  });

  test('a last-number box after the printed network, and options whose text a script wrote', () => {
    document.body.innerHTML = `<table><tr><th>Name</th><th>External Port</th><th>Protocol</th><th>IP Address</th></tr>
      <tr><td>Cam</td><td>8000</td><td><select id="s"></select></td><td>192.168.1.<input value="20" maxlength="3"></td></tr></table>`;
    const s = document.getElementById('s') as HTMLSelectElement;
    const o = document.createElement('option');
    o.label = 'UDP';
    o.value = 'udp';
    s.append(o);
    expect(rules()).toEqual(['Cam|udp|8000-8000>|192.168.1.20']);
  });
});
