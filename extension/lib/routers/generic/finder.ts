/**
 * The generic field finder: maps a form's controls to the parts of a RouterRule, or refuses
 * with the list of parts it could not identify. It never guesses: a role claimed by two
 * controls that order cannot settle, or a control whose labels disagree, is a refusal.
 */
import { classify, type Bound, type Classified, type Side } from './classify';
import { optionLabels, textOf, visibleControls, type Control } from './signals';
import { protocolOfLabel, type ProtocolChoice } from './synonyms';
import { fromToAcrossIp } from './table';

export type ProtocolControl =
  | { kind: 'select'; el: HTMLSelectElement }
  | { kind: 'radio'; options: Array<{ el: HTMLInputElement; choice: ProtocolChoice }> };

export interface FieldMap {
  scope: Element;
  name?: HTMLInputElement | HTMLTextAreaElement;
  /** A single-port form has extStart only. */
  extStart: HTMLInputElement;
  extEnd?: HTMLInputElement;
  /** A single box that also takes a range, written "start<sep>end" (ASUS "2302:2400", TP-Link "XX-XX"). */
  extRangeSeparator?: string;
  intStart?: HTMLInputElement;
  intEnd?: HTMLInputElement;
  /** One box, four octet boxes in order, or one last-octet box after a printed prefix. */
  ip: HTMLInputElement[];
  /** "192.168.1." printed before a last-octet box: the router only takes that network. */
  ipPrefix?: string;
  protocol: ProtocolControl;
  enable?: HTMLInputElement;
  sameAsExternal?: HTMLInputElement;
  /** For each filled role, what it was recognised by (label text, source, confidence 0..1). */
  evidence: FieldEvidence[];
}

export type FieldRole = 'name' | 'extStart' | 'extEnd' | 'intStart' | 'intEnd' | 'ip' | 'protocol' | 'enable' | 'sameAsExternal';

export interface FieldEvidence {
  role: FieldRole;
  el: Element;
  label: string;
  /** label-for, column-header, placeholder, name, position… */
  source: string;
  confidence: number;
}

/** How much a signal tier is worth: words a person reads beat hints, hints beat attribute names. */
const TIER_CONFIDENCE = { label: 0.9, hint: 0.7, attr: 0.5 } as const;

export function confidenceOf(c: Classified | undefined): number {
  if (!c?.decidedBy) return 0.4;
  const base = TIER_CONFIDENCE[c.decidedBy.tier];
  return c.decidedBy.source === 'column-header' ? base - 0.05 : base;
}

export type FindResult =
  | { ok: true; fields: FieldMap; reason: string }
  | { ok: false; missing: string[]; ambiguous: string[]; unidentified: string[]; found: string[]; reason: string };

const PART_LABEL = {
  name: 'service name',
  extStart: 'external port',
  ip: 'device IP address',
  protocol: 'protocol',
} as const;

interface Sorted {
  start?: HTMLInputElement;
  end?: HTMLInputElement;
  problem?: string;
}

/** Orders the port controls of one side: explicit start/end, or an unlabeled pair by position. */
function sortSide(entries: Array<{ el: HTMLInputElement; bound: Bound | null }>, what: string): Sorted {
  const starts = entries.filter((e) => e.bound === 'start');
  const ends = entries.filter((e) => e.bound === 'end');
  const plain = entries.filter((e) => e.bound === null);
  if (starts.length > 1 || ends.length > 1) return { problem: `${what} (several start or end fields)` };
  if (plain.length === 0) {
    if (ends.length && !starts.length) return { problem: `${what} start (only an end field)` };
    return { start: starts[0]?.el, end: ends[0]?.el };
  }
  if (plain.length === 1 && starts.length === 1 && ends.length === 1) {
    // "Port [ ] or range [from] [to]" (D-Link style): the range pair holds any rule; the
    // single box is left empty.
    return { start: starts[0]!.el, end: ends[0]!.el };
  }
  if (starts.length || ends.length) {
    if (plain.length === 1 && starts.length === 1 && !ends.length) return { problem: `${what} (a port and a start port)` };
    if (plain.length === 1 && ends.length === 1 && !starts.length) {
      // "Port [a]  to [b]": the unlabeled one is the start, when it comes first.
      const [p, e] = [plain[0]!.el, ends[0]!.el];
      if (p.compareDocumentPosition(e) & 4) return { start: p, end: e };
    }
    return { problem: `${what} (cannot tell start from end)` };
  }
  if (plain.length === 1) return { start: plain[0]!.el };
  if (plain.length === 2) {
    // "External port [a] - [b]": one label, two boxes side by side.
    const [a, b] = [plain[0]!.el, plain[1]!.el];
    if (a.parentElement === b.parentElement || a.closest('td, tr, div, label') === b.closest('td, tr, div, label')) {
      return { start: a, end: b };
    }
  }
  return { problem: `${what} (${plain.length} fields with the same label)` };
}

function octetGroup(el: HTMLInputElement, claimed: Set<Element>): HTMLInputElement[] | null {
  const parent = el.closest('td') ?? el.parentElement;
  if (!parent) return null;
  const boxes = visibleControls(parent).filter(
    (c): c is HTMLInputElement => c.tagName === 'INPUT' && ['text', 'number', 'tel', ''].includes((c as HTMLInputElement).type),
  );
  if (boxes.length !== 4 || boxes[0] !== el) return null;
  if (boxes.slice(1).some((b) => claimed.has(b))) return null;
  return boxes;
}

/** A short box right after printed "192.168.1.": the router fills in the rest itself. */
export function lastOctetPrefix(el: HTMLInputElement): string | undefined {
  const max = el.maxLength > 0 ? el.maxLength : el.size > 0 ? el.size : 0;
  if (max === 0 || max > 3) return undefined;
  let text = '';
  for (let sib = el.previousSibling; sib && text.length < 40; sib = sib.previousSibling) {
    if (sib.nodeType === 1 && /^(INPUT|SELECT|TEXTAREA)$/.test((sib as Element).tagName)) break;
    text = (sib.textContent ?? '') + text;
  }
  const m = /((?:\d{1,3}\.){3})\s*$/.exec(text);
  return m ? m[1] : undefined;
}

function radioProtocol(controls: Control[]): { control?: ProtocolControl; problem?: string } {
  const groups = new Map<string, HTMLInputElement[]>();
  for (const c of controls) {
    if (c.tagName !== 'INPUT' || (c as HTMLInputElement).type !== 'radio') continue;
    const name = c.getAttribute('name') ?? '';
    groups.set(name, [...(groups.get(name) ?? []), c as HTMLInputElement]);
  }
  const found: ProtocolControl[] = [];
  for (const radios of groups.values()) {
    const options = radios.map((el) => {
      const c = classify(el);
      const texts = [c.signals.find((s) => s.source === 'following-text' || s.source === 'enclosing-label' || s.source === 'label-for')?.text, el.value];
      const choice = texts.map((t) => (t ? protocolOfLabel(t) : null)).find((x) => x) ?? null;
      return { el, choice };
    });
    const mapped = options.filter((o): o is { el: HTMLInputElement; choice: ProtocolChoice } => o.choice !== null);
    const kinds = new Set(mapped.map((o) => o.choice));
    if (kinds.has('tcp') && kinds.has('udp') && mapped.length === options.length) found.push({ kind: 'radio', options: mapped });
  }
  if (found.length > 1) return { problem: 'protocol (several protocol choices)' };
  return { control: found[0] };
}

/** The range separator a single port box shows in its hint ("ex: 2302:2400", "(XX-XX or XX)"). */
export function rangeSeparatorOf(el: HTMLInputElement): string | undefined {
  if (el.maxLength > 0 && el.maxLength < 11) return undefined;
  const around = el.closest('td') ?? el.parentElement;
  const hint = `${el.placeholder ?? ''} ${el.title ?? ''} ${around ? textOf(around) : ''}`;
  const m = /\b(?:\d{1,5}|xx)\s*([:~-])\s*(?:\d{1,5}|xx)\b/i.exec(hint);
  return m?.[1];
}

const docOrder = (a: { el: Element }, b: { el: Element }) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1);

/**
 * A single box labelled as a range or in the plural ("Port Range", "Ext Ports") with no example
 * beside it: routers that take a range in one box accept "start-end" (ASUSWRT turns "-" into
 * its own ":"; Tomato documents "first-last").
 */
function rangeBoxSeparator(el: HTMLInputElement, label: string): string | undefined {
  if (el.maxLength > 0 && el.maxLength < 11) return undefined;
  return /\b(range|ports)\b/i.test(label) ? '-' : undefined;
}

/**
 * A note in the form that names the box and shows a range ("* External Port: a single port
 * (566), a range with a colon (300:350)"): the separator in its example.
 */
function noteSeparator(scope: Element, label: string): string | undefined {
  const key = label.trim().toLowerCase();
  if (key.length < 3) return undefined;
  const text = textOf(scope).toLowerCase();
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    const m = /\b\d{1,5}\s*([:~-])\s*\d{1,5}\b/.exec(text.slice(i + key.length, i + key.length + 80));
    if (m) return m[1];
  }
  return undefined;
}

/** How a single port box takes a range: its own hint, a note naming it, or its label. */
function rangeSeparatorFor(scope: Element, el: HTMLInputElement, label: string): string | undefined {
  if (el.maxLength > 0 && el.maxLength < 11) return undefined;
  return rangeSeparatorOf(el) ?? noteSeparator(scope, label) ?? rangeBoxSeparator(el, label);
}

const describe = (c: Classified) => c.label || c.el.getAttribute('name') || c.el.id || c.el.tagName.toLowerCase();

/** Finds the rule fields inside one scope (a form, a table row, or the whole page). */
export function findFieldsIn(scope: ParentNode & Element): FindResult {
  const controls = visibleControls(scope);
  const classified = controls.map(classify);
  const ambiguous = classified.filter((c) => c.ambiguous).map((c) => `"${describe(c)}" (its labels disagree)`);
  const unidentified = classified
    .filter((c) => !c.reading && !c.ambiguous && ['text', 'number', 'tel', ''].includes((c.el as HTMLInputElement).type ?? ''))
    .filter((c) => c.el.tagName !== 'SELECT')
    .map(describe);
  const claimed = new Set<Element>();
  const found: string[] = [];
  const missing: string[] = [];
  const problems: string[] = [...ambiguous];

  // An address in groups (IPv6's eight boxes after its label) is one field: the label's veto
  // covers the unlabelled boxes beside it.
  const vetoedGroups = new Set(classified.filter((c) => c.reading?.kind === 'veto').map((c) => c.el.parentElement));
  for (const c of classified) {
    if (c.reading?.kind === 'ip' && vetoedGroups.has(c.el.parentElement) && c.decidedBy?.tier !== 'label') c.reading = { kind: 'veto' };
  }
  const byKind = (kind: string) => classified.filter((c) => c.reading?.kind === kind);
  const asInput = (c: Classified) => c.el as HTMLInputElement;

  // Ports: a field with no side is external, unless external fields exist too.
  const ports = byKind('port').filter((c) => c.el.tagName === 'INPUT');
  const sides: Record<Side, Array<{ el: HTMLInputElement; bound: Bound | null }>> = { ext: [], int: [] };
  const sideless = ports.filter((c) => c.reading?.kind === 'port' && !c.reading.side);
  const hasExplicitExt = ports.some((c) => c.reading?.kind === 'port' && c.reading.side === 'ext');
  if (sideless.length && hasExplicitExt) problems.push('port fields (some say external, some say neither)');
  // DD-WRT's "Port from [..] IP Address [..] Port to [..]": the external port, then the device's port.
  const ipFirst = byKind('ip')[0]?.el;
  const across = fromToAcrossIp([...sideless, ...(ipFirst ? [{ el: ipFirst } as Classified] : [])].sort(docOrder), (c) =>
    c.el === ipFirst ? 'ip' : c.reading?.kind === 'port' && c.reading.bound === 'start' ? 'start' : c.reading?.kind === 'port' && c.reading.bound === 'end' ? 'end' : 'other',
  );
  if (across) {
    across.from.reading = { kind: 'port', side: 'ext', bound: null };
    across.to.reading = { kind: 'port', side: 'int', bound: null };
  }
  for (const c of ports) {
    if (c.reading?.kind !== 'port') continue;
    const side = c.reading.side ?? 'ext';
    sides[side].push({ el: asInput(c), bound: c.reading.bound });
    claimed.add(c.el);
  }
  const ext = sortSide(sides.ext, 'external port');
  const int = sortSide(sides.int, 'internal port');
  if (ext.problem) problems.push(ext.problem);
  if (int.problem) problems.push(int.problem);
  if (!ext.start && !ext.problem) missing.push(PART_LABEL.extStart);
  if (int.end && !int.start) problems.push('internal port (an end field without a start)');

  // Device IP: one box or four octets.
  let ip: HTMLInputElement[] | undefined;
  const ips = byKind('ip').filter((c) => c.el.tagName === 'INPUT');
  let ipPrefix: string | undefined;
  if (ips.length === 1) {
    ip = octetGroup(asInput(ips[0]!), claimed) ?? [asInput(ips[0]!)];
    if (ip.length === 1) ipPrefix = lastOctetPrefix(ip[0]!);
  } else if (ips.length === 4) {
    const first = asInput(ips[0]!);
    const group = octetGroup(first, claimed);
    if (group && ips.every((c) => group.includes(asInput(c)))) ip = group;
    else problems.push('device IP address (4 IP fields that are not one address)');
  } else if (ips.length > 1) problems.push(`device IP address (${ips.length} fields)`);
  if (ip) ip.forEach((b) => claimed.add(b));
  else if (!ips.length) missing.push(PART_LABEL.ip);

  // Protocol: a select whose options map, or a radio group.
  let protocol: ProtocolControl | undefined;
  const selects = byKind('protocol').filter((c) => c.el.tagName === 'SELECT');
  const radios = radioProtocol(controls);
  if (radios.problem) problems.push(radios.problem);
  if (selects.length + (radios.control ? 1 : 0) > 1) problems.push('protocol (several protocol fields)');
  else if (selects.length === 1) protocol = { kind: 'select', el: selects[0]!.el as HTMLSelectElement };
  else if (radios.control) protocol = radios.control;
  else if (!radios.problem) missing.push(PART_LABEL.protocol);

  const single = <T extends Control>(kind: string, what: string): T | undefined => {
    const list = byKind(kind);
    if (list.length > 1) {
      problems.push(`${what} (${list.length} fields)`);
      return undefined;
    }
    return list[0]?.el as T | undefined;
  };
  // A protocol is never typed: a text box labelled "Service Type" (TP-Link) holds the name.
  for (const c of classified) {
    if (c.reading?.kind === 'protocol' && c.el.tagName !== 'SELECT' && /service/i.test(c.label)) c.reading = { kind: 'name' };
  }
  const name = single<HTMLInputElement>('name', PART_LABEL.name);
  const enable = single<HTMLInputElement>('enable', 'enable checkbox');
  const sameAsExternal = single<HTMLInputElement>('same', '"same as external" checkbox');

  if (problems.length || missing.length || !ext.start || !ip || !protocol) {
    const parts = [
      missing.length ? `could not find: ${missing.join(', ')}` : '',
      problems.length ? `ambiguous: ${problems.join('; ')}` : '',
      missing.length && unidentified.length ? `fields not recognised: ${unidentified.map((u) => `"${u}"`).join(', ')}` : '',
    ].filter(Boolean);
    if (ext.start) found.push('external port');
    if (ip) found.push('device IP');
    if (protocol) found.push('protocol');
    if (name) found.push('name');
    return { ok: false, missing, ambiguous: problems, unidentified, found, reason: parts.join('. ') };
  }
  const evidence: FieldEvidence[] = [];
  const byEl = new Map(classified.map((c) => [c.el as Element, c]));
  const note = (role: FieldRole, el: Element | undefined, penalty = 0) => {
    if (!el) return;
    const c = byEl.get(el);
    evidence.push({ role, el, label: c?.label ?? '', source: c?.decidedBy?.source ?? 'position', confidence: Math.max(0.1, confidenceOf(c) - penalty) });
  };
  // A start or end told only by its place beside another box is a little less sure.
  const byPlace = (el: Element | undefined) => {
    const r = el ? byEl.get(el)?.reading : null;
    return r?.kind === 'port' && r.bound === null ? 0.05 : 0;
  };
  note('name', name);
  note('extStart', ext.start, byPlace(ext.start));
  note('extEnd', ext.end, byPlace(ext.end));
  note('intStart', int.start, byPlace(int.start));
  note('intEnd', int.end, byPlace(int.end));
  ip.forEach((b, i) => note('ip', b, i === 0 ? 0 : 0.05));
  if (protocol.kind === 'select') note('protocol', protocol.el);
  else protocol.options.forEach((o) => evidence.push({ role: 'protocol', el: o.el, label: o.choice.toUpperCase(), source: 'radio-label', confidence: 0.85 }));
  note('enable', enable);
  note('sameAsExternal', sameAsExternal);
  const fields: FieldMap = {
    scope,
    name,
    extStart: ext.start,
    extEnd: ext.end,
    extRangeSeparator: ext.end ? undefined : rangeSeparatorFor(scope, ext.start, byEl.get(ext.start)?.label ?? ''),
    intStart: int.start,
    intEnd: int.end,
    ip,
    ipPrefix,
    protocol,
    enable,
    sameAsExternal,
    evidence,
  };
  const shape = [
    ext.end ? 'port range' : fields.extRangeSeparator ? `one box for a port or range (${fields.extRangeSeparator})` : 'single port',
    ip.length === 4 ? 'IP in 4 boxes' : ipPrefix ? `last number of the IP after ${ipPrefix}` : 'IP box',
    protocol.kind === 'select' ? 'protocol list' : 'protocol buttons',
    name ? 'name' : 'no name field',
  ];
  return { ok: true, fields, reason: `form fields identified: ${shape.join(', ')}` };
}

/** Protocol choices a select offers (used to split TCP+UDP rules when "Both" is missing). */
export function protocolChoices(control: ProtocolControl): Set<ProtocolChoice> {
  if (control.kind === 'radio') return new Set(control.options.map((o) => o.choice));
  return new Set(optionLabels(control.el).map(protocolOfLabel).filter((p): p is ProtocolChoice => p !== null));
}

export { textOf };
