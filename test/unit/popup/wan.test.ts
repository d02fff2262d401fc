// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { wanKind, wanWarning } from '../../../extension/lib/popup/wan-warning';
import { readWanAddress } from '../../../extension/lib/routers/generic/wan-address';
import { rememberWan, wanOf } from '../../../extension/lib/store/router-wan';
import { getSetting } from '../../../extension/lib/store/settings';
import { resetDb } from '../../support/reset-db';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};

describe('readWanAddress', () => {
  it('reads the router\'s internet address from a status table, a definition list or a line of text', () => {
    expect(readWanAddress(page('<table><tr><td>Model</td><td>X1</td></tr><tr><td>LAN IP Address</td><td>192.168.1.1</td></tr><tr><td>WAN IP Address</td><td>100.72.4.9</td></tr></table>'))).toBe('100.72.4.9');
    expect(readWanAddress(page('<dl><dt>Default Gateway</dt><dd>10.0.0.1</dd><dt>Internet IPv4 address</dt><dd>10.0.0.23</dd></dl>'))).toBe('10.0.0.23');
    expect(readWanAddress(page('<p>Public IP: 203.0.113.7</p>'))).toBe('203.0.113.7');
    expect(readWanAddress(page('<div><span>WAN</span> <span>192.168.100.2</span></div>'))).toBe('192.168.100.2');
  });

  it('ignores gateways, DNS servers, masks, LAN addresses, hidden rows and empty ones', () => {
    expect(readWanAddress(page('<table><tr><td>WAN Gateway</td><td>100.64.0.1</td></tr><tr><td>WAN DNS Server</td><td>1.1.1.1</td></tr><tr><td>WAN Subnet Mask</td><td>255.255.255.0</td></tr></table>'))).toBeNull();
    expect(readWanAddress(page('<p>LAN IP address 192.168.1.1</p><p>WAN IP Address 0.0.0.0</p>'))).toBeNull();
    expect(readWanAddress(page('<p hidden>WAN IP Address 100.64.1.1</p>'))).toBeNull();
    expect(readWanAddress(page('<p>Forward port 3074 to 192.168.1.50</p>'))).toBeNull();
  });
});

describe('wanWarning', () => {
  it('warns for carrier-grade NAT and double NAT, says what to ask, and stays quiet for a public address', () => {
    expect(wanKind('100.64.0.1')).toBe('cgnat');
    expect(wanKind('100.127.255.254')).toBe('cgnat');
    expect(wanKind('100.128.0.1')).toBe('public');
    expect(wanKind('192.168.0.2')).toBe('private');
    expect(wanKind('172.20.1.1')).toBe('private');
    expect(wanWarning('100.72.4.9')).toMatch(/^Your router’s internet address is 100\.72\.4\.9, a carrier-grade NAT address: .* Ask your provider for a public IPv4 address/);
    expect(wanWarning('192.168.0.2')).toMatch(/a private address: another router or modem sits in front of it \(double NAT\)\. Forward the same ports on that one/);
    expect(wanWarning('203.0.113.7')).toBeNull();
  });
});

describe('rememberWan', () => {
  beforeEach(resetDb);

  it('keeps the last address per router, and at most ten routers', async () => {
    await rememberWan('http://192.168.1.1', '100.64.1.1');
    await rememberWan('http://192.168.1.1', '100.64.1.2');
    expect(await wanOf('http://192.168.1.1')).toBe('100.64.1.2');
    for (let i = 0; i < 12; i++) await rememberWan(`http://10.0.${i}.1`, '203.0.113.1');
    const kept = await getSetting('wanByRouter');
    expect(Object.keys(kept)).toHaveLength(10);
    expect(kept['http://192.168.1.1']).toBeUndefined(); // the oldest went first
  });
});
