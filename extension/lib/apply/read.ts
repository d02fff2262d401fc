/**
 * read: the page → a PageModel. Pure: looks at the top document and its same-origin frames,
 * clicks nothing and writes nothing. The frame holding the empty rule form is chosen here;
 * the saved rules are gathered from every frame (a list may sit in an iframe below the form).
 */
import { editorControls, fieldElements, openFormControl } from '../routers/generic/editor-controls';
import { chooseEditor, type EditorCandidate } from '../routers/generic/editors';
import { protocolChoices, type FieldMap } from '../routers/generic/finder';
import { pageDocuments } from '../routers/generic/frames';
import { freeSlotControl } from '../routers/generic/slot-picker';
import { refOf, resolveRef } from '../routers/generic/refs';
import { isHiddenElement, textOf } from '../routers/generic/signals';
import { readRulesTables, type ListedRule, type RulesTable } from '../routers/generic/table';
import { withVisibilityCache } from '../routers/generic/visibility';
import type { RouterAdapter } from '../routers/types';
import type { ControlPurpose, FlowKind, ModelControl, ModelField, ModelForm, ModelList, PageModel } from './page-model';

const LOADING = /\b(loading|please wait|applying|saving)\b/i;

function controlText(el: Element): string {
  const t = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : textOf(el);
  // An icon with no words at all (a slot's pen): what it does is all there is to say.
  return (t || el.getAttribute('title') || el.getAttribute('aria-label') || el.getAttribute('alt') || 'Edit').trim().slice(0, 60);
}

function modelControl(top: Document, el: Element, purpose: ControlPurpose): ModelControl {
  return { ref: refOf(top, el), text: controlText(el), purpose };
}

/** Required roles: the form's confidence is the weakest of these. */
const REQUIRED = new Set(['extStart', 'ip', 'protocol']);

function modelForm(top: Document, c: EditorCandidate, adapter?: RouterAdapter): ModelForm {
  if (!c.result.ok) throw new Error('modelForm needs a mapped editor');
  const f: FieldMap = c.result.fields;
  const choiceOf = (el: Element) => (f.protocol.kind === 'radio' ? f.protocol.options.find((o) => o.el === el)?.choice : undefined);
  const fields: ModelField[] = f.evidence.map((e) => ({
    role: e.role,
    ref: refOf(top, e.el),
    label: e.label,
    source: e.source,
    confidence: Math.round(e.confidence * 100) / 100,
    ...(choiceOf(e.el) ? { choice: choiceOf(e.el) } : {}),
  }));
  const controls = editorControls(c.scope, f, adapter?.saveButton);
  const confidence = Math.min(...fields.filter((x) => REQUIRED.has(x.role)).map((x) => x.confidence));
  return {
    ref: refOf(top, c.scope),
    kind: c.kind,
    fields,
    shape: c.result.reason.replace(/^form fields identified: /, ''),
    ...(f.extRangeSeparator ? { extRangeSeparator: f.extRangeSeparator } : {}),
    ...(f.ipPrefix ? { ipPrefix: f.ipPrefix } : {}),
    protocolChoices: [...protocolChoices(f.protocol)],
    submit: controls.ok ? modelControl(top, controls.controls.submit, 'submit') : null,
    commit: controls.ok && controls.controls.commit ? modelControl(top, controls.controls.commit, 'commit') : null,
    ...(controls.ok ? {} : { controlsProblem: controls.reason }),
    confidence: Number.isFinite(confidence) ? confidence : 0,
  };
}

function modelList(top: Document, t: RulesTable): ModelList {
  return { ref: refOf(top, t.el), columns: t.columns, rules: t.rules, emptySlots: t.emptySlots.length, ownRows: t.ownRows.length };
}

/** A list that says "Loading…", or only its header so far (rows filled in by script after load). */
function listLoading(tables: RulesTable[]): boolean {
  return tables.some((t) => {
    if (t.rules.length) return false;
    const table = t.el as HTMLTableElement;
    const body = table.tBodies?.[0] ?? t.el;
    return LOADING.test(textOf(body)) || t.bodyRows === 0;
  });
}

/** Only the router's saved rules, for polling while a save is answered (cheaper than a full read). */
export function readSavedRules(top: Document): { rules: ListedRule[]; readable: boolean; loading: boolean } {
  return withVisibilityCache(() => {
    const tables = pageDocuments(top).docs.flatMap((d) => readRulesTables(d.doc));
    return { rules: tables.flatMap((t) => t.rules), readable: tables.length > 0, loading: listLoading(tables) };
  });
}

export function readPage(top: Document, options: { url?: string; adapter?: RouterAdapter } = {}): PageModel {
  return withVisibilityCache(() => {
    const { docs, unreadable } = pageDocuments(top);
    const tables = docs.flatMap((d) => readRulesTables(d.doc));
    const lists = tables.map((t) => modelList(top, t));
    const rules = lists.flatMap((l) => l.rules);

    let form: ModelForm | null = null;
    let slots: ModelForm[] = [];
    const rejected: PageModel['rejected'] = [];
    let problem = '';
    for (const { doc } of docs) {
      const choice = chooseEditor(doc);
      rejected.push(...choice.rejected.map((r) => ({ ref: refOf(top, r.scope), why: r.why })));
      if (choice.editor) {
        form = modelForm(top, choice.editor, options.adapter);
        break;
      }
      if (choice.slots.length) {
        slots = choice.slots.map((s) => modelForm(top, s, options.adapter));
        break;
      }
      if (!problem && !choice.refusal.ok) problem = choice.refusal.reason;
    }
    const listEl = tables.find((t) => !isHiddenElement(t.el))?.el ?? null;
    const listDoc = listEl?.ownerDocument ?? top;
    // Every form holds a rule: a free slot's own Edit gives an empty one (slot gateways); else the list's Add.
    const freeSlot = !form && !slots.length && rejected.length ? freeSlotControl(tables) : null;
    const openEl = form || slots.length ? null : (freeSlot ?? openFormControl(listDoc, listEl, options.adapter?.addButton));
    const openForm = openEl ? modelControl(top, openEl, 'open-form') : null;

    let flow: FlowKind = 'none';
    if (form) flow = form.submit ? (form.commit ? 'stage-commit' : 'single') : 'none';
    else if (slots.length) flow = slots[0]!.submit ? 'grid' : 'none';
    else if (openForm) flow = 'open-form';
    if (form && !form.submit) problem = form.controlsProblem ?? 'the form has no button PortPilot may press';
    if (!form && slots.length && !slots[0]!.submit) problem = slots[0]!.controlsProblem ?? 'the grid has no button PortPilot may press';
    if (!form && !slots.length && rejected.length) problem = `every form on this page already holds a rule: ${rejected.map((r) => r.why).join('; ')}`;
    if (!problem && !form && !slots.length) problem = 'no port-forwarding form on this page';

    return {
      version: 1,
      url: options.url ?? top.location?.href ?? '',
      flow,
      form,
      slots,
      lists,
      rules,
      listReadable: tables.length > 0,
      listLoading: listLoading(tables),
      openForm,
      rejected,
      unreadableFrames: unreadable.map((u) => u.src),
      problem: form || slots.length ? (flow === 'none' ? problem : '') : problem,
      confidence: form?.confidence ?? slots[0]?.confidence ?? 0,
    };
  });
}

/**
 * The elements of a model form, resolved on the page again: the FieldMap the filler writes
 * into. Null when the page changed so much that a field is gone.
 */
export function resolveForm(top: Document, form: ModelForm): FieldMap | null {
  const scope = resolveRef(top, form.ref);
  if (!scope) return null;
  const one = <T extends Element>(role: ModelField['role']) => {
    const f = form.fields.find((x) => x.role === role);
    return f ? (resolveRef<T>(top, f.ref) ?? undefined) : undefined;
  };
  const extStart = one<HTMLInputElement>('extStart');
  const ip = form.fields.filter((x) => x.role === 'ip').map((x) => resolveRef<HTMLInputElement>(top, x.ref));
  const protocolFields = form.fields.filter((x) => x.role === 'protocol');
  if (!extStart || !ip.length || ip.some((x) => !x) || !protocolFields.length) return null;
  let protocol: FieldMap['protocol'];
  if (protocolFields.length === 1 && !protocolFields[0]!.choice) {
    const el = resolveRef<HTMLSelectElement>(top, protocolFields[0]!.ref);
    if (!el) return null;
    protocol = { kind: 'select', el };
  } else {
    const options = protocolFields.map((p) => ({ el: resolveRef<HTMLInputElement>(top, p.ref)!, choice: p.choice! }));
    if (options.some((o) => !o.el || !o.choice)) return null;
    protocol = { kind: 'radio', options };
  }
  const map: FieldMap = {
    scope,
    name: one('name'),
    extStart,
    extEnd: one('extEnd'),
    extRangeSeparator: form.extRangeSeparator,
    intStart: one('intStart'),
    intEnd: one('intEnd'),
    ip: ip as HTMLInputElement[],
    ipPrefix: form.ipPrefix,
    protocol,
    enable: one('enable'),
    sameAsExternal: one('sameAsExternal'),
    evidence: [],
  };
  // Every field must still be on the page and visible: a form that changed is read again.
  return fieldElements(map).every((el) => !isHiddenElement(el)) ? map : null;
}

/** A control of the model, resolved again, or null when it is gone or no longer pressable. */
export function resolveControl(top: Document, c: ModelControl | null): HTMLElement | null {
  if (!c) return null;
  return resolveRef<HTMLElement>(top, c.ref);
}
