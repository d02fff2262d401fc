/**
 * Which part of the page is the empty "add a rule" form. Every place that could hold one is
 * tried (rows of a table, open dialogs, forms, the page's loose controls) and mapped by the
 * field finder; a place whose boxes already hold a rule (an edit dialog, a filled slot, the
 * row of a saved rule) is never used. Several empty rows of one table are a grid of slots.
 */
import { dialogsIn } from './controls';
import { findFieldsIn, type FieldMap, type FindResult } from './finder';
import { isHiddenElement, textOf, visibleControls } from './signals';
import { isBlankValue } from './table';
import { holdsOurValue, wasWritten } from './touched';

export type EditorKind = 'row' | 'dialog' | 'form' | 'page';

export interface EditorCandidate {
  scope: Element;
  kind: EditorKind;
  result: FindResult;
  /** What the boxes hold when they already hold a rule ("NAS 443"); null when empty. */
  holds: string | null;
}

export interface EditorChoice {
  /** The one empty form to fill, when the page has a single form. */
  editor: EditorCandidate | null;
  /** Empty rows of a rule grid (one save stores them all), in page order. */
  slots: EditorCandidate[];
  /** Rows of the grid that hold rules: the router's own rows, not editors. */
  filledSlots: EditorCandidate[];
  /** Forms passed over, and why. */
  rejected: Array<{ scope: Element; kind: EditorKind; why: string }>;
  /** The most complete refusal when nothing maps. */
  refusal: FindResult;
}

function portAndNameBoxes(f: FieldMap): Array<HTMLInputElement | HTMLTextAreaElement> {
  return [f.name, f.extStart, f.extEnd, f.intStart, f.intEnd].filter((x): x is HTMLInputElement => !!x);
}

/**
 * What a form holds, when it holds a rule: a port or name box with a value that is not blank
 * or a firmware default, and not what PortPilot typed there itself. Boxes the page filled in
 * from what we typed (Netgear copies the external port into the internal one) do not count.
 */
export function heldRule(f: FieldMap): string | null {
  const boxes = portAndNameBoxes(f);
  const ours = boxes.some(wasWritten) || f.ip.some(wasWritten);
  const filled = boxes.filter((b) => !b.disabled && !isBlankValue(b.value) && !holdsOurValue(b) && (!ours || wasWritten(b)));
  if (!filled.length) return null;
  return [f.name?.value, f.extStart.value].filter((v) => v && v.trim()).join(' ').slice(0, 60) || 'values';
}

function evaluate(scope: Element, kind: EditorKind): EditorCandidate {
  const result = findFieldsIn(scope);
  return { scope, kind, result, holds: result.ok ? heldRule(result.fields) : null };
}

/** Every place that could hold the rule form, smallest first. */
export function editorCandidates(doc: Document): EditorCandidate[] {
  const out: EditorCandidate[] = [];
  for (const row of Array.from(doc.querySelectorAll('tr, [role=row]'))) {
    if (isHiddenElement(row) || visibleControls(row).length < 3) continue;
    out.push(evaluate(row, 'row'));
  }
  for (const d of dialogsIn(doc)) {
    if (isHiddenElement(d) || !visibleControls(d).length) continue;
    out.push(evaluate(d, 'dialog'));
  }
  for (const f of Array.from(doc.querySelectorAll('form'))) {
    if (isHiddenElement(f) || !visibleControls(f).length) continue;
    out.push(evaluate(f, 'form'));
  }
  const body = doc.body;
  if (body && visibleControls(body).some((c) => !c.closest('form'))) out.push(evaluate(body, 'page'));
  else if (body && !out.some((c) => c.kind === 'form')) out.push(evaluate(body, 'page'));
  return out;
}

const tableOf = (c: EditorCandidate) => c.scope.closest('table, [role=table], [role=grid]');

function describe(c: EditorCandidate): string {
  const heading = c.scope.querySelector('legend, h1, h2, h3, h4, .title, caption');
  const what = c.kind === 'row' ? 'a row' : c.kind === 'dialog' ? 'a dialog' : c.kind === 'form' ? 'a form' : 'the page';
  const title = heading ? textOf(heading).slice(0, 40) : '';
  return title ? `${what} ("${title}")` : what;
}

/** Whether b lies inside a (or is a). */
const within = (a: Element, b: Element) => a === b || a.contains(b);

export function chooseEditor(doc: Document): EditorChoice {
  const candidates = editorCandidates(doc);
  const rejected: EditorChoice['rejected'] = [];
  let refusal: FindResult | null = null;
  for (const c of candidates) {
    if (c.result.ok) continue;
    if (!refusal || (!refusal.ok && c.result.found.length > refusal.found.length)) refusal = c.result;
  }
  const mapped = candidates.filter((c) => c.result.ok);

  // A grid: two or more rows of one table map.
  const rows = mapped.filter((c) => c.kind === 'row');
  const byTable = new Map<Element | null, EditorCandidate[]>();
  for (const r of rows) byTable.set(tableOf(r), [...(byTable.get(tableOf(r)) ?? []), r]);
  for (const [table, list] of byTable) {
    if (!table || list.length < 2) continue;
    const slots = list.filter((r) => r.holds === null);
    const filledSlots = list.filter((r) => r.holds !== null);
    return { editor: null, slots, filledSlots, rejected, refusal: refusal ?? list[0]!.result };
  }

  for (const c of mapped) {
    if (c.holds !== null) {
      rejected.push({ scope: c.scope, kind: c.kind, why: `${describe(c)} already holds a rule (${c.holds})` });
      continue;
    }
    // A bigger scope around a form that holds a rule would reach the same boxes: skip it too.
    if (rejected.some((r) => within(c.scope, r.scope))) continue;
    return { editor: c, slots: [], filledSlots: [], rejected, refusal: c.result };
  }
  const why = rejected.length
    ? `every form on this page already holds a rule: ${rejected.map((r) => r.why).join('; ')}`
    : (refusal && !refusal.ok ? refusal.reason : 'no form on this page');
  const base = refusal && !refusal.ok ? refusal : { ok: false as const, missing: ['a form'], ambiguous: [], unidentified: [], found: [] as string[], reason: '' };
  return { editor: null, slots: [], filledSlots: [], rejected, refusal: { ...base, ok: false, reason: why } as FindResult };
}

/** The empty form's fields (or the first free slot of a grid), else the most complete refusal. */
export function findFields(doc: Document): FindResult {
  const choice = chooseEditor(doc);
  if (choice.editor) return choice.editor.result;
  if (choice.slots[0]) return choice.slots[0].result;
  return choice.refusal;
}
