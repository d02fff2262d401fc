import { describe, expect, it } from 'vitest';
import { checkDeviceForRouter } from '../../../extension/lib/apply/device-address';
import { contentScriptTab, isExtensionPage } from '../../../extension/lib/apply/sender';

const ID = 'abcdefgh';
const BASE = `chrome-extension://${ID}/`;

describe('senders', () => {
  it('knows its own pages, and nothing else, as extension pages', () => {
    expect(isExtensionPage({ id: ID, url: `${BASE}popup.html?tab=3`, tab: { id: 9 } }, ID, BASE)).toBe(true);
    expect(isExtensionPage({ id: ID, url: 'http://evil.example/', tab: { id: 4 } }, ID, BASE)).toBe(false); // our content script in a web page
    expect(isExtensionPage({ id: 'other', url: `chrome-extension://other/popup.html` }, ID, BASE)).toBe(false);
    expect(isExtensionPage({ id: ID }, ID, BASE)).toBe(false);
  });

  it("takes a content script's word only for its own tab, top frame, on the job's router", () => {
    const router = { id: ID, url: 'http://192.168.1.1/pf.html', frameId: 0, tab: { id: 7 } };
    expect(contentScriptTab(router, ID, 'http://192.168.1.1')).toBe(7);
    expect(contentScriptTab({ ...router, frameId: 2 }, ID, 'http://192.168.1.1')).toBeNull();
    expect(contentScriptTab({ ...router, url: 'http://evil.example/x' }, ID, 'http://192.168.1.1')).toBeNull();
    expect(contentScriptTab({ ...router, id: 'other' }, ID)).toBeNull();
    expect(contentScriptTab({ id: ID, url: `${BASE}popup.html` }, ID)).toBeNull(); // no tab
  });
});

describe('the device a job forwards to', () => {
  it.each([
    ['0.0.0.0', /reserved/],
    ['8.8.8.8', /public internet address/],
    ['192.168.1.255', /broadcast/],
    ['127.0.0.1', /loopback/],
    ['192.168.1.0', /network's own address/],
    ['192.168.2.50', /not on this router's network .*192\.168\.1\.x/],
    ['10.0.0.5', /not on this router's network/],
  ])('refuses %s for a router at 192.168.1.1', (ip, message) => {
    const r = checkDeviceForRouter(ip, '192.168.1.1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('accepts a device on the router network, and any private device when the router has a name', () => {
    expect(checkDeviceForRouter('192.168.1.50', '192.168.1.1')).toEqual({ ok: true, ip: '192.168.1.50' });
    expect(checkDeviceForRouter('10.0.3.7', '10.0.0.1')).toEqual({ ok: true, ip: '10.0.3.7' });
    expect(checkDeviceForRouter('192.168.7.7', 'routerlogin.net')).toEqual({ ok: true, ip: '192.168.7.7' });
    expect(checkDeviceForRouter(' 192.168.1.50 ', '127.0.0.1')).toEqual({ ok: true, ip: '192.168.1.50' });
    expect(checkDeviceForRouter(42, '192.168.1.1').ok).toBe(false);
  });
});
