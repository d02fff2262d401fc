/**
 * What the preview shows, built from the page model: the form's fields with the part PortPilot
 * read for each, the other fields of that form (so the person can give them a part), and the
 * buttons PortPilot may press. When PortPilot found no form it can use, every visible field of
 * the page is offered instead, except in forms that already hold one of the user's rules.
 */
import type { ModelForm, PageModel } from '../apply/page-model';
import { resolveControl } from '../apply/read';
import { CONTROL_SELECTOR, isDestructive, isGenericConfirm, isUsable } from '../routers/generic/controls';
import { containerOf } from '../routers/generic/editor-controls';
import { pageDocuments } from '../routers/generic/frames';
import { resolveRef } from '../routers/generic/refs';
import { visibleControls } from '../routers/generic/signals';
import type { Assignment, Part } from './assignment';
import type { TeachProposal } from './panel';

/** More than this many fields or buttons is not a rule form a person can check. */
const MAX_FIELDS = 40;
const MAX_BUTTONS = 24;

const isTyped = (el: Element) => el.tagName !== 'INPUT' || !['password', 'file', 'hidden', 'image', 'submit', 'button', 'reset'].includes((el as HTMLInputElement).type);

/** Buttons a person might mean as "save": visible, enabled, saying nothing destructive, not a link away. */
function pressable(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)).filter((el) => {
    if (!isUsable(el) || isDestructive(el) || isGenericConfirm(el)) return false;
    if (el.tagName === 'INPUT' && ['text', 'number'].includes((el as HTMLInputElement).type)) return false;
    return !(el.tagName === 'A' && /^(https?:|\/|\.\.)/i.test(el.getAttribute('href') ?? '') && !el.getAttribute('onclick'));
  });
}

function inPageOrder<T extends Element>(els: T[]): T[] {
  return [...new Set(els)].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** The reader's form as a proposal: its fields with their parts, its other fields, its buttons. */
function fromForm(top: Document, form: ModelForm): Assignment | null {
  const parts = new Map<Element, Part>();
  for (const f of form.fields) {
    const el = resolveRef(top, f.ref);
    if (!el) return null;
    parts.set(el, { role: f.role, ...(f.choice ? { choice: f.choice } : {}) });
  }
  const scope = resolveRef(top, form.ref);
  if (!scope) return null;
  const known = [...parts.keys()];
  const box = containerOf(scope, known);
  const fields = inPageOrder([...known, ...visibleControls(box).filter(isTyped)]).slice(0, MAX_FIELDS);
  const submit = resolveControl(top, form.submit);
  const commit = resolveControl(top, form.commit);
  const buttons = inPageOrder([...pressable(box), ...(submit ? [submit] : []), ...(commit ? [commit] : [])]).slice(0, MAX_BUTTONS);
  return {
    fields: fields.map((el) => ({ el, part: parts.get(el) ?? null })),
    buttons: buttons.map((el) => ({ el, use: el === submit ? 'submit' : el === commit ? 'commit' : null })),
  };
}

/** No usable form: every visible field and button of the page, outside forms that hold a rule. */
function fromPage(top: Document, model: PageModel): Assignment | null {
  const held = model.rejected.map((r) => resolveRef(top, r.ref)).filter((el): el is Element => !!el);
  const outside = (el: Element) => !held.some((h) => h.contains(el));
  const docs = pageDocuments(top).docs.map((d) => d.doc);
  const fields = docs.flatMap((d) => (d.body ? visibleControls(d.body) : [])).filter((el) => isTyped(el) && outside(el));
  const buttons = docs.flatMap((d) => (d.body ? pressable(d.body) : [])).filter(outside);
  const typed = fields.filter((el) => el.tagName !== 'INPUT' || ['text', 'number', 'tel', ''].includes((el as HTMLInputElement).type));
  // A page with fewer than two boxes to type in, no button, or a whole settings page is nothing to teach.
  if (typed.length < 2 || !buttons.length || fields.length > MAX_FIELDS || buttons.length > MAX_BUTTONS) return null;
  return { fields: fields.map((el) => ({ el, part: null })), buttons: buttons.map((el) => ({ el, use: null })) };
}

/**
 * The proposal for the preview, or null when there is nothing a person could check or teach here
 * (the engine then goes on as it would: it refuses with its reason).
 */
export function proposalFor(top: Document, model: PageModel, router?: string): TeachProposal | null {
  const form = model.form ?? model.slots[0] ?? null;
  const read = form ? fromForm(top, form) : null;
  if (read) return { ...read, sure: true, ...(router ? { router } : {}) };
  const page = fromPage(top, model);
  return page ? { ...page, sure: false, ...(router ? { router } : {}) } : null;
}
