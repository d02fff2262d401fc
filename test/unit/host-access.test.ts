import { expect, it } from 'vitest';
import { hostPattern } from '../../extension/lib/host-access';

it('asks for the router host on every port: Firefox says "not granted" for a pattern with a port', () => {
  expect(hostPattern('http://192.168.1.1')).toBe('http://192.168.1.1/*');
  expect(hostPattern('http://10.0.0.1:8080')).toBe('http://10.0.0.1/*');
  expect(hostPattern('https://routerlogin.net')).toBe('https://routerlogin.net/*');
});
