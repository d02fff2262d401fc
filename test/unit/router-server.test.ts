// The test router server, over real HTTP on loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFixtures, startRouterServer, type RouterServer } from '../support/router-server';
import type { RouterRule } from '../../extension/lib/apply/types';

const rule = (over: Partial<RouterRule> = {}): RouterRule => ({
  name: 'Minecraft',
  protocol: 'tcp',
  externalStart: 25565,
  externalEnd: 25565,
  internalStart: 25565,
  internalEnd: 25565,
  ip: '10.0.0.20',
  enabled: true,
  ...over,
});

async function post(srv: RouterServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(srv.origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await res.text();
  let data: any = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: res.status, data, headers: res.headers };
}

describe('router server', () => {
  let srv: RouterServer;
  beforeAll(async () => {
    srv = await startRouterServer('rac2v1k');
  });
  afterAll(async () => {
    await srv.close();
  });
  afterEach(() => srv.reset());

  it('listens on loopback only and serves the fixture page at url', async () => {
    expect(srv.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(srv.url).toBe(srv.origin + '/advanced_port_forwarding.html');
    const res = await fetch(srv.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Port Forwarding');
  });

  it('stores a rule and lists it with its id', async () => {
    const r = await post(srv, '/__fixture/rules', rule());
    expect(r.status).toBe(201);
    expect(typeof r.data.id).toBe('number');
    const list = await (await fetch(srv.origin + '/__fixture/rules')).json();
    expect(list).toEqual([{ id: r.data.id, ...rule() }]);
    expect(srv.rules()).toEqual(list);
  });

  it('answers 409 when external ports overlap a rule of the same protocol; both overlaps both', async () => {
    await post(srv, '/__fixture/rules', rule({ externalStart: 27015, externalEnd: 27030, internalStart: 27015, internalEnd: 27030 }));
    const clash = await post(srv, '/__fixture/rules', rule({ name: 'Other', externalStart: 27030, externalEnd: 27030, internalStart: 27030, internalEnd: 27030 }));
    expect(clash.status).toBe(409);
    expect(clash.data.error).toContain('27015-27030');
    expect(clash.data.error).toContain('Minecraft');
    // Other protocol: fine.
    const udp = await post(srv, '/__fixture/rules', rule({ protocol: 'udp', externalStart: 27020, externalEnd: 27020, internalStart: 27020, internalEnd: 27020 }));
    expect(udp.status).toBe(201);
    // "both" clashes with either.
    const both = await post(srv, '/__fixture/rules', rule({ protocol: 'both', externalStart: 27029, externalEnd: 27040, internalStart: 27029, internalEnd: 27040 }));
    expect(both.status).toBe(409);
    // Adjacent range: fine.
    const next = await post(srv, '/__fixture/rules', rule({ externalStart: 27031, externalEnd: 27031, internalStart: 27031, internalEnd: 27031 }));
    expect(next.status).toBe(201);
  });

  it('answers 400 on malformed rules', async () => {
    const bad: unknown[] = [
      'not json',
      {},
      rule({ name: '' }),
      rule({ protocol: 'sctp' as never }),
      rule({ externalStart: 0 }),
      rule({ externalStart: 70000 }),
      rule({ externalStart: 10, externalEnd: 5 }),
      rule({ externalStart: 10, externalEnd: 20, internalStart: 10, internalEnd: 11 }),
      rule({ ip: '10.0.0.256' }),
      rule({ ip: 'router' }),
      { ...rule(), enabled: 'yes' },
      { ...rule(), externalStart: '80' },
    ];
    for (const b of bad) {
      const r = await post(srv, '/__fixture/rules', b);
      expect(r.status, JSON.stringify(b)).toBe(400);
      expect(typeof r.data.error).toBe('string');
    }
    expect(srv.rules()).toEqual([]);
  });

  it('deletes a rule by id', async () => {
    const r = await post(srv, '/__fixture/rules', rule());
    const del = await fetch(`${srv.origin}/__fixture/rules/${r.data.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(srv.rules()).toEqual([]);
    const again = await fetch(`${srv.origin}/__fixture/rules/${r.data.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('PUT replaces the whole list; unchanged rules keep their ids; a bad list changes nothing', async () => {
    const nas = rule({ name: 'NAS', externalStart: 5000, externalEnd: 5000, internalStart: 5000, internalEnd: 5000 });
    const writesBefore = srv.writes().length;
    const first = await post(srv, '/__fixture/rules', nas);
    const put = async (body: unknown) => {
      const res = await fetch(srv.origin + '/__fixture/rules', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, data: await res.json() };
    };
    const ok = await put([nas, rule()]);
    expect(ok.status).toBe(200);
    expect(ok.data.ids[0]).toBe(first.data.id);
    expect(srv.rules().map((r) => r.name)).toEqual(['NAS', 'Minecraft']);
    const clash = await put([nas, rule(), rule({ name: 'Twin' })]);
    expect(clash.status).toBe(409);
    expect(clash.data.error).toContain('Minecraft');
    expect((await put([nas, { ...rule(), ip: 'x' }])).status).toBe(400);
    expect((await put({ rules: [] })).status).toBe(400);
    expect(srv.rules().map((r) => r.name)).toEqual(['NAS', 'Minecraft']);
    expect(srv.writes().slice(writesBefore).map((w) => w.method)).toEqual(['POST', 'PUT', 'PUT', 'PUT', 'PUT']);
  });

  it('reset seeds rules, and a seeded rule then conflicts', async () => {
    const r = await post(srv, '/__fixture/reset', { rules: [rule({ name: 'Seeded' })] });
    expect(r.status).toBe(200);
    expect(srv.rules().map((x) => x.name)).toEqual(['Seeded']);
    const clash = await post(srv, '/__fixture/rules', rule());
    expect(clash.status).toBe(409);
    expect(clash.data.error).toContain('Seeded');
    const badSeed = await post(srv, '/__fixture/reset', { rules: [rule({ ip: 'x' })] });
    expect(badSeed.status).toBe(400);
  });

  it('failNext fails exactly one save with the given text', async () => {
    await post(srv, '/__fixture/reset', { failNext: 'Error: NVRAM is busy' });
    const f = await post(srv, '/__fixture/rules', rule());
    expect(f.status).toBe(400);
    expect(f.data.error).toBe('Error: NVRAM is busy');
    const ok = await post(srv, '/__fixture/rules', rule());
    expect(ok.status).toBe(201);
  });

  it('delayMs slows every save', async () => {
    await post(srv, '/__fixture/reset', { delayMs: 300 });
    const t0 = Date.now();
    const r = await post(srv, '/__fixture/rules', rule());
    expect(r.status).toBe(201);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });

  it('expireSession serves the login page for HTML, 401 for saves, until login', async () => {
    await post(srv, '/__fixture/reset', { expireSession: true });
    const page = await (await fetch(srv.url)).text();
    expect(page).toContain('data-router-login');
    expect(page).toContain('/__fixture/login');
    // The fixture's own login.html wins over the shared one.
    expect(page).toContain('Spectrum');
    const save = await post(srv, '/__fixture/rules', rule());
    expect(save.status).toBe(401);
    expect(srv.rules()).toEqual([]);
    // Non-HTML endpoints still answer.
    expect((await fetch(srv.origin + '/__fixture/rules')).status).toBe(200);

    const login = await fetch(srv.origin + '/__fixture/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=admin&password=pw&next=%2Fadvanced_port_forwarding.html',
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/advanced_port_forwarding.html');
    expect(srv.sessionExpired()).toBe(false);
    expect(await (await fetch(srv.url)).text()).not.toContain('data-router-login');
  });

  it('login ignores off-site next targets', async () => {
    srv.reset({ expireSession: true });
    const login = await fetch(srv.origin + '/__fixture/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'next=' + encodeURIComponent('//evil.example/'),
      redirect: 'manual',
    });
    expect(login.headers.get('location')).toBe('/advanced_port_forwarding.html');
  });

  it('serves /_shared and refuses paths outside the fixture', async () => {
    expect((await fetch(srv.origin + '/_shared/plain.html')).status).toBe(200);
    expect((await fetch(srv.origin + '/missing.html')).status).toBe(404);
    expect((await fetch(srv.origin + '/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await fetch(srv.origin + '/%2e%2e/rac2v1a/fixture.json')).status).toBe(404);
  });

  it('logs requests', async () => {
    await fetch(srv.origin + '/__fixture/rules');
    expect(srv.requests().some((r) => r.path === '/__fixture/rules' && r.method === 'GET' && r.status === 200)).toBe(true);
  });
});

describe('a router that stores no rule name', () => {
  it('takes rules without a name and keeps none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nameless-router-'));
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify({ adapter: 'generic', page: '/vs.htm', kind: 'form', storesName: false }));
    const srv = await startRouterServer(dir);
    try {
      srv.reset({ rules: [rule({ name: 'Seeded name' })] });
      expect(srv.rules()[0]!.name).toBe('');
      const r = await post(srv, '/__fixture/rules', { ...rule({ externalStart: 80, externalEnd: 80, internalStart: 80, internalEnd: 80 }), name: undefined });
      expect(r.status).toBe(201);
      expect(srv.rules().map((x) => x.name)).toEqual(['', '']);
    } finally {
      await srv.close();
      rmSync(dir, { recursive: true });
    }
  });
});

describe('fixtures', () => {
  const fixtures = listFixtures();

  it('every fixture has fixture.json, README.md and its page', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const f of fixtures) {
      expect(['form', 'app-only', 'login']).toContain(f.kind);
      expect(existsSync(join(f.dir, 'README.md')), f.name).toBe(true);
      const pagePath = f.page.split(/[?#]/)[0]!;
      expect(existsSync(join(f.dir, pagePath === '/' ? 'index.html' : pagePath)), f.name + f.page).toBe(true);
    }
  });

  it('form pages read their own form and speak the contract', () => {
    // Pages: .html/.asp/.php/.jst/.cgi files, and extension-less ones (LuCI serves /cgi-bin/luci/admin/...).
    const isPageFile = (name: string) => name !== 'login.html' && name !== 'README.md' && (/\.(html?|asp|php|jst|cgi)$/.test(name) || !name.includes('.'));
    // The form may sit in a frame or on a page of its own: some page of the fixture speaks the
    // contract and some page lists the rules in a table.
    const pagesOf = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? pagesOf(join(dir, e.name)) : isPageFile(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : [],
      );
    for (const f of fixtures.filter((x) => x.kind === 'form')) {
      const pages = pagesOf(f.dir);
      // Rules go through /__fixture/rules, or slot by slot through /__fixture/slots on slot routers.
      expect(pages.some((html) => (html.includes("'/__fixture/rules'") || html.includes("'/__fixture/slots")) && /401/.test(html)), f.name).toBe(true);
      // A table in the markup, or one the page's script builds (LuCI draws everything).
      expect(pages.some((html) => /<table|role="table"|\('table'/.test(html)), f.name).toBe(true);
    }
  });

  it('each fixture starts and serves its page', async () => {
    for (const f of fixtures) {
      const s = await startRouterServer(f.dir);
      try {
        const res = await fetch(s.url);
        expect(res.status, f.name).toBe(200);
      } finally {
        await s.close();
      }
    }
  });
});
