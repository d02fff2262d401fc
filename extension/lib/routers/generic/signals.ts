/**
 * Label signals of a form control, collected the way password managers do: every place a
 * page may have put the words that say what a field is for. Pure DOM reading, no writes.
 */

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Where a piece of text came from. Labels a person reads outrank attribute names. */
export type SignalTier = 'label' | 'hint' | 'attr';

export interface Signal {
  tier: SignalTier;
  source: string;
  text: string;
}

import { isHiddenElement } from './visibility';
import { isOwnElement } from './own-elements';

export { isHiddenElement };

const CONTROL_SELECTOR = 'input, select, textarea';

/** Lowercase words: camelCase and snake_case split, punctuation dropped (keeps '/' and '+'). */
export function normalize(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-.:*()[\]{}#,;"'?!|<>=]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Visible text of a node, leaving out other controls (a select's option labels are not its label). */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (tag === 'select' || tag === 'option' || tag === 'script' || tag === 'style' || tag === 'textarea') return '';
  if (isOwnElement(el)) return '';
  let out = '';
  for (const child of Array.from(el.childNodes)) out += ' ' + textOf(child);
  return out.replace(/\s+/g, ' ').trim();
}

const hasWords = (s: string) => /[a-z]{2,}/i.test(s);

/** Controls a person can see, in document order. Buttons are not fields. */
export function visibleControls(root: ParentNode): Control[] {
  return Array.from(root.querySelectorAll<Control>(CONTROL_SELECTOR)).filter((el) => {
    if (el.tagName === 'INPUT') {
      const t = (el as HTMLInputElement).type;
      if (['hidden', 'submit', 'button', 'reset', 'image', 'file'].includes(t)) return false;
    }
    return !isHiddenElement(el);
  });
}

export function isWritable(el: Control): boolean {
  return !el.disabled && !(el as HTMLInputElement).readOnly;
}

/** Text right before the control: previous siblings, then the wrappers' previous siblings. */
function precedingText(el: Element): string {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 4; depth++) {
    let sib: Node | null = cur.previousSibling;
    while (sib) {
      if (sib.nodeType === 1 && (sib as Element).matches?.(CONTROL_SELECTOR)) break;
      if (sib.nodeType === 1 && (sib as Element).querySelector?.(CONTROL_SELECTOR)) break;
      if (sib.nodeType === 1 && /^(H[1-6]|LEGEND|P|UL|OL|TABLE)$/.test((sib as Element).tagName)) return '';
      const t = textOf(sib);
      if (hasWords(t)) return t.length <= 60 ? t : '';
      sib = sib.previousSibling;
    }
    if (sib) return ''; // another control sits between: that text belongs to it
    cur = cur.parentElement;
    if (!cur || ['FORM', 'BODY', 'TABLE', 'TR', 'TD', 'TH', 'FIELDSET'].includes(cur.tagName)) return '';
  }
  return '';
}

/** Text right after a checkbox or radio ("[x] use the same port range"). */
export function followingText(el: Element): string {
  let sib: Node | null = el.nextSibling;
  while (sib) {
    if (sib.nodeType === 1 && ((sib as Element).matches?.(CONTROL_SELECTOR) || (sib as Element).querySelector?.(CONTROL_SELECTOR))) return '';
    if (sib.nodeType === 1 && (sib as Element).tagName === 'BR') return '';
    const t = textOf(sib);
    if (hasWords(t)) return t;
    sib = sib.nextSibling;
  }
  return '';
}

const EDITABLE_IN_ROW = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=image]), select, textarea';

/**
 * The header row of a table: among its first rows, the first with two or more cells, no boxes
 * and words in at least two cells. Headers may sit in <td> cells, and a one-cell title row
 * (even inside <thead>) is passed over.
 */
export function headerRowOf(table: HTMLTableElement): HTMLTableRowElement | null {
  for (const row of Array.from(table.rows).slice(0, 5)) {
    if (row.cells.length < 2 || row.querySelector(EDITABLE_IN_ROW)) continue;
    const worded = Array.from(row.cells).filter((c) => hasWords(textOf(c))).length;
    if (worded >= 2) return row;
  }
  return null;
}

/** The header cell above a control in a table (multi-row rule tables label by column). */
export function columnHeader(cell: HTMLTableCellElement): string {
  const table = cell.closest('table');
  const row = cell.parentElement as HTMLTableRowElement | null;
  if (!table || !row) return '';
  const index = columnIndex(cell);
  const headerRow = headerRowOf(table);
  if (!headerRow || headerRow === row) return '';
  let col = 0;
  for (const h of Array.from(headerRow.cells)) {
    const span = h.colSpan || 1;
    if (index >= col && index < col + span) return textOf(h);
    col += span;
  }
  return '';
}

function columnIndex(cell: HTMLTableCellElement): number {
  let i = 0;
  let sib = cell.previousElementSibling;
  while (sib) {
    i += (sib as HTMLTableCellElement).colSpan || 1;
    sib = sib.previousElementSibling;
  }
  return i;
}

/** The label cell beside a control in a two-column form table. */
function adjacentCellText(el: Element): string {
  const cell = el.closest('td, th') as HTMLTableCellElement | null;
  if (!cell) return '';
  let prev = cell.previousElementSibling;
  while (prev) {
    if (!prev.querySelector(CONTROL_SELECTOR)) {
      const t = textOf(prev);
      if (hasWords(t)) return t;
    } else return '';
    prev = prev.previousElementSibling;
  }
  return '';
}

/** Every signal for one control. */
export function signalsOf(el: Control): Signal[] {
  const doc = el.ownerDocument;
  const out: Signal[] = [];
  const push = (tier: SignalTier, source: string, text: string | null | undefined) => {
    const t = (text ?? '').replace(/\s+/g, ' ').trim();
    if (t && hasWords(t)) out.push({ tier, source, text: t });
  };
  if (el.id) {
    for (const label of Array.from(doc.querySelectorAll('label'))) {
      if (label.htmlFor === el.id) push('label', 'label-for', textOf(label));
    }
  }
  push('label', 'aria-label', el.getAttribute('aria-label'));
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    push('label', 'aria-labelledby', labelledby.split(/\s+/).map((id) => textOf(doc.getElementById(id))).join(' '));
  }
  const enclosing = el.closest('label');
  if (enclosing) push('label', 'enclosing-label', textOf(enclosing));
  push('label', 'table-cell', adjacentCellText(el));
  const cell = el.closest('td') as HTMLTableCellElement | null;
  const row = cell?.parentElement as HTMLTableRowElement | null | undefined;
  // Column headers label a rules grid (several control cells per row), not a two-column form.
  if (cell && row && Array.from(row.cells).filter((c) => c.querySelector(CONTROL_SELECTOR)).length >= 2) {
    push('label', 'column-header', columnHeader(cell));
  }
  if (!enclosing) push('label', 'preceding-text', precedingText(el));
  const t = (el as HTMLInputElement).type;
  if (!enclosing && (t === 'checkbox' || t === 'radio')) push('label', 'following-text', followingText(el));
  if (el.tagName === 'INPUT') push('hint', 'placeholder', (el as HTMLInputElement).placeholder);
  push('hint', 'title', el.getAttribute('title'));
  push('attr', 'name', el.getAttribute('name'));
  push('attr', 'id', el.id);
  return out;
}

/** Option labels of a select, lowercase. */
export function optionLabels(select: HTMLSelectElement): string[] {
  return Array.from(select.options).map(optionText);
}

/**
 * What an option shows. Pages that build options in script (`new Option(text)`, a label
 * attribute) leave textContent empty or stale: label and text are what the list displays.
 */
export function optionText(o: HTMLOptionElement): string {
  return (o.label || o.text || o.textContent || o.value || '').replace(/\s+/g, ' ').trim();
}
