import { expect, it } from 'vitest';
import { checkRouterAddress } from '../../../extension/lib/store/router-address';

it.each([
  ['192.168.1.1', 'http://192.168.1.1'],
  ['routerlogin.net', 'http://routerlogin.net'],
  [' 127.0.0.1:8123 ', 'http://127.0.0.1:8123'],
  ['https://10.0.0.1/admin/index.html', 'https://10.0.0.1'],
])('accepts %s as %s', (input, origin) => {
  expect(checkRouterAddress(input)).toEqual({ ok: true, origin });
});

it.each([
  ['', /Type the address/],
  ['http://', /not an address/],
  ['admin:secret@192.168.1.1', /never stores router passwords/],
  ['my router', /not an address/],
  ['router_1', /not a host name/],
  ['javascript://%0aalert(1)', /not a web address/],
  ['ftp://192.168.1.1', /not a web address/],
])('rejects %j', (input, message) => {
  const r = checkRouterAddress(input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(message);
});
