/**
 * Which buttons PortPilot may press. Only a control of the rule form itself: inside the same
 * form or container as the fields (never across a dialog boundary), visible, enabled, and
 * saying nothing destructive in its text, value, title or aria-label. A bare "OK"/"Yes" is a
 * confirmation of somebody else's question and is never pressed.
 */
import { isHiddenElement, normalize, textOf } from './signals';
import { wasOpenedByUs } from './opened';

export const CONTROL_SELECTOR = 'button, input[type=submit], input[type=button], input[type=image], a[href], a[onclick], [role=button]';

/** Words that make a control untouchable, wherever they appear on it. */
export const DESTRUCTIVE =
  /\b(delete|del|remove|rem|clear|erase|wipe|reset|reboot|restart|restore|default|defaults|factory|disable|log ?out|sign ?out|cancel|undo|drop|flush|discard)\b/;

/** Confirmations of a question: never ours to answer. */
export const GENERIC_CONFIRM = /^(ok|okay|yes|y|confirm|continue|proceed|accept|agree|done|close|go|next)$/;

/** Saving words, in order of preference (committing beats staging). */
const SAVE_WORDS = /\b(save|apply|submit|set|store|update|commit)\b/;
const ADD_WORDS = /\b(add|new|create|insert|append)\b/;
const ICON_ONLY = /^[+＋✚➕]$/;

/** Every text a person or assistive technology reads on the control, normalised. */
export function controlTexts(el: Element): string[] {
  const texts = [
    el.tagName === 'INPUT' ? (el as HTMLInputElement).value : textOf(el),
    el.getAttribute('title'),
    el.getAttribute('aria-label'),
    el.getAttribute('alt'),
    Array.from(el.querySelectorAll('img[alt], [title]'))
      .map((i) => i.getAttribute('alt') ?? i.getAttribute('title'))
      .join(' '),
  ];
  return texts.map((t) => normalize(t ?? '')).filter(Boolean);
}

/** Attribute words (class, id, name, handler name) that only count when no visible text says anything. */
function attributeWords(el: Element, withClass = true): string {
  const handler = el.getAttribute('onclick')?.replace(/\(.*$/s, '');
  return normalize([withClass ? el.getAttribute('class') : '', el.id, el.getAttribute('name'), handler].filter(Boolean).join(' '));
}

/** Class names say "delete" for icon buttons; "btn-default" is only a colour. */
const DESTRUCTIVE_CLASS = /\b(del|delete|remove|trash|clear|reset)\b/;

export function isDestructive(el: Element): boolean {
  if ((el as HTMLInputElement).type === 'reset') return true;
  if (controlTexts(el).some((t) => DESTRUCTIVE.test(t))) return true;
  return DESTRUCTIVE.test(attributeWords(el, false)) || DESTRUCTIVE_CLASS.test(normalize(el.getAttribute('class') ?? ''));
}

export function isGenericConfirm(el: Element): boolean {
  const texts = controlTexts(el);
  return texts.length > 0 && texts.every((t) => GENERIC_CONFIRM.test(t));
}

export function isUsable(el: Element): boolean {
  if ((el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') return false;
  return !isHiddenElement(el);
}

/** What pressing the control seems to do: commit the form, stage/add a row, or nothing we know. */
export type ControlPurpose = 'save' | 'add';

export function purposeOf(el: Element): ControlPurpose | null {
  const texts = controlTexts(el);
  const said = texts.join(' ');
  if (said) {
    if (SAVE_WORDS.test(said) || texts.every((t) => GENERIC_CONFIRM.test(t))) return 'save';
    if (ADD_WORDS.test(said) || texts.some((t) => ICON_ONLY.test(t))) return 'add';
    if ((el as HTMLInputElement).type === 'submit' && !GENERIC_CONFIRM.test(said)) return null;
    return null;
  }
  // Icon-only buttons (ASUS's add_btn): the class or handler name is all there is.
  const attrs = attributeWords(el);
  if (ADD_WORDS.test(attrs)) return 'add';
  if (SAVE_WORDS.test(attrs)) return 'save';
  return null;
}

const DIALOG_SELECTOR = 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true]';
/** Class or id words that name a pop-up ("modal", ASUS's "pop_div_bg", "overlay", "lightbox"). */
const DIALOG_WORDS = /\b(modal|dialog|popup|pop|overlay|lightbox)\b/;

/** A native or ARIA dialog, or an element whose class or id names it a pop-up. */
export function isDialogLike(el: Element): boolean {
  if (el.matches(DIALOG_SELECTOR)) return true;
  const words = normalize(`${el.getAttribute('class') ?? ''} ${el.id}`);
  return DIALOG_WORDS.test(words) && !/^(BODY|HTML|FORM)$/.test(el.tagName);
}

/** The dialog an element sits in, if any. */
export function dialogOf(el: Element): Element | null {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (isDialogLike(cur)) return cur;
  return null;
}

/** All dialog-like elements of a document (for the form finder). */
export function dialogsIn(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(`${DIALOG_SELECTOR}, [class], [id]`)).filter(isDialogLike);
}

/**
 * Pressable, non-destructive controls inside the container and in the same dialog as the fields.
 * A bare "OK" counts only in a pop-up PortPilot itself opened to get this form (ASUSWRT-Merlin's
 * rule pop-up saves with "OK"); never in a dialog the page raised on its own.
 * allowDisabled: a Save the page enables only once the fields are filled still counts.
 */
export function safeControlsIn(container: Element, fields: Element[], opts: { allowDisabled?: boolean } = {}): HTMLElement[] {
  const fieldDialog = fields[0] ? dialogOf(fields[0]) : null;
  const ours = !!fieldDialog && wasOpenedByUs(fieldDialog);
  return Array.from(container.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)).filter((el) => {
    if (fields.includes(el)) return false;
    if (dialogOf(el) !== fieldDialog) return false;
    if (opts.allowDisabled ? isHiddenElement(el) : !isUsable(el)) return false;
    if (isDestructive(el) || (isGenericConfirm(el) && !ours)) return false;
    // A link that leaves the page is navigation, not a save.
    if (el.tagName === 'A' && /^(https?:|\/|\.\.)/i.test(el.getAttribute('href') ?? '') && !el.getAttribute('onclick')) return false;
    return true;
  });
}

/** Why a control would be refused, for messages and tests; null when it is pressable. */
export function refusal(el: Element, fields: Element[]): string | null {
  if (!isUsable(el)) return 'it is hidden or disabled';
  if (isDestructive(el)) return 'it says it deletes, resets or cancels something';
  if (isGenericConfirm(el)) return 'it only confirms a question';
  const fieldDialog = fields[0] ? dialogOf(fields[0]) : null;
  if (dialogOf(el) !== fieldDialog) return 'it belongs to another dialog';
  return null;
}
