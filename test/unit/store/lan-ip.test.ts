import { describe, expect, it } from 'vitest';
import { checkLanIp } from '../../../extension/lib/store/lan-ip';

describe('checkLanIp', () => {
  it.each(['192.168.1.50', '10.0.0.2', '172.16.5.4', '172.31.255.254', ' 192.168.0.10 '])('accepts %s', (ip) => {
    expect(checkLanIp(ip)).toEqual({ ok: true, ip: ip.trim() });
  });

  it.each([
    ['192.168.1', /not an IPv4 address/],
    ['192.168.1.256', /not an IPv4 address/],
    ['192.168.01.5', /not an IPv4 address/],
    ['a.b.c.d', /not an IPv4 address/],
    ['', /not an IPv4 address/],
    ['8.8.8.8', /public internet address/],
    ['172.32.0.5', /public internet address/],
    ['127.0.0.1', /loopback/],
    ['255.255.255.255', /reserved or multicast/],
    ['224.0.0.1', /reserved or multicast/],
    ['0.0.0.0', /reserved/],
    ['169.254.3.4', /link-local/],
    ['192.168.1.255', /broadcast/],
    ['192.168.1.0', /network's own address/],
  ])('rejects %s', (ip, message) => {
    const result = checkLanIp(ip);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
