// @vitest-environment node
/**
 * Teaching through the engine, on fixture pages loaded with their scripts into happy-dom: the
 * preview comes before the first write (and only when PortPilot is not sure), a taught or
 * confirmed page is kept and used next time with no question, a page that changed is asked
 * about again, and Cancel writes nothing. The person is played by the ask hook.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyJob } from '../../../extension/lib/apply/types';
import { detectPage } from '../../../extension/lib/routers/detect';
import { detectionWithTeaching } from '../../../extension/lib/teach/detection';
import type { Assignment } from '../../../extension/lib/teach/assignment';
import { problemsOf } from '../../../extension/lib/teach/assignment';
import type { TeachHooks } from '../../../extension/lib/teach/gate';
import { fingerprintOf, type RouterMapping } from '../../../extension/lib/teach/mapping';
import type { TeachDecision, TeachProposal } from '../../../extension/lib/teach/panel';
import { drive, makeJob, openPage, rule, type OpenPage } from '../../support/happy-router';
import { USERS_OWN } from '../../support/router-scenario';
import { startRouterServer, type RouterServer } from '../../support/router-server';

let server: RouterServer | undefined;
let page: OpenPage | undefined;
afterEach(async () => {
  await page?.close();
  await server?.close();
  page = server = undefined;
});

const WANTED = [rule({ name: 'Game', externalStart: 25565 }), rule({ name: 'Voice', protocol: 'udp', externalStart: 3478 })];

/** A person at the preview, and the extension's store of mappings. */
function person(answer: (p: TeachProposal, doc: Document) => TeachDecision) {
  const kept: RouterMapping[] = [];
  const asked: Array<{ proposal: TeachProposal; writesBefore: number }> = [];
  const hooks = (doc: Document): TeachHooks => ({
    mappings: [...kept],
    ask: async (proposal) => {
      asked.push({ proposal, writesBefore: server!.writes().length });
      return answer(proposal, doc);
    },
    remember: async (m) => {
      expect(m.fingerprint).toBe(fingerprintOf(m));
      kept.unshift(m);
    },
    used: () => undefined,
  });
  return { hooks, kept, asked };
}

/** The picture-labels page taught by its field names, as a person would click them. */
function teachPictureLabels(p: TeachProposal, doc: Document): TeachDecision {
  const parts: Record<string, Assignment['fields'][number]['part']> = {
    v1: { role: 'name' }, v7: { role: 'protocol' }, v2: { role: 'extStart' }, v3: { role: 'extEnd' },
    v4: { role: 'intStart' }, v5: { role: 'intEnd' }, v6: { role: 'ip' }, v8: { role: 'enable' },
  };
  const assignment: Assignment = {
    fields: p.fields.map((f) => ({ el: f.el, part: parts[f.el.getAttribute('name') ?? ''] ?? null })),
    buttons: p.buttons.map((b) => ({ el: b.el, use: b.el === doc.getElementById('save') ? 'submit' : null })),
  };
  expect(problemsOf(assignment)).toEqual([]);
  return { kind: 'apply', assignment, changed: true };
}

const confirm = (p: TeachProposal): TeachDecision => ({ kind: 'apply', assignment: p, changed: false });

async function run(job: ApplyJob, hooks: (doc: Document) => TeachHooks) {
  page = await openPage(server!.url);
  const result = await drive(page, job, 12, { teach: hooks });
  await page.close();
  page = undefined;
  return result;
}

describe('a page PortPilot cannot read', () => {
  it('asks before any write, applies what it was shown, and the next time uses it without asking', async () => {
    server = await startRouterServer('picture-labels');
    server.reset({ rules: USERS_OWN });
    const you = person(teachPictureLabels);

    const first = await run(makeJob(WANTED), you.hooks);
    expect(you.asked).toHaveLength(1);
    expect(you.asked[0]!.writesBefore).toBe(0);
    expect(you.asked[0]!.proposal).toMatchObject({ sure: false });
    expect(first.job.rules.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(first.job.review).toEqual({ state: 'confirmed', by: 'person' });
    // The question was in the job (kept by the extension) before the answer.
    expect(first.saves.some((j) => j.review?.state === 'asked' && j.review.missing?.join() === 'External port,Device IP,Protocol')).toBe(true);
    expect(you.kept).toHaveLength(1);
    expect(you.kept[0]).toMatchObject({ how: 'taught', path: '/forward.html', submit: { text: 'Save' } });
    expect(server.rules().map((r) => `${r.name} ${r.protocol} ${r.externalStart} ${r.ip}`)).toEqual([
      'NAS tcp 5000 192.168.1.10',
      'Camera udp 8000 192.168.1.20',
      'Game tcp 25565 192.168.1.20',
      'Voice udp 3478 192.168.1.20',
    ]);

    const again = await run(makeJob([rule({ name: 'More', externalStart: 27015, externalEnd: 27020, internalStart: 27015, internalEnd: 27020 }), ...WANTED]), you.hooks);
    expect(you.asked).toHaveLength(1);
    expect(again.job.review).toEqual({ state: 'confirmed', by: 'remembered' });
    expect(again.job.rules.map((r) => r.status)).toEqual(['applied', 'present', 'present']);
    expect(server.rules().find((r) => r.name === 'More')).toMatchObject({ externalStart: 27015, externalEnd: 27020, internalStart: 27015, internalEnd: 27020 });
  });

  it('asks again when the page is no longer the one taught', async () => {
    server = await startRouterServer('picture-labels');
    server.reset({ rules: USERS_OWN });
    const you = person(teachPictureLabels);
    await run(makeJob(WANTED.slice(0, 1)), you.hooks);
    // Same page, another router firmware: the save button now says something else.
    const changed = { ...you.kept[0]!, submit: { ...you.kept[0]!.submit, text: 'Store' } };
    you.kept.splice(0, 1, { ...changed, fingerprint: fingerprintOf(changed) });
    await run(makeJob(WANTED.slice(1)), you.hooks);
    expect(you.asked).toHaveLength(2);
  });

  it('writes nothing when the person cancels', async () => {
    server = await startRouterServer('picture-labels');
    server.reset({ rules: USERS_OWN });
    const you = person(() => ({ kind: 'cancel' }));
    const { job } = await run(makeJob(WANTED), you.hooks);
    expect(job.state).toBe('stopped');
    expect(job.message).toBe('Stopped by you before PortPilot wrote anything.');
    expect(server.writes()).toEqual([]);
    expect(you.kept).toEqual([]);
  });
});

describe('a page PortPilot reads', () => {
  it('on a router without an adapter of its own: the preview shows the reading; confirmed once, not asked again', async () => {
    server = await startRouterServer('asus-style');
    server.reset({ rules: USERS_OWN });
    const you = person(confirm);
    const first = await run(makeJob(WANTED.slice(0, 1)), you.hooks);
    expect(you.asked).toHaveLength(1);
    const p = you.asked[0]!.proposal;
    expect(p.sure).toBe(true);
    expect(problemsOf(p)).toEqual([]);
    expect(p.fields.filter((f) => f.part).map((f) => f.part!.role).sort()).toEqual(['extStart', 'intStart', 'ip', 'name', 'protocol']);
    expect(first.job.rules[0]!.status).toBe('applied');
    expect(you.kept[0]).toMatchObject({ how: 'confirmed' });
    const again = await run(makeJob(WANTED.slice(1)), you.hooks);
    expect(you.asked).toHaveLength(1);
    expect(again.job.rules[0]!.status).toBe('applied');
    expect(again.job.review?.by).toBe('remembered');
  });

  it('on a router with its own adapter, read with high confidence: no question at all', async () => {
    server = await startRouterServer('rac2v1k');
    server.reset({ rules: USERS_OWN });
    const you = person(confirm);
    const { job } = await run(makeJob(WANTED), you.hooks);
    expect(you.asked).toHaveLength(0);
    expect(job.review).toBeUndefined();
    expect(job.rules.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});

describe('what the popup is told', () => {
  it('a page PortPilot cannot read, listing the rules, can be applied on: it will ask first; once shown, it knows it', async () => {
    server = await startRouterServer('picture-labels');
    server.reset({ rules: USERS_OWN });
    page = await openPage(server.url);
    const found = detectPage(page.doc, page.url);
    expect(found.detection.kind).toBe('unknown');
    expect(detectionWithTeaching(found, page.doc, [])).toMatchObject({ kind: 'form', teach: 'needed' });
    await page.close();
    page = undefined;

    const you = person(teachPictureLabels);
    await run(makeJob(WANTED.slice(0, 1)), you.hooks);
    page = await openPage(server.url);
    expect(detectionWithTeaching(detectPage(page.doc, page.url), page.doc, you.kept)).toMatchObject({ kind: 'form', teach: 'known' });
  });

  it('a status page stays a status page, and a page without a rules list is not offered for teaching', async () => {
    server = await startRouterServer('rac2v1k');
    page = await openPage(`${server.origin}/index.html`);
    expect(detectionWithTeaching(detectPage(page.doc, page.url), page.doc, [])).toMatchObject({ kind: 'unknown', router: 'Spectrum RAC2V1K' });
    await page.close();
    page = await openPage(`${server.origin}/login.html`);
    expect(detectionWithTeaching(detectPage(page.doc, page.url), page.doc, []).teach).toBeUndefined();
  });
});
