/**
 * "Export page outline": a sanitised description of the page's forms that a user can send
 * to contributors writing an adapter. Tags, types, names/ids, label texts, option labels and
 * table headers only: no values, no password fields' details, no IP or MAC addresses, no
 * hostnames, no e-mail addresses, no long numbers (serials).
 */
import { partLabel } from '../teach/assignment';
import type { Locator, RouterMapping } from '../teach/mapping';
import { classify } from './generic/classify';
import { isHiddenElement, optionLabels, textOf, type Control } from './generic/signals';

export interface OutlineField {
  tag: string;
  type?: string;
  name?: string;
  id?: string;
  labels: string[];
  options?: string[];
  /** What the generic finder reads it as (port/ip/protocol/name/…), if anything. */
  reading?: string;
  disabled?: boolean;
  readonly?: boolean;
}

export interface OutlineForm {
  id?: string;
  name?: string;
  fields: OutlineField[];
  buttons: string[];
}

/** A page of this router the user taught or confirmed: the start of an adapter. */
export interface OutlineMapping {
  path: string;
  how: 'taught' | 'confirmed';
  /** Each field's part of a rule ("External port") and how it is found (kind, id, name, classes, words). */
  fields: Array<{ part: string; tag: string; type?: string; id?: string; name?: string; classes?: string[]; label?: string }>;
  /** The button that saves the rule, and the one that stores the list afterwards. */
  save: string;
  then?: string;
  /** One box takes a range written first<separator>last. */
  rangeSeparator?: string;
}

export interface PageOutline {
  title: string;
  path: string;
  forms: OutlineForm[];
  tables: string[][];
  /** What the user taught PortPilot on this router (added by the extension, which keeps it). */
  taught?: OutlineMapping[];
}

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b/gi;
const MAC = /\b[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}\b/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const HOST = /\b(?:[a-z0-9-]+\.)+(?:lan|local|home|net|com|org|io|router|box|arpa|[a-z]{2})\b/gi;
const LONG_NUMBER = /\b\d{6,}\b/g;

/** Removes addresses, hostnames and serial-like numbers from a text. */
export function sanitize(text: string): string {
  return text
    .replace(EMAIL, '<email>')
    .replace(MAC, '<mac>')
    .replace(IPV4, '<ip>')
    .replace(IPV6, '<ip>')
    .replace(HOST, '<host>')
    .replace(LONG_NUMBER, '<n>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

const clean = (s: string | null | undefined) => {
  const v = s ? sanitize(s) : '';
  return v || undefined;
};

function fieldOf(el: Control): OutlineField {
  const tag = el.tagName.toLowerCase();
  const type = tag === 'input' ? (el as HTMLInputElement).type : undefined;
  if (type === 'password') return { tag, type, labels: ['<password field>'] };
  const c = classify(el);
  const labels = [...new Set(c.signals.filter((s) => s.tier !== 'attr').map((s) => sanitize(s.text)))].filter(Boolean);
  const out: OutlineField = { tag, type, name: clean(el.getAttribute('name')), id: clean(el.id), labels };
  if (tag === 'select') out.options = optionLabels(el as HTMLSelectElement).map(sanitize).slice(0, 30);
  if (c.reading) out.reading = c.reading.kind === 'port' ? `port ${c.reading.side ?? ''} ${c.reading.bound ?? ''}`.trim() : c.reading.kind;
  if (el.disabled) out.disabled = true;
  if ((el as HTMLInputElement).readOnly) out.readonly = true;
  return out;
}

function buttonsOf(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('button, input[type=submit], input[type=button], input[type=reset]'))
    .filter((b) => !isHiddenElement(b))
    .map((b) => sanitize(b.tagName === 'INPUT' ? (b as HTMLInputElement).value : textOf(b)))
    .filter(Boolean);
}

const CONTROLS = 'input:not([type=hidden]), select, textarea';

export function pageOutline(doc: Document): PageOutline {
  const forms: OutlineForm[] = [];
  for (const form of Array.from(doc.querySelectorAll('form'))) {
    if (isHiddenElement(form)) continue;
    const fields = Array.from(form.querySelectorAll<Control>(CONTROLS)).filter((c) => !isHiddenElement(c)).map(fieldOf);
    forms.push({ id: clean(form.id), name: clean(form.getAttribute('name')), fields, buttons: buttonsOf(form) });
  }
  const loose = Array.from(doc.querySelectorAll<Control>(CONTROLS)).filter((c) => !c.closest('form') && !isHiddenElement(c));
  if (loose.length && doc.body) forms.push({ id: '(no form)', fields: loose.map(fieldOf), buttons: buttonsOf(doc.body).slice(0, 20) });
  const tables = Array.from(doc.querySelectorAll('table'))
    .filter((t) => !isHiddenElement(t))
    .map((t) => Array.from(t.querySelectorAll('th')).map((h) => sanitize(textOf(h))))
    .filter((h) => h.length > 0);
  let path = '';
  try {
    path = new URL(doc.location?.href ?? '').pathname;
  } catch {
    /* no URL */
  }
  return { title: sanitize(doc.title ?? ''), path: sanitize(path), forms, tables };
}

function locatorOutline(l: Locator) {
  return {
    tag: l.tag,
    ...(l.type ? { type: l.type } : {}),
    ...(clean(l.id) ? { id: clean(l.id) } : {}),
    ...(clean(l.name) ? { name: clean(l.name) } : {}),
    ...(l.classes?.length ? { classes: l.classes.map(sanitize).filter(Boolean) } : {}),
    ...(clean(l.label) ? { label: clean(l.label) } : {}),
  };
}

/** The user's taught pages, sanitised like the rest of the outline (no router address, no values). */
export function outlineOfMappings(mappings: RouterMapping[]): OutlineMapping[] {
  return mappings.map((m) => ({
    path: sanitize(m.path),
    how: m.how,
    fields: m.fields.map((f) => ({ part: partLabel(f), ...locatorOutline(f.locator) })),
    save: sanitize(m.submit.text) || '(a button without text)',
    ...(m.commit ? { then: sanitize(m.commit.text) || '(a button without text)' } : {}),
    ...(m.extRangeSeparator ? { rangeSeparator: m.extRangeSeparator } : {}),
  }));
}
