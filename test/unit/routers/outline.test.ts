// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { pageOutline, sanitize } from '../../../extension/lib/routers/outline';

test('sanitize removes addresses, hostnames and serials', () => {
  expect(sanitize('Server 192.168.1.20 at SAX1V1R.lan, mac aa:bb:cc:dd:ee:ff, sn 1234567890, mail a@b.com')).toBe(
    'Server <ip> at <host>, mac <mac>, sn <n>, mail <email>',
  );
});

test('the outline has structure and labels but no values, passwords or addresses', () => {
  document.title = 'Router 10.0.0.1';
  document.body.innerHTML = `<form id="pf" name="pfForm">
    <label for="n">Service Name</label><input id="n" name="svc" value="My secret server">
    <label for="ip">Internal IP (e.g. 192.168.1.5)</label><input id="ip" name="lan_ip" value="192.168.1.77">
    <label>Protocol <select name="proto"><option>TCP</option><option selected>UDP</option></select></label>
    <label>Admin password <input type="password" name="adminpw" value="hunter2"></label>
    <input type="hidden" name="token" value="abcdef">
    <button type="button">Apply</button></form>
    <table><tr><th>Name</th><th>Host router.home</th></tr><tr><td>My secret server</td><td>192.168.1.77</td></tr></table>`;
  const outline = pageOutline(document);
  const json = JSON.stringify(outline);
  expect(json).not.toMatch(/192\.168|10\.0\.0\.1|hunter2|adminpw|secret|abcdef|router\.home/);
  const fields = outline.forms[0]!.fields;
  expect(fields.map((f) => f.name)).toEqual(['svc', 'lan_ip', 'proto', undefined]);
  expect(fields[0]).toMatchObject({ tag: 'input', type: 'text', labels: ['Service Name'], reading: 'name' });
  expect(fields[1]!.labels[0]).toBe('Internal IP (e.g. <ip>)');
  expect(fields[2]!.options).toEqual(['TCP', 'UDP']);
  expect(fields[3]).toEqual({ tag: 'input', type: 'password', labels: ['<password field>'] });
  expect(outline.forms[0]!.buttons).toEqual(['Apply']);
  expect(outline.tables).toEqual([['Name', 'Host <host>']]);
  expect(outline.title).toBe('Router <ip>');
});

test("the user's taught pages go with the outline, as parts and words, without the router's address", async () => {
  const { outlineOfMappings } = await import('../../../extension/lib/routers/outline');
  const { mapping } = await import('../../support/mapping-factory');
  const m = mapping({ origin: 'http://192.168.1.1', path: '/forward-basic.asp' });
  m.fields[3]!.locator.label = 'Description for 192.168.1.77';
  const [taught] = outlineOfMappings([m]);
  expect(taught).toEqual({
    path: '/forward-basic.asp',
    how: 'taught',
    fields: [
      { part: 'External port', tag: 'input', type: 'text', classes: ['fi4'], label: 'Ext Ports' },
      { part: 'Device IP', tag: 'input', type: 'text', classes: ['fi6'], label: 'Int Address' },
      { part: 'Protocol', tag: 'select', classes: ['fi2'], label: 'Protocol' },
      { part: 'Rule name', tag: 'input', type: 'text', classes: ['fi7'], label: 'Description for <ip>' },
    ],
    save: 'Add',
    then: 'Save',
    rangeSeparator: '-',
  });
  expect(JSON.stringify(taught)).not.toMatch(/192\.168/);
});
