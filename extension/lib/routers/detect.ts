/**
 * Page detection: small pure predicates over a Document, then one Detection for the popup.
 */
import type { PageModel } from '../apply/page-model';
import { readPage } from '../apply/read';
import type { Detection } from '../apply/types';
import { isHiddenElement, textOf } from './generic/signals';
import { readWanAddress } from './generic/wan-address';
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

/** A login page: a visible password box, login words, and no rule form to fill. */
export function isLoginPage(doc: Document, model?: PageModel): boolean {
  if (!visiblePasswordFields(doc).length) return false;
  const buttons = Array.from(doc.querySelectorAll('button, input[type=submit], input[type=button]'))
    .map((b) => (b as HTMLInputElement).value || textOf(b))
    .join(' ');
  const words = `${doc.title} ${doc.body ? textOf(doc.body) : ''} ${buttons}`;
  if (!LOGIN_WORDS.test(words)) return false;
  const m = model ?? readPage(doc);
  return !m.form && !m.slots.length;
}

export interface PageDetection {
  detection: Detection;
  adapter: RouterAdapter;
  model: PageModel;
}

function flowWords(model: PageModel): string {
  switch (model.flow) {
    case 'grid':
      return `a grid of rule rows (${model.slots.length} free)`;
    case 'open-form':
      return `a rules list; "${model.openForm?.text}" opens an empty form`;
    case 'stage-commit':
      return `${model.form!.shape}; the row goes into a list, then "${model.form!.commit?.text}" saves it`;
    default:
      return model.form ? `form fields identified: ${model.form.shape}` : model.problem;
  }
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
  const wan = readWanAddress(doc);
  const base = { adapterId: adapter.id, adapterName: adapter.name, origin, ...(home.router ? { router: home.router } : {}), ...(wan ? { wanAddress: wan } : {}) };
  const markers = picked.matched.length ? `matched ${picked.matched.join(', ')}` : 'no model markers';
  const model = readPage(doc, { url, adapter });
  const confidence = model.confidence;
  if (adapter.flow === 'app-only') {
    return { adapter, model, detection: { kind: 'app-only', ...base, reason: `${markers}. ${adapter.note ?? ''}`.trim() } };
  }
  if (isLoginPage(doc, model)) {
    return { adapter, model, detection: { kind: 'login', ...base, reason: `a login form (${markers}): log in first` } };
  }
  if (model.flow !== 'none') {
    return { adapter, model, detection: { kind: 'form', ...base, confidence, reason: `${markers}; ${flowWords(model)}` } };
  }
  const where = home.forwarding ? { forwarding: home.forwarding } : home.onForwardingPage ? { onForwardingPage: true } : {};
  return { adapter, model, detection: { kind: 'unknown', ...base, ...where, problem: model.problem, reason: `${markers}; ${model.problem}` } };
}
