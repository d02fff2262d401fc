/**
 * Page detection: small pure predicates over a Document, then one Detection for the popup.
 */
import type { Detection } from '../apply/types';
import { findFields, type FindResult } from './generic/finder';
import { isHiddenElement, textOf, visibleControls } from './generic/signals';
import { hasRulesTable } from './generic/table';
import { pickAdapter } from './registry';
import { routerHome } from './router-home';
import type { PageInfo, RouterAdapter } from './types';

const LOGIN_WORDS = /\b(log ?in|sign ?in|log ?on|password|passwort|username|user name|authenticat\w*|admin)\b/i;

export function pageInfo(doc: Document, url = doc.location?.href ?? ''): PageInfo {
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    /* about:blank and friends */
  }
  // Model names routers put in <meta> (model, hostname, description) count as page text.
  const meta = Array.from(doc.querySelectorAll('meta[content]'))
    .filter((m) => /model|hostname|description|product/i.test(m.getAttribute('name') ?? ''))
    .map((m) => m.getAttribute('content'))
    .join(' ');
  const hostAttr = doc.querySelector('[data-hostname]')?.getAttribute('data-hostname') ?? '';
  const text = `${meta} ${hostAttr} ${doc.body ? textOf(doc.body) : ''}`.trim();
  return { url, hostname, title: doc.title ?? '', text, selfName: `${meta} ${hostAttr}`.trim(), doc };
}

export function visiblePasswordFields(doc: Document): HTMLInputElement[] {
  return Array.from(doc.querySelectorAll<HTMLInputElement>('input[type=password]')).filter((el) => !isHiddenElement(el));
}

/** A login page: a visible password box, login words, and no port fields to fill. */
export function isLoginPage(doc: Document, found?: FindResult): boolean {
  if (!visiblePasswordFields(doc).length) return false;
  const buttons = Array.from(doc.querySelectorAll('button, input[type=submit], input[type=button]'))
    .map((b) => (b as HTMLInputElement).value || textOf(b))
    .join(' ');
  const words = `${doc.title} ${doc.body ? textOf(doc.body) : ''} ${buttons}`;
  if (!LOGIN_WORDS.test(words)) return false;
  return !(found ?? findFields(doc)).ok;
}

/** The button or link whose text matches, visible and enabled. */
export function findButton(root: ParentNode, pattern: RegExp): HTMLElement | null {
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>('button, input[type=submit], input[type=button], a, [role=button]'),
  );
  return (
    candidates.find((el) => {
      const text = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : textOf(el);
      return pattern.test(text) && !isHiddenElement(el) && !(el as HTMLButtonElement).disabled;
    }) ?? null
  );
}

const GENERIC_ADD = /^\s*(\+\s*)?(add|new|create)( (a |new )?(custom )?(rule|service|entry|port forward(ing)?( rule)?|virtual server))?\s*$/i;

/** A list page whose add button leads to the form (Netgear "Add Custom Service"). */
export function addButtonOf(doc: Document, adapter: RouterAdapter): HTMLElement | null {
  return findButton(doc, adapter.addButton ?? GENERIC_ADD);
}

/** A multi-row rules grid: a table whose rows each hold rule fields. */
export function isMultiRowGrid(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('table')).some((t) => {
    const rows = Array.from(t.rows).filter((r) => visibleControls(r).length >= 3);
    return rows.length >= 2;
  });
}

export interface PageDetection {
  detection: Detection;
  adapter: RouterAdapter;
  fields: FindResult;
}

export function detectPage(doc: Document, url = doc.location?.href ?? ''): PageDetection {
  const info = pageInfo(doc, url);
  let origin = '';
  try {
    origin = new URL(url).origin;
  } catch {
    /* not a URL */
  }
  const picked = pickAdapter(info);
  const adapter = picked.adapter;
  const home = routerHome(doc, info, picked);
  const base = { adapterId: adapter.id, adapterName: adapter.name, origin, ...(home.router ? { router: home.router } : {}) };
  const markers = picked.matched.length ? `matched ${picked.matched.join(', ')}` : 'no model markers';
  const fields = findFields(doc);
  if (adapter.flow === 'app-only') {
    return { adapter, fields, detection: { kind: 'app-only', ...base, reason: `${markers}. ${adapter.note ?? ''}`.trim() } };
  }
  if (isLoginPage(doc, fields)) {
    return { adapter, fields, detection: { kind: 'login', ...base, reason: `a login form (${markers}): log in first` } };
  }
  if (fields.ok) {
    return { adapter, fields, detection: { kind: 'form', ...base, reason: `${markers}; ${fields.reason}` } };
  }
  if (isMultiRowGrid(doc)) {
    return { adapter, fields, detection: { kind: 'form', ...base, reason: `${markers}; a grid of rule rows` } };
  }
  const add = addButtonOf(doc, adapter);
  if (add && (hasRulesTable(doc) || adapter.addButton)) {
    return { adapter, fields, detection: { kind: 'form', ...base, reason: `${markers}; a rules list with an add button` } };
  }
  const where = home.forwarding ? { forwarding: home.forwarding } : home.onForwardingPage ? { onForwardingPage: true } : {};
  return { adapter, fields, detection: { kind: 'unknown', ...base, ...where, problem: fields.reason, reason: `${markers}; ${fields.reason}` } };
}
