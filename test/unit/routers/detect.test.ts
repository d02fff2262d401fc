// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { detectPage, isLoginPage, pageInfo } from '../../../extension/lib/routers/detect';
import { pickAdapter, scoreAdapter, ADAPTERS } from '../../../extension/lib/routers/registry';
import { readText } from '../../../extension/lib/routers/generic/classify';

const FORM = `<form>
  <label for="n">Service Name</label><input id="n">
  <label for="p">Protocol</label><select id="p"><option>TCP</option><option>UDP</option><option>Both</option></select>
  <label for="s">External Start Port</label><input id="s"><label for="e">External End Port</label><input id="e">
  <label for="ip">Server IP Address</label><input id="ip">
  <button type="button">Apply</button></form>`;

const page = (html: string, title = '') => {
  document.title = title;
  document.body.innerHTML = html;
  return document;
};

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('isLoginPage', () => {
  test('password box plus login words', () => {
    page('<form><label>Username <input name="u"></label><label>Password <input type="password"></label><button>Log In</button></form>');
    expect(isLoginPage(document)).toBe(true);
  });
  test('a hidden password box does not count', () => {
    page('<form style="display:none"><input type="password"></form><p>Log in</p>');
    expect(isLoginPage(document)).toBe(false);
  });
  test('a password box without login words does not count', () => {
    page('<form><label>Wi-Fi key <input type="password"></label><button>Save</button></form>');
    expect(isLoginPage(document)).toBe(false);
  });
  test('a port-forward form with a password field elsewhere is not a login page', () => {
    page(FORM + '<div><label>Admin password <input type="password"></label></div>');
    expect(isLoginPage(document)).toBe(false);
  });
});

describe('adapter scoring', () => {
  const info = (over: Partial<ReturnType<typeof pageInfo>>) => ({ ...pageInfo(document, 'http://192.168.1.1/'), ...over });
  test('hostname names the model (RAC2V1S, SAX1V1R.lan)', () => {
    expect(pickAdapter(info({ hostname: 'RAC2V1S' })).adapter.id).toBe('spectrum-rac2v1s');
    expect(pickAdapter(info({ hostname: 'SAX1V1R.lan' })).adapter.id).toBe('spectrum-app-only');
    expect(pickAdapter(info({ hostname: 'routerlogin.net' })).adapter.id).toBe('netgear-charter');
  });
  test('page text markers', () => {
    expect(pickAdapter(info({ text: 'Spectrum WiFi Router RAC2V1K' })).adapter.id).toBe('spectrum-rac2v1k');
    expect(pickAdapter(info({ text: 'Model: RAC2V1A Hardware: ARRIS' })).adapter.id).toBe('spectrum-rac2v1a');
    expect(pickAdapter(info({ text: 'ARRIS Touchstone TG862G', title: 'Touchstone Status' })).adapter.id).toBe('arris-gateway');
    expect(pickAdapter(info({ text: 'Spectrum Advanced WiFi: use the My Spectrum app' })).adapter.id).toBe('spectrum-app-only');
  });
  test('no markers: generic', () => {
    expect(pickAdapter(info({ text: 'Virtual Server', title: 'Router' })).adapter.id).toBe('generic');
  });
  test('every adapter except generic has markers', () => {
    for (const a of ADAPTERS.filter((x) => x.id !== 'generic')) {
      expect(scoreAdapter(a, info({})).score).toBe(0);
      expect(Object.keys(a.markers).length).toBeGreaterThan(0);
    }
  });
  test('meta model tags count as page text', () => {
    document.head.innerHTML = '<meta name="model" content="RAC2V1K">';
    expect(pageInfo(document, 'http://192.168.1.1/').text).toContain('RAC2V1K');
  });
});

describe('detectPage', () => {
  test('a port-forward form', () => {
    page(FORM, 'Router');
    const d = detectPage(document, 'http://192.168.0.1/pf.html').detection;
    expect(d.kind).toBe('form');
    expect(d.adapterId).toBe('generic');
    expect(d.origin).toBe('http://192.168.0.1');
  });
  test('a login page', () => {
    page('<form><input name="user" placeholder="Username"><input type="password" name="pw"><button>Sign in</button></form>', 'Login');
    expect(detectPage(document, 'http://192.168.0.1/').detection.kind).toBe('login');
  });
  test('app-only Spectrum status page', () => {
    page('<h1>Spectrum Advanced WiFi</h1><p>Router SAX2V1S is managed in the My Spectrum app.</p>', 'Spectrum Advanced WiFi');
    const d = detectPage(document, 'http://192.168.1.1/').detection;
    expect(d.kind).toBe('app-only');
    expect(d.reason).toMatch(/My Spectrum app/);
  });
  test('an unrelated page is unknown, with the reason', () => {
    page('<form><input type="email" placeholder="Email"><button>Subscribe</button></form>', 'News');
    const d = detectPage(document, 'http://example.test/').detection;
    expect(d.kind).toBe('unknown');
    expect(d.reason).toMatch(/could not find/);
  });
});

describe('synonym table', () => {
  test.each([
    ['External Start Port', { kind: 'port', side: 'ext', bound: 'start' }],
    ['WAN Port End', { kind: 'port', side: 'ext', bound: 'end' }],
    ['Public port', { kind: 'port', side: 'ext', bound: null }],
    ['Internal Port', { kind: 'port', side: 'int', bound: null }],
    ['LAN port from', { kind: 'port', side: 'int', bound: 'start' }],
    ['Forward to port', { kind: 'port', side: 'int', bound: null }],
    ['Start Port', { kind: 'port', side: null, bound: 'start' }],
    ['Server IP Address', { kind: 'ip' }],
    ['Internal IP address', { kind: 'ip' }],
    ['Device', { kind: 'ip' }],
    ['Protocol', { kind: 'protocol' }],
    ['Service Name', { kind: 'name' }],
    ['Description', { kind: 'name' }],
    ['Application', { kind: 'name' }],
    ['Remote IP', { kind: 'veto' }],
    ['Source port', { kind: 'veto' }],
    ['Trigger Port', { kind: 'veto' }],
    ['extPortStart', { kind: 'port', side: 'ext', bound: 'start' }],
    ['int_port_end', { kind: 'port', side: 'int', bound: 'end' }],
  ])('%s', (text, reading) => {
    expect(readText(text)).toEqual(reading);
  });
  test('checkboxes', () => {
    expect(readText('Use the same port range for Internal port', 'checkbox')).toEqual({ kind: 'same' });
    expect(readText('Enable', 'checkbox')).toEqual({ kind: 'enable' });
  });
});
