import { headline, jobTone, statusCounts, STATUS_TEXT, STATUS_TONE } from '../apply/outcome';
import type { ApplyJob, ApplyMode, Detection, RouterRule } from '../apply/types';
import { PROTOCOL_LABELS } from '../presets/rule-text';
import { h, mount } from './dom';

export interface ApplySectionState {
  detection: Detection | undefined;
  job: ApplyJob | null;
  rules: RouterRule[];
  deviceChosen: boolean;
  /** The user's router addresses (options page), offered as links when this tab is no router. */
  routerOrigins: string[];
  error?: string;
  /** Something the user must confirm in the preset view first (a forward like a DMZ), in words. */
  confirmNeeded?: string | null;
}

export interface ApplySectionActions {
  apply(mode: ApplyMode): void;
  stop(): void;
  exportOutline(): void;
  /** Follows the router page's own way to its port-forwarding page. */
  openForwarding(): void;
  /** The person's decision on the preview shown on the router page. */
  review(decision: 'apply' | 'cancel'): void;
}

/** What to say on a page with no form to fill: whose router it is and where to go. Words only. */
export function notTheFormPage(d: Detection): string {
  const whose = d.router ? `This is your ${d.router}. ` : '';
  if (d.forwarding) return `${whose || 'This is a page of your router. '}Port forwarding is on another page: open it, then apply.`;
  if (d.onForwardingPage) {
    return `${whose}PortPilot cannot fill the port-forwarding form on this page${d.problem ? ` (${d.problem})` : ''}. Copy the rules, or save the page description (below) so this router can be supported.`;
  }
  if (whose) return `${whose}PortPilot found no port-forwarding form here. Open the router's port-forwarding page, then reopen PortPilot.`;
  return "PortPilot does not recognise this tab as a router's port-forwarding page. Open that page, for example http://192.168.1.1, or copy the rules.";
}

/** "Open Port Forwarding", with the page's own words for where it goes. */
export function openForwardingButton(d: Detection, onOpen: () => void): HTMLElement | null {
  if (!d.forwarding) return null;
  const where = d.forwarding.via === 'link' ? `“${d.forwarding.text}” on this page` : "the router's port-forwarding page";
  return h('p', { class: 'row', id: 'forwarding-way' },
    h('button', { type: 'button', id: 'open-forwarding', onclick: onOpen, 'aria-describedby': 'forwarding-where' }, 'Open Port Forwarding'),
    h('span', { class: 'muted', id: 'forwarding-where' }, ` Opens ${where}.`),
  );
}

/** "This is your Spectrum RAC2V1K (http://192.168.1.1)" when the page names the router clearly. */
export function routerLine(d: Detection): string | null {
  if (d.router) return `This is your ${d.router} (${d.origin})`;
  if (d.kind === 'unknown') return null;
  return `Router: ${d.adapterName ?? 'a router page'} (${d.origin})`;
}

/** What Apply will do first, when it can run. */
function readyText(d: Detection | undefined): string {
  const safe = 'Existing rules are read first: nothing of yours is changed or removed.';
  if (d?.teach === 'needed') return `PortPilot cannot tell this page’s fields apart yet: when you apply, it asks you to show them once, on the page. ${safe}`;
  if (d?.teach === 'known') return `PortPilot knows this page: you showed it its fields. ${safe}`;
  return safe;
}

/** Why Apply is unavailable, or null when it can run. */
export function applyBlocker(state: ApplySectionState): string | null {
  const d = state.detection;
  if (!d) return 'Looking at the current tab…';
  if (d.kind === 'login') return 'Log in to your router in this tab, open its port-forwarding page, then reopen PortPilot.';
  if (d.kind === 'app-only') return 'This router is managed in the My Spectrum app: follow the checklist below.';
  if (d.kind === 'unknown') return notTheFormPage(d);
  if (!state.deviceChosen) return 'Choose the device the ports should go to.';
  if (state.confirmNeeded) return state.confirmNeeded;
  if (state.rules.length === 0) return 'This preset has no rules for the chosen platform.';
  if (state.job && (state.job.state === 'running' || state.job.state === 'paused-login')) return 'An apply is already running in this tab.';
  return null;
}

/** A bar with one segment per status, coloured by what it means: failures show as failures. */
function outcomeBar(job: ApplyJob): HTMLElement {
  const total = Math.max(1, job.rules.length);
  const counts = statusCounts(job.rules);
  return h('div', { class: 'outcome-bar', role: 'img', 'aria-label': counts.map((c) => `${c.count} ${c.text}`).join(', ') },
    ...counts.map((c) => h('span', { class: `seg tone-${c.tone}`, 'data-status': c.status, style: `width:${(100 * c.count) / total}%` })),
  );
}

/** While the preview on the router page waits: what PortPilot found, what is missing, and the same Apply / Cancel. */
function reviewBox(job: ApplyJob, onReview: (decision: 'apply' | 'cancel') => void): HTMLElement | null {
  const r = job.review;
  if (job.state !== 'running' || r?.state !== 'asked') return null;
  return h('div', { id: 'review', class: 'note' },
    h('p', {}, r.ready
      ? 'PortPilot outlined on the router page the fields it will fill and the button it will press. Nothing has been written yet.'
      : 'PortPilot is not sure which field is which on this page. Show it on the router page: click a field and choose what it holds, then click the button that saves a rule.'),
    r.found?.length ? h('ul', { id: 'review-found' }, ...r.found.map((f) => h('li', {}, f))) : null,
    r.missing?.length ? h('p', { id: 'review-missing' }, `Not found yet: ${r.missing.join(', ')}.`) : null,
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', id: 'review-apply', disabled: !r.ready, onclick: () => onReview('apply') }, 'Apply with these fields'),
      h('button', { type: 'button', id: 'review-cancel', onclick: () => onReview('cancel') }, 'Cancel'),
    ),
  );
}

function outcomesList(job: ApplyJob, onStop: () => void, onReview: (decision: 'apply' | 'cancel') => void): HTMLElement {
  return h('div', { id: 'apply-progress', 'data-tone': jobTone(job.state, job.rules) },
    h('p', { role: 'status', class: `headline tone-${jobTone(job.state, job.rules)}` }, headline(job)),
    reviewBox(job, onReview),
    outcomeBar(job),
    job.message ? h('p', { class: 'muted job-message' }, job.message) : null,
    job.state === 'running' || job.state === 'paused-login'
      ? h('button', { type: 'button', id: 'stop', onclick: onStop, title: 'Rules already saved stay; nothing else is typed' }, 'Stop')
      : null,
    h('ul', { class: 'outcomes', id: 'outcomes' },
      ...job.rules.map((o) =>
        h('li', { 'data-status': o.status, class: `tone-${STATUS_TONE[o.status]}` },
          `${o.rule.name} (${PROTOCOL_LABELS[o.rule.protocol]} ${o.rule.externalStart}${o.rule.externalEnd !== o.rule.externalStart ? `-${o.rule.externalEnd}` : ''}): ${STATUS_TEXT[o.status]}`,
          o.message ? ` — ${o.message}` : '',
        ),
      ),
    ),
  );
}

/** The My Spectrum app steps, with the rules as a checklist to tick off there. */
function appChecklist(rules: RouterRule[]): HTMLElement {
  return h('div', { id: 'app-checklist' },
    h('p', {}, 'Your Spectrum router has no port-forwarding page of its own. In the My Spectrum app:'),
    h('ol', {},
      h('li', {}, 'Services › Router › Advanced Settings › Port Forwarding & IP Reservations.'),
      h('li', {}, `Reserve the device's IP address${rules[0] ? ` (${rules[0].ip})` : ''} first.`),
      h('li', {}, 'Then add one port assignment per rule:'),
    ),
    h('ul', { class: 'outcomes' },
      ...rules.map((r, i) =>
        h('li', {}, h('label', {}, h('input', { type: 'checkbox', id: `check-${i}` }),
          ` ${PROTOCOL_LABELS[r.protocol]} ${r.externalStart}${r.externalEnd !== r.externalStart ? `-${r.externalEnd}` : ''} → ${r.ip}`)),
      ),
    ),
  );
}

export function renderApplySection(root: HTMLElement, state: ApplySectionState, actions: ApplySectionActions): void {
  const blocker = applyBlocker(state);
  const d = state.detection;
  mount(root, 
    h('h2', { class: 'sr-only' }, 'Router'),
    d && routerLine(d) ? h('p', { class: 'muted', id: 'router-detected' }, routerLine(d)) : null,
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', id: 'apply', disabled: blocker !== null, 'aria-describedby': 'apply-reason', onclick: () => actions.apply('apply') },
        `Apply ${state.rules.length} rule${state.rules.length === 1 ? '' : 's'} to router`),
      h('button', { type: 'button', id: 'fill-only', disabled: blocker !== null, onclick: () => actions.apply('fill-only'), title: 'Type the first rule into the form and leave Save to you' }, 'Fill first rule only'),
    ),
    h('p', { class: 'muted', id: 'apply-reason' }, blocker ?? readyText(d)),
    state.error ? h('p', { class: 'error', role: 'alert' }, state.error) : null,
    d?.kind === 'unknown' ? openForwardingButton(d, actions.openForwarding) : null,
    d?.kind === 'app-only' ? appChecklist(state.rules) : null,
    d?.kind === 'unknown' && state.routerOrigins.length
      ? h('p', { class: 'muted', id: 'router-links' }, 'Open your router: ',
          ...state.routerOrigins.map((o, i) => h('span', {}, i ? ' · ' : '', h('a', { href: o, target: '_blank', rel: 'noopener' }, o.replace(/^http:\/\//, '')))))
      : null,
    (d?.kind === 'unknown' || d?.teach) && d.origin.startsWith('http')
      ? h('details', { id: 'teach-router' },
          h('summary', {}, 'Is this your router’s port-forwarding page?'),
          h('p', { class: 'muted' }, 'Save a description of its form (field names only, none of your values) and attach it to a request to support your router.'),
          h('button', { type: 'button', id: 'export-outline', onclick: actions.exportOutline }, 'Save the page description'),
        )
      : null,
    state.job && state.job.presetId ? outcomesList(state.job, actions.stop, actions.review) : null,
  );
}
