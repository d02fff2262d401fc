/**
 * act: write one rule into the form the page model chose, and press that form's own button.
 * Only the visible fields of that form are written; the button is checked again right before
 * the press (the page may have changed it since it was read). Nothing else on the page is
 * touched.
 */
import { dialogOf, isDestructive, isGenericConfirm, isUsable } from '../routers/generic/controls';
import { fieldElements } from '../routers/generic/editor-controls';
import { fillRule, type FillResult } from '../routers/generic/fill';
import type { FieldMap } from '../routers/generic/finder';
import type { RouterRule } from './types';

export function fillFields(fields: FieldMap, rule: RouterRule): FillResult {
  return fillRule(fields, rule);
}

export type PressResult = { ok: true } | { ok: false; reason: string };

/** Presses the form's control if it is still safe to: visible, enabled, not destructive, same dialog as the fields. */
export function press(control: HTMLElement | null, fields: FieldMap): PressResult {
  if (!control) return { ok: false, reason: 'the button is gone from the page' };
  const els = fieldElements(fields);
  if (!isUsable(control)) return { ok: false, reason: 'the button is hidden or disabled' };
  if (isDestructive(control) || isGenericConfirm(control)) return { ok: false, reason: 'the button now says something PortPilot does not press' };
  if (dialogOf(control) !== dialogOf(els[0] ?? control)) return { ok: false, reason: 'the button is in another dialog' };
  control.click();
  return { ok: true };
}

/** Leaves the page for a fresh copy of the same address (a GET, never a re-sent form). */
export function reloadForCheck(doc: Document, url: string): void {
  const loc = doc.defaultView?.location;
  if (!loc) return;
  if (url && url.split('#')[0] !== loc.href.split('#')[0]) loc.assign(url);
  else if (loc.hash) loc.reload();
  else loc.replace(loc.href);
}
