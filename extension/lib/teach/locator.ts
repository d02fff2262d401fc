/**
 * Locators: how a field or button of a router page is described so it can be found again on a
 * later visit (see mapping.ts), and the words PortPilot uses to show it to a person. A locator
 * holds what the element is (kind, id, name, classes, the words naming it), never its value or
 * its position in a list that grows.
 */
import { documentAt, framePathOf, pageDocuments } from '../routers/generic/frames';
import { isHiddenElement, signalsOf, textOf, type Control } from '../routers/generic/signals';
import { MAPPING_LIMITS, type Locator } from './mapping';

const cut = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/** Classes a page adds and removes as the user works (error marks, focus, hover): not part of what an element is. */
const PASSING_CLASS = /^(error|errors?-\w+|invalid|valid|focus(ed)?|hover|active|selected|checked|disabled|on|off|open|closed|hidden|show|highlight\w*|portpilot\w*)$/i;

/** The documents of the page, top first, with their frame paths (same-origin frames only). */
export const frameDocuments = (top: Document) => pageDocuments(top, MAPPING_LIMITS.frameDepth).docs;

const isControl = (el: Element): el is Control => /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);

/** The words a person reads next to a field (its label, its column header), or a button's own text. */
export function wordsOf(el: Element): string {
  if (isControl(el) && !['button', 'submit', 'reset', 'image'].includes((el as HTMLInputElement).type)) {
    return cut(signalsOf(el).find((s) => s.tier === 'label')?.text ?? '', MAPPING_LIMITS.text);
  }
  return buttonText(el);
}

/** What a button says: its text, value, title or accessible name. */
export function buttonText(el: Element): string {
  const own = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : textOf(el);
  return cut(own || el.getAttribute('title') || el.getAttribute('aria-label') || el.querySelector('img[alt]')?.getAttribute('alt') || '', MAPPING_LIMITS.text);
}

export function locatorOf(top: Document, el: Element): Locator {
  const tag = el.tagName.toLowerCase();
  const type = tag === 'input' || tag === 'button' ? (el as HTMLInputElement).type || undefined : undefined;
  const id = el.id ? cut(el.id, MAPPING_LIMITS.text) : undefined;
  const name = el.getAttribute('name') ? cut(el.getAttribute('name')!, MAPPING_LIMITS.text) : undefined;
  const classes = id || name ? [] : Array.from(el.classList).filter((c) => !PASSING_CLASS.test(c)).slice(0, MAPPING_LIMITS.classes).map((c) => c.slice(0, 60));
  const label = wordsOf(el);
  return {
    frame: framePathOf(top, el.ownerDocument) ?? [],
    tag,
    ...(type ? { type } : {}),
    ...(id ? { id } : {}),
    ...(name ? { name } : {}),
    ...(classes.length ? { classes } : {}),
    ...(label ? { label } : {}),
  };
}

function matches(el: Element, l: Locator): boolean {
  if (el.tagName.toLowerCase() !== l.tag) return false;
  if (l.type && ((el as HTMLInputElement).type || undefined) !== l.type) return false;
  if (l.id && el.id !== l.id) return false;
  if (l.name && el.getAttribute('name') !== l.name) return false;
  if (l.classes?.some((c) => !el.classList.contains(c))) return false;
  return true;
}

/**
 * The one visible element the locator describes, or null when there is none or more than one
 * (a page that changed, or an edit row open beside the new-rule row, is never guessed at).
 */
export function findByLocator<T extends Element = HTMLElement>(top: Document, l: Locator): T | null {
  const doc = documentAt(top, l.frame);
  if (!doc) return null;
  let found = Array.from(doc.getElementsByTagName(l.tag)).filter((el) => matches(el, l) && !isHiddenElement(el));
  if (found.length > 1 && l.label !== undefined) found = found.filter((el) => wordsOf(el) === l.label);
  return found.length === 1 ? (found[0] as unknown as T) : null;
}

const KIND: Record<string, string> = {
  checkbox: 'Tick box',
  radio: 'Choice',
  select: 'List',
  textarea: 'Text area',
};

/** How the panel names an element: "Text box “Ext Ports”", "List “Protocol”", "Button “Save”". */
export function describeElement(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const type = (el as HTMLInputElement).type;
  const words = wordsOf(el);
  if (!isControl(el) || ['button', 'submit', 'reset', 'image'].includes(type)) return words ? `Button “${words}”` : 'Button without text';
  const kind = KIND[tag === 'input' ? type : tag] ?? 'Text box';
  if (words) return `${kind} “${words}”`;
  const hint = (el as HTMLInputElement).placeholder || el.getAttribute('title') || '';
  return hint ? `${kind} (${cut(hint, 40)})` : `${kind} without a label`;
}
