/**
 * Writes a RouterRule into a FieldMap the way frameworks notice: the native value setter
 * (so React/Vue trackers see a real change), then input and change events; selects by
 * option label; checkboxes by click only when the state differs. Nothing is written to a
 * disabled or readonly control, and a rule the form cannot hold is refused before any write.
 */
import type { RouterRule } from '../../apply/types';
import type { FieldMap, ProtocolControl } from './finder';
import { protocolChoices } from './finder';
import { isWritable, optionText } from './signals';
import { protocolOfLabel } from './synonyms';
import { recordWrite } from './touched';

export type FillResult = { ok: true } | { ok: false; message: string };

function nativeSetter(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const proto =
    el.tagName === 'TEXTAREA'
      ? (view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype
      : el.tagName === 'SELECT'
        ? (view?.HTMLSelectElement ?? HTMLSelectElement).prototype
        : (view?.HTMLInputElement ?? HTMLInputElement).prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}

function fire(el: Element, type: string) {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const EventCtor = view?.Event ?? Event;
  el.dispatchEvent(new EventCtor(type, { bubbles: true }));
}

export function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): boolean {
  if (!isWritable(el)) return false;
  el.focus?.();
  const setter = nativeSetter(el);
  if (setter) setter.call(el, value);
  else el.value = value;
  recordWrite(el, value);
  fire(el, 'input');
  fire(el, 'change');
  el.blur?.();
  return true;
}

export function setChecked(el: HTMLInputElement, checked: boolean): boolean {
  if (!isWritable(el)) return false;
  recordWrite(el, el.value);
  if (el.checked !== checked) el.click();
  return el.checked === checked;
}

/** Whether this control can express the protocol: 'both' needs a Both/TCP+UDP choice. */
export function canExpress(control: ProtocolControl, protocol: RouterRule['protocol']): boolean {
  return protocolChoices(control).has(protocol);
}

function setProtocol(control: ProtocolControl, protocol: RouterRule['protocol']): boolean {
  if (control.kind === 'radio') {
    const option = control.options.find((o) => o.choice === protocol);
    return option ? setChecked(option.el, true) : false;
  }
  const option = Array.from(control.el.options).find((o) => protocolOfLabel(optionText(o)) === protocol);
  if (!option) return false;
  return setValue(control.el, option.value);
}

/** Checks a rule fits the form before anything is written. */
export function checkFits(fields: FieldMap, rule: RouterRule): FillResult {
  const range = rule.externalStart !== rule.externalEnd;
  if (range && !fields.extEnd && !fields.extRangeSeparator) {
    return {
      ok: false,
      message: `this form takes one port per rule, and the rule needs the range ${rule.externalStart}-${rule.externalEnd}: add it by hand or as single ports`,
    };
  }
  if (!canExpress(fields.protocol, rule.protocol)) {
    return { ok: false, message: `the protocol list has no ${rule.protocol.toUpperCase()} choice` };
  }
  const octets = rule.ip.split('.');
  if (fields.ip.length === 4 && octets.length !== 4) return { ok: false, message: `"${rule.ip}" is not an IPv4 address` };
  if (fields.ipPrefix && !rule.ip.startsWith(fields.ipPrefix)) {
    return { ok: false, message: `this router only forwards to addresses starting ${fields.ipPrefix}, and the device is ${rule.ip}` };
  }
  if (!isWritable(fields.extStart)) return { ok: false, message: 'the external port field is read-only' };
  return { ok: true };
}

export function fillRule(fields: FieldMap, rule: RouterRule): FillResult {
  const fits = checkFits(fields, rule);
  if (!fits.ok) return fits;
  const failed: string[] = [];
  const put = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | undefined, v: string, what: string) => {
    if (el && !setValue(el, v)) failed.push(what);
  };
  if (fields.name) put(fields.name, rule.name, 'name');
  if (!setProtocol(fields.protocol, rule.protocol)) failed.push('protocol');
  const range = rule.externalStart !== rule.externalEnd;
  const extText = range && !fields.extEnd ? `${rule.externalStart}${fields.extRangeSeparator}${rule.externalEnd}` : String(rule.externalStart);
  put(fields.extStart, extText, 'external start port');
  if (fields.extEnd) put(fields.extEnd, String(rule.externalEnd), 'external end port');

  const sameInternal = rule.internalStart === rule.externalStart && rule.internalEnd === rule.externalEnd;
  const same = fields.sameAsExternal;
  if (same && isWritable(same)) setChecked(same, sameInternal);
  // Internal fields the router disabled (because "same as external" is on) are left alone.
  // One internal box beside a range: blank means "same as external" on such forms.
  const skipSingleInternal = range && !fields.intEnd && sameInternal;
  if (fields.intStart && isWritable(fields.intStart) && !skipSingleInternal) put(fields.intStart, String(rule.internalStart), 'internal start port');
  // Left blank on purpose: clear what an earlier rule typed there.
  else if (fields.intStart && isWritable(fields.intStart) && skipSingleInternal && fields.intStart.value !== '') put(fields.intStart, '', 'internal start port');
  if (fields.intEnd && isWritable(fields.intEnd)) put(fields.intEnd, String(rule.internalEnd), 'internal end port');
  if (!sameInternal && !fields.intStart) failed.push('internal port (the form has none, and it differs from the external port)');

  if (fields.ip.length === 4) {
    rule.ip.split('.').forEach((octet, i) => put(fields.ip[i], octet, `IP box ${i + 1}`));
  } else if (fields.ipPrefix) put(fields.ip[0], rule.ip.slice(fields.ipPrefix.length), 'device IP (last number)');
  else put(fields.ip[0], rule.ip, 'device IP');
  if (fields.enable) setChecked(fields.enable, rule.enabled);
  return failed.length ? { ok: false, message: `could not set: ${failed.join(', ')}` } : { ok: true };
}
