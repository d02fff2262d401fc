/**
 * The extension keeps the mappings: a tab gets only its own router's, a new one is kept only
 * while that tab's job is asking and only for that job's router, and the popup's answer reaches
 * the preview in the tab.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ApplyJob } from '../../../extension/lib/apply/types';
import { listMappings, saveMapping } from '../../../extension/lib/store/mappings';
import { registerTeachHandlers } from '../../../extension/lib/teach/background';
import { makeJob, rule } from '../../support/happy-router';
import { mapping } from '../../support/mapping-factory';
import { resetDb } from '../../support/reset-db';

const ORIGIN = 'http://192.168.1.1';

const POPUP = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const inTab = (id: number, url = `${ORIGIN}/forward-basic.asp`, frameId = 0) => ({ id: fakeBrowser.runtime.id, url, frameId, tab: { id } });
const send = (msg: unknown, sender: object = POPUP) =>
  (fakeBrowser.runtime.onMessage as unknown as { trigger(...a: unknown[]): Promise<unknown[]> }).trigger(msg, sender).then((r) => r.find((x) => x !== undefined));

let tabId: number;
const putJob = (job: ApplyJob) => browser.storage.session.set({ [`job:${job.tabId}`]: job });

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDb();
  tabId = (await fakeBrowser.tabs.create({ url: `${ORIGIN}/forward-basic.asp` })).id!;
  registerTeachHandlers();
});

describe('mappings for a tab', () => {
  test('only its own router’s, for the paths it asks about', async () => {
    const mine = await saveMapping(mapping({ origin: ORIGIN }));
    await saveMapping(mapping({ origin: 'http://10.0.0.1' }));
    expect(await send({ type: 'mapping:find', paths: ['/forward-basic.asp', '/other.asp'] }, inTab(tabId))).toEqual([mine]);
    // Not to a page without a tab, a frame, or a script whose page is on another address than its tab.
    expect(await send({ type: 'mapping:find', paths: ['/forward-basic.asp'] })).toBeUndefined();
    expect(await send({ type: 'mapping:find', paths: ['/forward-basic.asp'] }, inTab(tabId, `${ORIGIN}/f.html`, 3))).toBeUndefined();
    expect(await send({ type: 'mapping:find', paths: ['/forward-basic.asp'] }, inTab(tabId, 'http://evil.example/x'))).toBeUndefined();
  });

  test('kept only while the tab’s job asks, and only for that router', async () => {
    const m = mapping({ origin: ORIGIN });
    const sender = inTab(tabId);
    expect(await send({ type: 'mapping:save', mapping: m }, sender)).toMatchObject({ ok: false });
    await putJob(makeJob([rule()], { tabId, origin: ORIGIN, review: { state: 'asked' } }));
    expect(await send({ type: 'mapping:save', mapping: mapping({ origin: 'http://10.0.0.1' }) }, sender)).toMatchObject({ ok: false, error: 'it is for another router' });
    expect(await send({ type: 'mapping:save', mapping: { ...m, fingerprint: 'x' } }, sender)).toMatchObject({ ok: false, error: 'its fingerprint does not match its fields' });
    expect(await send({ type: 'mapping:save', mapping: m }, sender)).toEqual({ ok: true });
    expect(await listMappings()).toEqual([m]);
  });
});

describe("the popup's answer", () => {
  test('goes to the preview in the tab, and says so when nothing is asked there', async () => {
    const sendMessage = vi.fn(async () => true);
    (browser.tabs as unknown as { sendMessage: typeof sendMessage }).sendMessage = sendMessage;
    expect(await send({ type: 'review:decide', tabId, decision: 'apply' })).toMatchObject({ ok: false });
    expect(sendMessage).not.toHaveBeenCalled();
    await putJob(makeJob([rule()], { tabId, origin: ORIGIN, review: { state: 'asked', ready: true } }));
    expect(await send({ type: 'review:decide', tabId, decision: 'apply' })).toEqual({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith(tabId, { type: 'router:review', decision: 'apply' });
    // A content script cannot answer for the person.
    sendMessage.mockClear();
    expect(await send({ type: 'review:decide', tabId, decision: 'apply' }, inTab(tabId))).toBeUndefined();
    expect(sendMessage).not.toHaveBeenCalled();
    sendMessage.mockResolvedValueOnce(false);
    expect(await send({ type: 'review:decide', tabId, decision: 'apply' })).toMatchObject({ ok: false, error: expect.stringMatching(/still missing/) });
  });
});
