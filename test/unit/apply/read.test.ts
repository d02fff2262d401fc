// @vitest-environment node
/**
 * readPage on every fixture router that happy-dom can run (the others run in Chromium in the
 * e2e scenario): the flow it finds, the user's rules it lists, and a model that survives JSON
 * and resolves back to the same page elements. Pure: reading writes nothing.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { readPage, resolveControl, resolveForm } from '../../../extension/lib/apply/read';
import { openPage, type OpenPage } from '../../support/happy-router';
import { USERS_OWN } from '../../support/router-scenario';
import { listFixtures, startRouterServer, type RouterServer } from '../../support/router-server';

/** What each fixture's first page shows PortPilot. */
const FLOW: Record<string, string> = {
  'arris-gateway': 'single',
  'asus-style': 'single',
  'asuswrt-merlin': 'open-form',
  'asuswrt-stock': 'stage-commit',
  'dlink-style': 'single',
  freshtomato: 'stage-commit',
  'hostile-delete-all-dialog': 'single',
  'hostile-hidden-edit-dialog': 'single',
  'hostile-input-row-list': 'single',
  'hostile-silent-save': 'single',
  'netgear-charter': 'open-form',
  rac2v1a: 'single',
  rac2v1k: 'single',
  rac2v1s: 'grid',
  'tp-link-style': 'single',
};
const NOT_IN_HAPPY_DOM = new Set(['dd-wrt', 'tplink-classic', 'netgear-genie', 'linksys-range-grid', 'hostile-iframe-list']);
const fixtures = listFixtures().filter((f) => f.kind === 'form' && FLOW[f.name] && !NOT_IN_HAPPY_DOM.has(f.name));

let server: RouterServer | undefined;
let page: OpenPage | undefined;
afterEach(async () => {
  await page?.close();
  await server?.close();
  page = server = undefined;
});

describe('readPage on the fixture routers', () => {
  test.each(fixtures.map((f) => [f.name, f] as const))('%s', async (name, f) => {
    server = await startRouterServer(f.dir);
    server.reset({ rules: USERS_OWN });
    page = await openPage(server.url);
    // Lists filled by script after load: the model says so until they are there.
    for (let i = 0; i < 40 && readPage(page.doc).listLoading; i++) await new Promise((r) => setTimeout(r, 50));
    const before = page.doc.body.innerHTML;
    const model = readPage(page.doc, { url: server.url });
    expect(model.flow, model.problem).toBe(FLOW[name]);
    // The user's rules, as the router lists them (the Netgear and Merlin list pages show them too).
    expect(model.rules.map((r) => [r.externalStart, r.ip]).sort()).toEqual([[5000, '192.168.1.10'], [8000, '192.168.1.20']]);
    // Plain data: the same after a JSON round trip.
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(page.doc.body.innerHTML).toBe(before);
    const form = model.form ?? model.slots[0];
    if (form) {
      for (const field of form.fields) expect(field.confidence).toBeGreaterThan(0);
      expect(form.confidence).toBeGreaterThanOrEqual(0.5);
      const fields = resolveForm(page.doc, form);
      expect(fields, 'the model resolves to the page again').not.toBeNull();
      expect(resolveControl(page.doc, form.submit)).not.toBeNull();
    }
    if (model.flow === 'open-form') expect(resolveControl(page.doc, model.openForm)).not.toBeNull();
  }, 20000);
});
