/**
 * From a confirmed preview to a stored mapping, and from a stored mapping back to the page
 * model the engine acts on. A taught mapping replaces the reader's form with the fields and
 * buttons the person showed; a mapping that only confirmed the reader's own reading keeps the
 * reader's model. Either is used only when the page still has the same form (same fingerprint).
 */
import type { ModelForm, PageModel } from '../apply/page-model';
import { resolveRef, refOf } from '../routers/generic/refs';
import { lastOctetPrefix, protocolChoices, rangeSeparatorOf, type ProtocolControl } from '../routers/generic/finder';
import { proposalFor } from './proposal';
import type { Assignment } from './assignment';
import { buttonText, findByLocator, locatorOf } from './locator';
import { fingerprintOf, REQUIRED_ROLES, ROLE_LABEL, type MappedControl, type MappedField, type RouterMapping } from './mapping';

/** The path of the page that holds the form (a frame's own path on framed pages). */
function pathOf(el: Element): string {
  try {
    return new URL(el.ownerDocument.location?.href ?? '').pathname || '/';
  } catch {
    return '/';
  }
}

/** One box for a port range, when the person gave no end box: its hint's separator, else "-" if it is long enough. */
function separatorFor(el: HTMLInputElement, form: ModelForm | null): string | undefined {
  if (form?.extRangeSeparator) return form.extRangeSeparator;
  const hinted = rangeSeparatorOf(el);
  if (hinted) return hinted;
  return el.maxLength > 0 && el.maxLength < 11 ? undefined : '-';
}

export interface MappingContext {
  origin: string;
  router?: string;
  /** The reader's form the preview started from, if any (its range separator and address prefix). */
  form: ModelForm | null;
  now?: number;
}

/** The mapping a confirmed preview leaves: how each field and button is found again. */
export function mappingFromAssignment(top: Document, a: Assignment, changed: boolean, ctx: MappingContext): RouterMapping {
  const fields: MappedField[] = a.fields
    .filter((f) => f.part)
    .map((f) => ({ role: f.part!.role, locator: locatorOf(top, f.el), ...(f.part!.choice ? { choice: f.part!.choice } : {}) }));
  const control = (use: 'submit' | 'commit'): MappedControl | undefined => {
    const b = a.buttons.find((x) => x.use === use);
    return b ? { locator: locatorOf(top, b.el), text: buttonText(b.el) } : undefined;
  };
  const submit = control('submit')!;
  const commit = control('commit');
  const ext = a.fields.find((f) => f.part?.role === 'extStart')?.el as HTMLInputElement | undefined;
  const hasEnd = a.fields.some((f) => f.part?.role === 'extEnd');
  const ips = a.fields.filter((f) => f.part?.role === 'ip');
  const separator = ext && !hasEnd ? separatorFor(ext, ctx.form) : undefined;
  const prefix = ips.length === 1 ? (ctx.form?.ipPrefix ?? lastOctetPrefix(ips[0]!.el as HTMLInputElement)) : undefined;
  const body = { fields, submit, ...(commit ? { commit } : {}) };
  const submitEl = a.buttons.find((b) => b.use === 'submit')!.el;
  return {
    origin: ctx.origin,
    path: pathOf(ext ?? submitEl),
    fingerprint: fingerprintOf(body),
    ...(ctx.router ? { router: ctx.router } : {}),
    ...body,
    ...(separator ? { extRangeSeparator: separator } : {}),
    ...(prefix ? { ipPrefix: prefix } : {}),
    how: changed ? 'taught' : 'confirmed',
    savedAt: ctx.now ?? Date.now(),
  };
}

/** The fingerprint of what the reader read on the page now (its form and buttons), or null. */
export function fingerprintOfReading(top: Document, model: PageModel): string | null {
  const p = proposalFor(top, model);
  if (!p?.sure) return null;
  const submit = p.buttons.find((b) => b.use === 'submit');
  if (!submit) return null;
  const commit = p.buttons.find((b) => b.use === 'commit');
  return fingerprintOf({
    fields: p.fields.filter((f) => f.part).map((f) => ({ role: f.part!.role, locator: locatorOf(top, f.el), ...(f.part!.choice ? { choice: f.part!.choice } : {}) })),
    submit: { locator: locatorOf(top, submit.el), text: buttonText(submit.el) },
    ...(commit ? { commit: { locator: locatorOf(top, commit.el), text: buttonText(commit.el) } } : {}),
  });
}

function commonAncestor(els: Element[]): Element | null {
  let anc: Element | null = els[0] ?? null;
  while (anc && !els.every((e) => anc!.contains(e))) anc = anc.parentElement;
  return anc;
}

/** The protocol choices of the taught protocol field(s), as the filler reads them. */
function choicesOf(els: Element[], fields: MappedField[]): ModelForm['protocolChoices'] {
  const protocol: ProtocolControl =
    els.length === 1 && els[0]!.tagName === 'SELECT'
      ? { kind: 'select', el: els[0] as HTMLSelectElement }
      : { kind: 'radio', options: els.map((el, i) => ({ el: el as HTMLInputElement, choice: fields[i]!.choice! })) };
  return [...protocolChoices(protocol)];
}

/**
 * The page model with the taught form in place of the reader's: null when a field or button is
 * gone, more than one element fits, or the form is no longer the one taught (fingerprint).
 */
export function modelWithMapping(top: Document, base: PageModel, m: RouterMapping): PageModel | null {
  const found = m.fields.map((f) => findByLocator(top, f.locator));
  const submit = findByLocator<HTMLElement>(top, m.submit.locator);
  const commit = m.commit ? findByLocator<HTMLElement>(top, m.commit.locator) : null;
  if (found.some((el) => !el) || !submit || (m.commit && !commit)) return null;
  const els = found as Element[];
  // The same form as taught: what each element is now must give the same fingerprint.
  const now = fingerprintOf({
    fields: m.fields.map((f, i) => ({ role: f.role, locator: locatorOf(top, els[i]!), ...(f.choice ? { choice: f.choice } : {}) })),
    submit: { locator: locatorOf(top, submit), text: buttonText(submit) },
    ...(commit ? { commit: { locator: locatorOf(top, commit), text: buttonText(commit) } } : {}),
  });
  if (now !== m.fingerprint) return null;
  if (REQUIRED_ROLES.some((r) => !m.fields.some((f) => f.role === r))) return null;
  const scope = commonAncestor(els.filter((el) => el.ownerDocument === els[0]!.ownerDocument));
  if (!scope) return null;
  const protocolEls = els.filter((_, i) => m.fields[i]!.role === 'protocol');
  const form: ModelForm = {
    ref: refOf(top, scope),
    kind: 'form',
    fields: m.fields.map((f, i) => ({
      role: f.role,
      ref: refOf(top, els[i]!),
      label: f.locator.label || ROLE_LABEL[f.role],
      source: 'taught',
      confidence: 1,
      ...(f.choice ? { choice: f.choice } : {}),
    })),
    shape: 'the fields you showed PortPilot',
    ...(m.extRangeSeparator ? { extRangeSeparator: m.extRangeSeparator } : {}),
    ...(m.ipPrefix ? { ipPrefix: m.ipPrefix } : {}),
    protocolChoices: choicesOf(protocolEls, m.fields.filter((f) => f.role === 'protocol')),
    submit: { ref: refOf(top, submit), text: m.submit.text, purpose: 'submit' },
    commit: commit ? { ref: refOf(top, commit), text: m.commit!.text, purpose: 'commit' } : null,
    confidence: 1,
  };
  return { ...base, flow: form.commit ? 'stage-commit' : 'single', form, slots: [], openForm: null, problem: '', confidence: 1 };
}

export interface StoredMatch {
  model: PageModel;
  mapping: RouterMapping;
}

/**
 * The stored mapping that fits this page now, with the model to act on: the reader's own model
 * when the person had confirmed exactly that reading, else the taught form. Null when none fits.
 */
export function matchStored(top: Document, model: PageModel, mappings: RouterMapping[]): StoredMatch | null {
  if (!mappings.length) return null;
  const reading = fingerprintOfReading(top, model);
  const same = reading ? mappings.find((m) => m.fingerprint === reading) : undefined;
  if (same) return { model, mapping: same };
  for (const m of mappings) {
    if (m.how !== 'taught') continue;
    const taught = modelWithMapping(top, model, m);
    if (taught) return { model: taught, mapping: m };
  }
  return null;
}
