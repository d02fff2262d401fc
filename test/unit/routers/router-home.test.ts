// @vitest-environment node
/**
 * Router pages that are not the port-forwarding form: the popup names the router only when the
 * page names it clearly, and offers the page's own link (or the router's known page) to port
 * forwarding. Tested on the fixtures' status pages, loaded with their scripts, and on small
 * hostile pages; what a person reads is checked for patterns and ids.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notTheFormPage, routerLine } from '../../../extension/lib/popup/apply-section';
import { detectPage } from '../../../extension/lib/routers/detect';
import { findForwardingLink, openForwarding } from '../../../extension/lib/routers/router-home';
import { openPage, type OpenPage } from '../../support/happy-router';
import { expectUserReadable } from '../../support/router-scenario';
import { startRouterServer, type RouterServer } from '../../support/router-server';

let server: RouterServer | undefined;
let page: OpenPage | undefined;
afterEach(async () => {
  await page?.close();
  await server?.close();
  page = server = undefined;
});

async function detectAt(fixture: string, path: string) {
  server = await startRouterServer(fixture);
  page = await openPage(`${server.origin}${path}`);
  return detectPage(page.doc, page.url).detection;
}

/** A page at a router-like address, without scripts. */
function pageAt(url: string, html: string, title = ''): Document {
  const window = new Window({ url });
  const doc = window.document as unknown as Document;
  doc.title = title;
  doc.body.innerHTML = html;
  return doc;
}

/** No regex, selector, id or internal word in anything the popup shows. */
function expectPlainWords(text: string | null): void {
  expectUserReadable(text ?? '');
  expect(text).not.toMatch(/\\b|\\s|\^|\$\)|\(\?|#\w|\bspectrum-rac|\bgeneric\b|adapter|marker|selector/);
}

describe('a status page that names the router', () => {
  it.each([
    ['rac2v1k', 'Spectrum RAC2V1K', 'Advanced › Port Forwarding', '/advanced_port_forwarding.html'],
    ['rac2v1a', 'Spectrum RAC2V1A', 'Advanced › Port Forwarding', '/port_forwarding.html'],
    ['rac2v1s', 'Spectrum RAC2V1S', 'Access Control › Port Forwarding', '/nat_port_forwarding.html'],
  ])('%s: "This is your %s" and its link to port forwarding', async (fixture, name, text, path) => {
    const d = await detectAt(fixture, '/index.html');
    expect(d.kind).toBe('unknown');
    expect(d.router).toBe(name);
    expect(d.forwarding).toEqual({ via: 'link', text, url: `${server!.origin}${path}` });
    const said = notTheFormPage(d);
    expect(said).toBe(`This is your ${name}. Port forwarding is on another page: open it, then apply.`);
    expectPlainWords(said);
    expectPlainWords(routerLine(d));
  });

  it('Spectrum Advanced WiFi: named, and no port-forwarding page offered (it is set up in the app)', async () => {
    const d = await detectAt('spectrum-advanced-wifi', '/index.html');
    expect(d).toMatchObject({ kind: 'app-only', router: 'Spectrum Advanced WiFi' });
    expect(d.forwarding).toBeUndefined();
    expect(routerLine(d)).toBe(`This is your Spectrum Advanced WiFi (${server!.origin})`);
  });

  it('a cable gateway menu: the link says where it goes in the router’s own words', async () => {
    const d = await detectAt('arris-gateway', '/at_a_glance.php');
    expect(d).toMatchObject({ kind: 'unknown', router: 'Arris gateway' });
    expect(d.forwarding).toMatchObject({ via: 'link', text: 'Firewall › Virtual Servers / Port Forwarding' });
  });

  it('the port-forwarding page itself is not offered again (its menu links to itself, or its title says so)', () => {
    for (const doc of [
      pageAt('http://192.168.1.1/forwarding.htm', '<a href="forwarding.htm">Port Forwarding / Port Triggering</a><p>Rules</p>', 'Router'),
      pageAt('http://192.168.1.1/x.asp', '<a href="/other.asp">Port Forwarding</a>', 'WAN - Virtual Server / Port Forwarding'),
    ]) {
      const d = detectPage(doc, doc.location.href).detection;
      expect(d.kind).toBe('unknown');
      expect(d.forwarding).toBeUndefined();
      expect(d.onForwardingPage).toBe(true);
      expectPlainWords(notTheFormPage(d));
      expect(notTheFormPage(d)).toMatch(/cannot fill the port-forwarding form on this page \(could not find: external port, device IP address, protocol\)/);
    }
  });
});

describe('who the router is: only when the page says so clearly', () => {
  it('one brand word in the page text names no router (FreshTomato runs "on Netgear R7000")', () => {
    const doc = pageAt('http://192.168.1.1/status.asp', '<p>FreshTomato version 2024.3 on Netgear R7000</p><a href="/forward-basic.asp">Port Forwarding</a>', 'FreshTomato Status');
    const d = detectPage(doc, 'http://192.168.1.1/status.asp').detection;
    expect(d.router).toBeUndefined();
    expect(d.forwarding).toMatchObject({ via: 'link', text: 'Port Forwarding', url: 'http://192.168.1.1/forward-basic.asp' });
    expect(notTheFormPage(d)).toBe('This is a page of your router. Port forwarding is on another page: open it, then apply.');
  });

  it('a router known by its address, with no link on the page: its known port-forwarding page', () => {
    const doc = pageAt('http://routerlogin.net/adv_status.htm', '<h1>Router Status</h1><p>Firmware V1.0</p>', 'Router Status');
    const d = detectPage(doc, 'http://routerlogin.net/adv_status.htm').detection;
    expect(d.router).toBe('Netgear');
    expect(d.forwarding).toEqual({ via: 'path', text: 'Port Forwarding', url: 'http://routerlogin.net/FW_forward.htm' });
  });

  it('a page naming nothing and linking nowhere: not recognised, said without patterns', () => {
    const doc = pageAt('http://192.168.1.1/', '<p>Welcome</p>', 'Home');
    const d = detectPage(doc, 'http://192.168.1.1/').detection;
    expect(d.router).toBeUndefined();
    expect(d.forwarding).toBeUndefined();
    expect(d.reason).toMatch(/no model markers/); // for developers only
    expectPlainWords(notTheFormPage(d));
  });
});

describe('the link to port forwarding', () => {
  const origin = 'http://192.168.0.1';
  it('prefers port forwarding over a vaguer "Forwarding", and leaves out triggering, IPv6, hidden and foreign links', () => {
    const doc = pageAt(`${origin}/menu.htm`, `
      <a href="/trigger.htm">Port Triggering</a>
      <a href="/v6.htm">IPv6 Port Forwarding</a>
      <a href="/fwd.htm">Forwarding</a>
      <a href="http://evil.example/pf">Port Forwarding</a>
      <a href="/hidden.htm" style="display:none">Virtual Server</a>
      <a href="/vs.htm">Virtual Servers</a>`);
    expect(findForwardingLink(doc)).toMatchObject({ text: 'Virtual Servers', url: `${origin}/vs.htm` });
  });

  it('a menu entry run by the page’s script has no address, and is clicked like a person would', () => {
    const doc = pageAt(`${origin}/index.htm`, '<a href="javascript:void(0)" id="m">NAT Forwarding</a><a href="#">Status</a>');
    const found = findForwardingLink(doc)!;
    expect(found).toMatchObject({ text: 'NAT Forwarding' });
    expect(found.url).toBeUndefined();
    const click = vi.fn();
    doc.getElementById('m')!.addEventListener('click', (e) => {
      e.preventDefault();
      click();
    });
    expect(openForwarding(doc, { via: 'link', text: 'NAT Forwarding' })).toEqual({ ok: true });
    expect(click).toHaveBeenCalledOnce();
  });

  it('says so in words when the link is gone', () => {
    const doc = pageAt(`${origin}/index.htm`, '<p>nothing</p>');
    const r = openForwarding(doc, { via: 'link', text: 'Port Forwarding' });
    expect(r.ok).toBe(false);
    expectPlainWords(r.ok ? '' : r.error);
  });
});
