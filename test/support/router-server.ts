/**
 * A stand-in home router for tests and the demo: serves one fixture folder from
 * test/fixtures/routers/<name>/ on 127.0.0.1 and plays the router's backend.
 *
 * Contract (the fixture pages' own inline JS speaks it, the way a real router's page
 * speaks to its own CGI):
 *   POST   /__fixture/rules      RouterRule JSON -> 201 {id} | 409 {error} (external ports overlap
 *                                an existing rule of the same protocol; "both" overlaps both)
 *                                | 400 {error} (malformed) | 401 {error} (session expired)
 *   GET    /__fixture/rules      -> stored rules, each with its id
 *   PUT    /__fixture/rules      [RouterRule...] -> 200 {ids} replaces the whole list, as firmware
 *                                that saves its rule table in one variable does (DD-WRT, Tomato,
 *                                ASUSWRT); 400/409/401 as for POST, and nothing changes then
 *   DELETE /__fixture/rules/<id> -> 204 | 404
 * With "slots": N in fixture.json the router keeps its rules in N numbered slots (ISP DSL gateways);
 * rules fill the lowest free slot, and:
 *   GET    /__fixture/slots      -> [{slot, rule | null}] for every slot
 *   PUT    /__fixture/slots/<n>  RouterRule -> 200 {id}: writes slot n in place, replacing whatever
 *                                rule was there (as the firmware does); 409 when the ports overlap a
 *                                rule in another slot; 400/401 as for POST; 404 for no such slot
 *   DELETE /__fixture/slots/<n>  -> 204: empties slot n | 404 for no such slot
 *   POST   /__fixture/reset      {rules?, delayMs?, failNext?, failStatus?, expireSession?} -> 200
 *   POST   /__fixture/login      form or JSON {next?} -> restores the session, 303 to next
 * While the session is expired every HTML page load answers with the fixture's login.html
 * (else _shared/login.html) at the same URL, and POST /__fixture/rules answers 401.
 *
 * Only ever binds and talks to loopback.
 *
 * CLI: tsx test/support/router-server.ts <fixture-name> [--port N]   (prints the URL)
 *      tsx test/support/router-server.ts --list
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { RouterRule } from '../../extension/lib/apply/types';
import { RuleSlots } from './rule-slots';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_ROOT = resolve(HERE, '../fixtures/routers');
export const SHARED_DIR = join(FIXTURES_ROOT, '_shared');

export type FixtureKind = 'form' | 'app-only' | 'login';

export interface FixtureMeta {
  /** Adapter id the extension should pick for this router ("generic" for the generic adapter). */
  adapter: string;
  /** Path of the port-forwarding page (for app-only/login: the page to open). */
  page: string;
  kind: FixtureKind;
  /** Where the add form lives when it is a separate page reached from `page` (Netgear). */
  formPage?: string;
  /** Router-flavoured error texts; {name} {ports} {detail} are filled in. */
  messages?: { conflict?: string; invalid?: string; expired?: string };
  /** false: the router keeps no rule name (rules are stored with name ""). Default true. */
  storesName?: boolean;
  /** The name box takes at most this many characters: PortPilot shortens names to fit. */
  nameMaxLength?: number;
  /**
   * What PortPilot should do on this page with the current engine: store the rules, or stop
   * safely with a reason and write nothing. Default "applies".
   */
  outcome?: 'applies' | 'refuses';
  /** A page PortPilot cannot read until someone shows it the fields (the teach tests use it): why. */
  teach?: string;
  /** Set while the current engine handles this page unsafely: the e2e scenario is skipped, with this reason. */
  pending?: string;
  /** The router keeps its rules in this many numbered slots, written in place (DSL gateways). */
  slots?: number;
}

export interface FixtureInfo extends FixtureMeta {
  name: string;
  dir: string;
}

export interface StoredRule extends RouterRule {
  id: number;
}

export interface ResetOptions {
  rules?: RouterRule[];
  /** Every save answers after this many ms (until the next reset). */
  delayMs?: number;
  /** The next save fails with this text (one shot). */
  failNext?: string;
  /** HTTP status for failNext; 400 unless given. */
  failStatus?: number;
  /** The next page load of any HTML page serves the login page; saves answer 401. */
  expireSession?: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface RouterServer {
  /** Full URL of the fixture's port-forwarding page. */
  url: string;
  origin: string;
  port: number;
  fixture: FixtureInfo;
  close(): Promise<void>;
  /** A copy of the stored rules. */
  rules(): StoredRule[];
  /** Same as POST /__fixture/reset, in process. */
  reset(options?: ResetOptions): void;
  /** Every request served so far (method, path, status). */
  requests(): RequestLogEntry[];
  /** The requests so far that could change the stored rules (POST/PUT/DELETE on /__fixture/rules). */
  writes(): RequestLogEntry[];
  /** With fixture.json "slots": what each slot holds, in slot order (else empty). */
  slots(): Array<StoredRule | null>;
  /** True while the session is expired (login page served). */
  sessionExpired(): boolean;
}

/** Fixture folders (names not starting with "_"), sorted. */
export function listFixtures(root = FIXTURES_ROOT): FixtureInfo[] {
  return readdirSync(root)
    .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
    .filter((n) => existsSync(join(root, n, 'fixture.json')))
    .sort()
    .map((n) => loadFixture(join(root, n)));
}

/** Reads <dir>/fixture.json. `dirOrName` is a folder path or a fixture name under FIXTURES_ROOT. */
export function loadFixture(dirOrName: string): FixtureInfo {
  const dir = resolveFixtureDir(dirOrName);
  const meta = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')) as FixtureMeta;
  if (!meta.adapter || !meta.page || !meta.kind) throw new Error(`${dir}/fixture.json: adapter, page and kind are required`);
  const name = dir.split(sep).filter(Boolean).pop()!;
  return { ...meta, name, dir };
}

function resolveFixtureDir(dirOrName: string): string {
  if (isAbsolute(dirOrName) || dirOrName.includes('/') || dirOrName.includes(sep)) {
    const d = resolve(dirOrName);
    if (existsSync(join(d, 'fixture.json'))) return d;
    throw new Error(`no fixture.json in ${d}`);
  }
  const d = join(FIXTURES_ROOT, dirOrName);
  if (existsSync(join(d, 'fixture.json'))) return d;
  const names = listFixtures().map((f) => f.name);
  throw new Error(`unknown fixture "${dirOrName}"; fixtures: ${names.join(', ')}`);
}

// ---------------------------------------------------------------- rule checks

const PROTOCOLS = new Set(['tcp', 'udp', 'both']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Returns the reason a rule is malformed, or null. `storesName: false` routers take no name. */
export function validateRule(body: unknown, options: { storesName?: boolean } = {}): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'rule must be a JSON object';
  const r = body as Record<string, unknown>;
  if (options.storesName === false) {
    if (r.name !== undefined && typeof r.name !== 'string') return 'name must be text';
  } else {
    if (typeof r.name !== 'string' || r.name.trim() === '') return 'name is required';
    if (r.name.length > 64) return 'name is longer than 64 characters';
  }
  if (typeof r.protocol !== 'string' || !PROTOCOLS.has(r.protocol)) return 'protocol must be tcp, udp or both';
  for (const k of ['externalStart', 'externalEnd', 'internalStart', 'internalEnd'] as const) {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65535) return `${k} must be a port number 1-65535`;
  }
  const es = r.externalStart as number;
  const ee = r.externalEnd as number;
  const is = r.internalStart as number;
  const ie = r.internalEnd as number;
  if (ee < es) return 'external end port is below the start port';
  if (ie < is) return 'internal end port is below the start port';
  if (ie - is !== ee - es) return 'internal port range must be the same size as the external range';
  if (typeof r.ip !== 'string' || !IPV4.test(r.ip)) return 'ip must be an IPv4 address';
  if (r.enabled !== undefined && typeof r.enabled !== 'boolean') return 'enabled must be true or false';
  return null;
}

export function protocolsOverlap(a: string, b: string): boolean {
  return a === b || a === 'both' || b === 'both';
}

export function findConflict(rules: StoredRule[], r: RouterRule): StoredRule | undefined {
  return rules.find(
    (x) => protocolsOverlap(x.protocol, r.protocol) && x.externalStart <= r.externalEnd && r.externalStart <= x.externalEnd,
  );
}

function normalizeRule(r: RouterRule, storesName = true): RouterRule {
  return {
    name: storesName ? r.name.trim() : '',
    protocol: r.protocol,
    externalStart: r.externalStart,
    externalEnd: r.externalEnd,
    internalStart: r.internalStart,
    internalEnd: r.internalEnd,
    ip: r.ip,
    enabled: r.enabled ?? true,
  };
}

function sameRule(a: RouterRule, b: RouterRule): boolean {
  return (Object.keys(b) as (keyof RouterRule)[]).every((k) => a[k] === b[k]);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

function portsText(s: number, e: number): string {
  return s === e ? String(s) : `${s}-${e}`;
}

// ---------------------------------------------------------------- server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.asp': 'text/html; charset=utf-8',
  '.php': 'text/html; charset=utf-8',
  '.cgi': 'text/html; charset=utf-8',
  '.jst': 'text/html; charset=utf-8', // RDK-B web UI pages
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const HTML_EXT = new Set(['.html', '.htm', '.asp', '.php', '.cgi', '.jst']);
const MAX_BODY = 64 * 1024;

export async function startRouterServer(fixtureDir: string, options: { port?: number } = {}): Promise<RouterServer> {
  const fixture = loadFixture(fixtureDir);
  const dir = fixture.dir;

  let store: StoredRule[] = [];
  let nextId = 1;
  let delayMs = 0;
  let failNext: { text: string; status: number } | null = null;
  let expired = false;
  const log: RequestLogEntry[] = [];
  const slots = fixture.slots === undefined ? null : new RuleSlots(fixture.slots);
  /** What each slot holds, in slot order. */
  const slotTable = (): Array<StoredRule | null> =>
    slots ? Array.from({ length: slots.count }, (_, n) => store.find((r) => r.id === slots.occupant(n)) ?? null) : [];

  function reset(o: ResetOptions = {}): void {
    const seeds = o.rules ?? [];
    store = [];
    nextId = 1;
    for (const r of seeds) {
      const why = validateRule(r, fixture);
      if (why) throw new Error(`seed rule ${JSON.stringify(r)}: ${why}`);
      store.push({ id: nextId++, ...normalizeRule(r, fixture.storesName !== false) });
    }
    slots?.clear();
    slots?.place(store.map((r) => r.id));
    delayMs = Math.max(0, Number(o.delayMs ?? 0) || 0);
    failNext = o.failNext ? { text: String(o.failNext), status: Number(o.failStatus ?? 400) || 400 } : null;
    expired = o.expireSession === true;
  }

  const msg = (kind: 'conflict' | 'invalid' | 'expired', vars: Record<string, string>, fallback: string) =>
    fill(fixture.messages?.[kind] ?? fallback, vars);

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) throw new Error('body too large');
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function parseJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
    const text = await readBody(req);
    if (text.trim() === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false };
    }
  }

  async function loginPage(): Promise<Buffer> {
    const own = join(dir, 'login.html');
    return readFile(existsSync(own) ? own : join(SHARED_DIR, 'login.html'));
  }

  /** Maps a URL path to a file under the fixture folder, or /_shared/... to the shared folder. */
  function fileFor(pathname: string): string | null {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    const base = rel.startsWith('/_shared/') ? SHARED_DIR : dir;
    if (rel.startsWith('/_shared/')) rel = rel.slice('/_shared'.length);
    const full = normalize(join(base, rel));
    if (full !== base && !full.startsWith(base + sep)) return null;
    if (!existsSync(full)) return null;
    const st = statSync(full);
    if (st.isDirectory()) {
      const idx = join(full, 'index.html');
      return existsSync(idx) ? idx : null;
    }
    return full;
  }

  const invalid = (detail: string) => msg('invalid', { detail }, 'Invalid rule: {detail}');
  const conflictText = (clash: RouterRule) =>
    msg('conflict', { name: clash.name, ports: portsText(clash.externalStart, clash.externalEnd) }, 'External port {ports} is already used by rule "{name}".');
  const storesName = fixture.storesName !== false;

  function addRule(res: ServerResponse, body: unknown): void {
    const why = validateRule(body, fixture);
    if (why) return send(res, 400, { error: invalid(why) });
    const rule = normalizeRule(body as RouterRule, storesName);
    const clash = findConflict(store, rule);
    if (clash) return send(res, 409, { error: conflictText(clash) });
    if (slots && slots.freeSlot() === undefined) return send(res, 400, { error: invalid(`all ${slots.count} rule slots are in use`) });
    const stored = { id: nextId++, ...rule };
    store.push(stored);
    slots?.place(store.map((r) => r.id));
    send(res, 201, { id: stored.id });
  }

  /** The whole list at once; a rule equal to one already stored keeps that rule's id. */
  function replaceRules(res: ServerResponse, body: unknown): void {
    if (!Array.isArray(body)) return send(res, 400, { error: invalid('the rule list must be a JSON array') });
    const next: StoredRule[] = [];
    const unused = store.slice();
    for (const [i, item] of body.entries()) {
      const why = validateRule(item, fixture);
      if (why) return send(res, 400, { error: invalid(`entry ${i + 1}: ${why}`) });
      const rule = normalizeRule(item as RouterRule, storesName);
      const clash = findConflict(next, rule);
      if (clash) return send(res, 409, { error: conflictText(clash) });
      const same = unused.findIndex((r) => sameRule(r, rule));
      const id = same >= 0 ? unused.splice(same, 1)[0]!.id : nextId++;
      next.push({ id, ...rule });
    }
    if (slots && next.length > slots.count) return send(res, 400, { error: invalid(`only ${slots.count} rules fit in this router`) });
    store = next;
    slots?.place(store.map((r) => r.id));
    send(res, 200, { ids: next.map((r) => r.id) });
  }

  /** Slot n written in place: whatever rule sat there is gone, as on the firmware. */
  function writeSlot(res: ServerResponse, slot: number, body: unknown): void {
    const why = validateRule(body, fixture);
    if (why) return send(res, 400, { error: invalid(why) });
    const rule = normalizeRule(body as RouterRule, storesName);
    const before = slots!.occupant(slot);
    const clash = findConflict(store.filter((r) => r.id !== before), rule);
    if (clash) return send(res, 409, { error: conflictText(clash) });
    const old = store.find((r) => r.id === before);
    const id = old && sameRule(old, rule) ? old.id : nextId++;
    store = store.filter((r) => r.id !== before);
    store.push({ id, ...rule });
    slots!.put(slot, id);
    send(res, 200, { id });
  }

  /** The checks every save goes through first: delay, lapsed session, one-shot failure, JSON. */
  async function readSave(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> {
    const parsed = await parseJson(req);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (expired) {
      send(res, 401, { error: msg('expired', {}, 'Your session has expired. Please log in again.') });
      return null;
    }
    if (failNext) {
      const f = failNext;
      failNext = null;
      send(res, f.status, { error: f.text });
      return null;
    }
    if (!parsed.ok) {
      send(res, 400, { error: invalid('body is not JSON') });
      return null;
    }
    return { value: parsed.value };
  }

  async function handleSlots(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (!slots) return send(res, 404, { error: 'this router has no rule slots' });
    if (path === '/__fixture/slots' && method === 'GET') {
      return send(res, 200, slotTable().map((rule, slot) => ({ slot, rule })));
    }
    const m = /^\/__fixture\/slots\/(\d+)$/.exec(path);
    const slot = m ? Number(m[1]) : NaN;
    if (!m || !slots.has(slot)) return send(res, 404, { error: `no slot ${path.split('/').pop()}` });
    if (method === 'PUT') {
      const save = await readSave(req, res);
      if (save) writeSlot(res, slot, save.value);
      return;
    }
    if (method === 'DELETE') {
      if (expired) return send(res, 401, { error: msg('expired', {}, 'Your session has expired. Please log in again.') });
      const id = slots.occupant(slot);
      store = store.filter((r) => r.id !== id);
      slots.place(store.map((r) => r.id));
      return send(res, 204, undefined);
    }
    return send(res, 405, { error: 'method not allowed' });
  }

  async function handleFixtureApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';

    if (path === '/__fixture/rules' && method === 'GET') return send(res, 200, store);

    if (path === '/__fixture/rules' && (method === 'POST' || method === 'PUT')) {
      const save = await readSave(req, res);
      if (!save) return;
      return method === 'POST' ? addRule(res, save.value) : replaceRules(res, save.value);
    }

    if (path === '/__fixture/slots' || path.startsWith('/__fixture/slots/')) return handleSlots(req, res, path);

    const del = /^\/__fixture\/rules\/([^/]+)$/.exec(path);
    if (del && method === 'DELETE') {
      if (expired) return send(res, 401, { error: msg('expired', {}, 'Your session has expired. Please log in again.') });
      const id = Number(del[1]);
      const i = store.findIndex((r) => r.id === id);
      if (i < 0) return send(res, 404, { error: `no rule ${del[1]}` });
      store.splice(i, 1);
      slots?.place(store.map((r) => r.id));
      return send(res, 204, undefined);
    }

    if (path === '/__fixture/reset' && method === 'POST') {
      const parsed = await parseJson(req);
      if (!parsed.ok) return send(res, 400, { error: 'reset body is not JSON' });
      try {
        reset((parsed.value ?? {}) as ResetOptions);
      } catch (e) {
        return send(res, 400, { error: (e as Error).message });
      }
      return send(res, 200, { ok: true, rules: store });
    }

    if (path === '/__fixture/login' && method === 'POST') {
      const text = await readBody(req);
      let next = '';
      if ((req.headers['content-type'] ?? '').includes('application/json')) {
        try {
          next = String((JSON.parse(text || '{}') as { next?: unknown }).next ?? '');
        } catch {
          /* ignore */
        }
      } else {
        next = new URLSearchParams(text).get('next') ?? '';
      }
      expired = false;
      // Same-origin paths only.
      const target = next.startsWith('/') && !next.startsWith('//') ? next : fixture.page;
      res.writeHead(303, { Location: target, 'Cache-Control': 'no-store' });
      return void res.end();
    }

    if (path === '/__fixture/state' && method === 'GET') {
      return send(res, 200, { fixture: fixture.name, rules: store.length, delayMs, failNext: failNext?.text ?? null, expired });
    }

    return send(res, 404, { error: 'unknown fixture endpoint' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path.startsWith('/__fixture/')) return handleFixtureApi(req, res, path);

    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });

    if (path === '/' && !existsSync(join(dir, 'index.html'))) {
      res.writeHead(302, { Location: fixture.page });
      return void res.end();
    }

    const file = fileFor(path);
    const ext = file ? extname(file).toLowerCase() : extname(path).toLowerCase();
    const isHtml = HTML_EXT.has(ext) || path === '/' || ext === '';

    if (expired && isHtml && !path.startsWith('/_shared/')) {
      const body = await loginPage();
      res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store', Pragma: 'no-cache' });
      return void res.end(method === 'HEAD' ? undefined : body);
    }

    if (!file && path === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return void res.end();
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>404 Not Found</title><h1>404 Not Found</h1>');
    }
    const body = await readFile(file);
    res.writeHead(200, {
      // Extension-less paths are pages, as on LuCI (/cgi-bin/luci/admin/...).
      'Content-Type': TYPES[ext] ?? (ext === '' ? TYPES['.html']! : 'application/octet-stream'),
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    const at = Date.now();
    res.on('finish', () => log.push({ method: req.method ?? 'GET', path: req.url ?? '/', status: res.statusCode, at }));
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { error: (e as Error).message });
      else res.destroy();
    });
  });
  // Keep-alive sockets from a browser would hold close() open.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin + fixture.page,
    origin,
    port,
    fixture,
    rules: () => store.map((r) => ({ ...r })),
    reset,
    requests: () => log.slice(),
    writes: () =>
      log.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && (r.path.startsWith('/__fixture/rules') || r.path.startsWith('/__fixture/slots'))),
    slots: () => slotTable().map((r) => r && { ...r }),
    sessionExpired: () => expired,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------- CLI

function isMain(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return import.meta.url === pathToFileURL(resolve(arg)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  if (args.includes('--list') || args.length === 0) {
    for (const f of listFixtures()) console.log(`${f.name.padEnd(24)} ${f.kind.padEnd(9)} ${f.adapter.padEnd(18)} ${f.page}`);
    if (args.length === 0) console.log('\nusage: tsx test/support/router-server.ts <fixture-name> [--port N]');
    process.exit(0);
  }
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? Number(args[pi + 1]) : undefined;
  const name = args.find((a, i) => !a.startsWith('--') && (pi < 0 || i !== pi + 1));
  if (!name) {
    console.error('usage: tsx test/support/router-server.ts <fixture-name> [--port N]');
    process.exit(2);
  }
  const srv = await startRouterServer(name, { port });
  console.log(srv.url);
  const stop = () => void srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
