/**
 * The buttons of one rule form: the one that saves it (or stages it into the page's list) and,
 * for stage-then-commit pages (ASUS, Tomato: the row goes into a list, then the page's Apply
 * saves the list), the one that commits. Searched only in the form's own container, never in
 * the whole page, and only among controls that are safe to press (see controls.ts).
 */
import { dialogOf, purposeOf, safeControlsIn, isDestructive, isUsable, isGenericConfirm } from './controls';
import type { FieldMap } from './finder';
import { wasPressedToOpen } from './opened';

export interface EditorControls {
  /** The area searched: the form, the dialog, or a few levels around the fields. */
  container: Element;
  /** Press after filling. */
  submit: HTMLElement;
  /** Press after `submit` has staged the row (stage-then-commit pages). */
  commit?: HTMLElement;
}

export type ControlsResult = { ok: true; controls: EditorControls } | { ok: false; reason: string };

export function fieldElements(f: FieldMap): Element[] {
  const protocol = f.protocol.kind === 'select' ? [f.protocol.el] : f.protocol.options.map((o) => o.el);
  return [f.name, f.extStart, f.extEnd, f.intStart, f.intEnd, ...f.ip, ...protocol, f.enable, f.sameAsExternal].filter((x): x is NonNullable<typeof x> => !!x);
}

function commonAncestor(els: Element[]): Element | null {
  let anc: Element | null = els[0] ?? null;
  while (anc && !els.every((e) => anc!.contains(e))) anc = anc.parentElement;
  return anc;
}

const STOP = new Set(['BODY', 'HTML']);

/** The form around the fields, else their dialog, else a few levels above them (never the page). */
export function containerOf(scope: Element, fields: Element[]): Element {
  const form = fields[0]?.closest('form');
  if (form && fields.every((f) => form.contains(f))) return form;
  const dialog = fields[0] ? dialogOf(fields[0]) : null;
  if (dialog) return dialog;
  let box = scope.tagName === 'BODY' ? commonAncestor(fields) : scope;
  if (!box) return scope;
  // Walk out until the box holds a button, three levels at most, never to the whole page.
  for (let i = 0; i < 3; i++) {
    if (safeControlsIn(box, fields).length) break;
    const up: Element | null = box.parentElement;
    if (!up || STOP.has(up.tagName)) break;
    box = up;
  }
  return box;
}

/** Committing words first: "Apply Settings" or "Save & Apply" over "Save". */
function rank(el: HTMLElement): number {
  const t = (el.tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent ?? '').toLowerCase();
  if (/apply/.test(t)) return 0;
  if (/save/.test(t)) return 1;
  return 2;
}

export function editorControls(scope: Element, fields: FieldMap, named?: RegExp): ControlsResult {
  const els = fieldElements(fields);
  const container = containerOf(scope, els);
  // A Save the page enables only once the fields are filled counts; it is pressed when enabled.
  // The Add PortPilot pressed to open this form is never its save button.
  const safe = safeControlsIn(container, els, { allowDisabled: true }).filter((el) => !wasPressedToOpen(el));
  const nameOf = (el: HTMLElement) => (el.tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent ?? '').trim();
  if (named) {
    const hit = safe.find((el) => named.test(nameOf(el)));
    if (hit) return { ok: true, controls: { container, submit: hit } };
  }
  // Staging controls sit with the row (in it, or in its table); elsewhere "Add" means "new empty row".
  const table = scope.tagName === 'TR' ? scope.closest('table') : null;
  const local = (el: Element) => (table ? table.contains(el) : scope.contains(el) || container === scope);
  const stage = safe.filter((el) => purposeOf(el) === 'add' && local(el));
  const saves = safe.filter((el) => purposeOf(el) === 'save' && !stage.includes(el)).sort((a, b) => rank(a) - rank(b));
  if (stage[0] && saves[0]) return { ok: true, controls: { container, submit: stage[0], commit: saves[0] } };
  if (stage[0]) return { ok: true, controls: { container, submit: stage[0] } };
  if (saves[0]) return { ok: true, controls: { container, submit: saves[0] } };
  return { ok: false, reason: refusedControls(container, els) };
}

/** Why no button of the form may be pressed: the buttons there, and what is wrong with each. */
function refusedControls(container: Element, fields: Element[]): string {
  const all = Array.from(container.querySelectorAll<HTMLElement>('button, input[type=submit], input[type=button], input[type=image], a, [role=button]'));
  const seen = all.filter((el) => !fields.includes(el) && isUsable(el));
  if (!seen.length) return 'the form has no Save or Add button of its own';
  const says = seen.slice(0, 4).map((el) => {
    const name = (el.tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent ?? '').trim() || el.getAttribute('title') || 'a button without text';
    const why = isDestructive(el) ? 'deletes or resets' : isGenericConfirm(el) ? 'only confirms' : 'does not say it saves';
    return `"${name.slice(0, 30)}" (${why})`;
  });
  return `none of the form's buttons is a safe Save or Add: ${says.join(', ')}`;
}

/**
 * The button that opens an add form or a new empty row, when the page shows only the list:
 * in the list's own surroundings (a few levels up, never across a dialog), or the adapter's
 * named control.
 */
export function openFormControl(doc: Document, list: Element | null, named?: RegExp): HTMLElement | null {
  const ADD = named ?? /^\s*(\+\s*)?(add|new|create)\b[\w\s/.…-]{0,30}$/i;
  const nameOf = (el: HTMLElement) => (el.tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent ?? '').trim();
  const ok = (el: HTMLElement, anchor: Element | null) => ADD.test(nameOf(el)) && (!anchor || dialogOf(el) === dialogOf(anchor));
  if (list) {
    let box: Element | null = list;
    for (let i = 0; box && i < 4 && !STOP.has(box.tagName); i++, box = box.parentElement) {
      const hit = safeControlsIn(box, []).find((el) => ok(el, list));
      if (hit) return hit;
    }
  }
  if (named) return safeControlsIn(doc.body ?? doc.documentElement, []).find((el) => ok(el, null)) ?? null;
  return null;
}
