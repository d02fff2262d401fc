/**
 * act: write one rule into the form the page model chose, and press that form's own button.
 * Only the visible fields of that form are written; the button is checked again right before
 * the press (the page may have changed it since it was read). Nothing else on the page is
 * touched.
 */
import { dialogOf, isDestructive, isGenericConfirm, isUsable } from '../routers/generic/controls';
import { fieldElements } from '../routers/generic/editor-controls';
import { wasOpenedByUs } from '../routers/generic/opened';
import { fillRule, type FillResult } from '../routers/generic/fill';
import type { FieldMap } from '../routers/generic/finder';
import type { RouterRule } from './types';
import { waitFor, type Sleep } from './deadline';
import { PRESS_EVENT } from './dialog-guard';

export function fillFields(fields: FieldMap, rule: RouterRule): FillResult {
  return fillRule(fields, rule);
}

export type PressResult = { ok: true } | { ok: false; reason: string };

/**
 * Presses the form's control if it is still safe to: visible, not destructive, same dialog as
 * the fields. A button the page keeps disabled until the form is valid gets enabledWithinMs.
 */
export async function press(control: HTMLElement | null, fields: FieldMap, enabledWithinMs = 0, sleep?: Sleep): Promise<PressResult> {
  if (!control) return { ok: false, reason: 'the button is gone from the page' };
  const els = fieldElements(fields);
  if (enabledWithinMs > 0) await waitFor(() => isUsable(control), enabledWithinMs, sleep);
  if (!isUsable(control)) return { ok: false, reason: 'the button is hidden or stays disabled' };
  const dialog = dialogOf(control);
  if (dialog !== dialogOf(els[0] ?? control)) return { ok: false, reason: 'the button is in another dialog' };
  const oursToConfirm = !!dialog && wasOpenedByUs(dialog);
  if (isDestructive(control) || (isGenericConfirm(control) && !oursToConfirm)) return { ok: false, reason: 'the button now says something PortPilot does not press' };
  pressControl(control);
  return { ok: true };
}

/** A click, or for a `javascript:` link the guard's click in the page's own world (see PRESS_EVENT). */
export function pressControl(el: HTMLElement): void {
  if (el.tagName === 'A' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) {
    const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    const Ctor = view?.CustomEvent ?? CustomEvent;
    el.dispatchEvent(new Ctor(PRESS_EVENT, { bubbles: true }));
    return;
  }
  el.click();
}

/** Leaves the page for a fresh copy of the same address (a GET, never a re-sent form). */
export function reloadForCheck(doc: Document, url: string): void {
  const loc = doc.defaultView?.location;
  if (!loc) return;
  if (url && url.split('#')[0] !== loc.href.split('#')[0]) loc.assign(url);
  else if (loc.hash) loc.reload();
  else loc.replace(loc.href);
}
