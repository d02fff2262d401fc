// The test router's fixed rule slots (fixture.json "slots": N), as ISP DSL gateways keep their
// virtual servers: a write goes to a numbered slot and replaces whatever rule sat there.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRouterServer, type RouterServer } from '../support/router-server';
import { RuleSlots } from '../support/rule-slots';
import type { RouterRule } from '../../extension/lib/apply/types';

const rule = (name: string, port: number, ip = '192.168.1.10'): RouterRule => ({
  name,
  protocol: 'tcp',
  externalStart: port,
  externalEnd: port,
  internalStart: port,
  internalEnd: port,
  ip,
  enabled: true,
});

let dir: string;
let srv: RouterServer;
const call = (method: string, path: string, body?: unknown) =>
  fetch(srv.origin + path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slots-fixture-'));
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify({ adapter: 'generic', page: '/index.html', kind: 'form', slots: 3 }));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>slots</title>');
  srv = await startRouterServer(dir);
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => srv.reset({ rules: [rule('NAS', 5000)] }));

describe('rule slots', () => {
  it('seeds and POSTs fill the lowest free slot; GET /__fixture/slots shows every slot', async () => {
    expect((await call('POST', '/__fixture/rules', rule('Game', 27015))).status).toBe(201);
    const table = (await (await call('GET', '/__fixture/slots')).json()) as Array<{ slot: number; rule: { name: string } | null }>;
    expect(table.map((s) => [s.slot, s.rule?.name ?? null])).toEqual([[0, 'NAS'], [1, 'Game'], [2, null]]);
  });

  it('a write to an occupied slot replaces the rule that was there, as the firmware does', async () => {
    const res = await call('PUT', '/__fixture/slots/0', rule('Game', 27015, '192.168.1.50'));
    expect(res.status).toBe(200);
    expect(srv.slots().map((r) => r?.name ?? null)).toEqual(['Game', null, null]);
    expect(srv.rules().map((r) => r.name)).toEqual(['Game']);
  });

  it('a write to an empty slot keeps the others; writing the same rule again keeps its id', async () => {
    const first = (await (await call('PUT', '/__fixture/slots/2', rule('Game', 27015))).json()) as { id: number };
    const again = (await (await call('PUT', '/__fixture/slots/2', rule('Game', 27015))).json()) as { id: number };
    expect(again.id).toBe(first.id);
    expect(srv.slots().map((r) => r?.name ?? null)).toEqual(['NAS', null, 'Game']);
  });

  it('refuses ports that overlap a rule in another slot, unknown slots and a lapsed session; writes nothing then', async () => {
    expect((await call('PUT', '/__fixture/slots/1', rule('Clash', 5000, '192.168.1.99'))).status).toBe(409);
    expect((await call('PUT', '/__fixture/slots/3', rule('Game', 27015))).status).toBe(404);
    srv.reset({ rules: [rule('NAS', 5000)], expireSession: true });
    expect((await call('PUT', '/__fixture/slots/1', rule('Game', 27015))).status).toBe(401);
    expect(srv.slots().map((r) => r?.name ?? null)).toEqual(['NAS', null, null]);
  });

  it('DELETE empties a slot; a full table refuses another rule; slot writes count as writes', async () => {
    expect((await call('DELETE', '/__fixture/slots/0')).status).toBe(204);
    expect(srv.rules()).toEqual([]);
    for (const p of [1, 2, 3]) expect((await call('POST', '/__fixture/rules', rule(`R${p}`, p))).status).toBe(201);
    expect((await call('POST', '/__fixture/rules', rule('R4', 4))).status).toBe(400);
    expect(srv.writes().some((w) => w.path === '/__fixture/slots/0' && w.method === 'DELETE')).toBe(true);
  });

  it('a router without slots answers 404 there', async () => {
    const plain = await startRouterServer('rac2v1k');
    try {
      expect((await fetch(plain.origin + '/__fixture/slots')).status).toBe(404);
      expect(plain.slots()).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('RuleSlots', () => {
  it('places new rules in the lowest free slots and forgets removed ones', () => {
    const s = new RuleSlots(2);
    s.place([7, 8]);
    expect([s.occupant(0), s.occupant(1)]).toEqual([7, 8]);
    s.place([8, 9]);
    expect([s.occupant(0), s.occupant(1)]).toEqual([9, 8]);
    expect(() => s.place([8, 9, 10])).toThrow(/do not fit in 2 slots/);
    expect(() => new RuleSlots(0)).toThrow(/above 0/);
  });
});
