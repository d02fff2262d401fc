/**
 * A mapping the user confirmed or taught for one router page: which field of the page's rule
 * form plays which part of a rule, and which of the page's buttons saves it. Kept per router
 * (origin + page path + a fingerprint of the form) and reused without asking next time; also
 * exported in backups and in the page outline, where a contributor can turn it into an adapter.
 *
 * Plain data and plain checks (no DOM, no zod, no database): the content script, the background
 * and the options page all use it.
 */

/** The parts of a rule a field can play (the same names as the page model's field roles). */
export const MAPPING_ROLES = ['name', 'extStart', 'extEnd', 'intStart', 'intEnd', 'ip', 'protocol', 'enable', 'sameAsExternal'] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];

/** What a person sees for each role, in the preview and the outline. */
export const ROLE_LABEL: Record<MappingRole, string> = {
  name: 'Rule name',
  extStart: 'External port',
  extEnd: 'External end port',
  intStart: 'Internal port',
  intEnd: 'Internal end port',
  ip: 'Device IP',
  protocol: 'Protocol',
  enable: 'Enabled',
  sameAsExternal: 'Same port inside',
};

/** Roles a rule cannot be saved without. */
export const REQUIRED_ROLES: readonly MappingRole[] = ['extStart', 'ip', 'protocol'];

export const PROTOCOL_CHOICES = ['tcp', 'udp', 'both'] as const;
export type ProtocolChoiceName = (typeof PROTOCOL_CHOICES)[number];

/**
 * How an element is found again on a later visit: what it is, never what it holds. No values,
 * no positions in a list that grows (a rules table above the form must not move it).
 */
export interface Locator {
  /** Frame indexes from the top document ([] = the top document). */
  frame: number[];
  tag: string;
  type?: string;
  id?: string;
  name?: string;
  /** Its classes when it has no id or name (an editor row's "fi4"). */
  classes?: string[];
  /** The words that name it on the page: its label, column header, or a button's text. */
  label?: string;
}

export interface MappedField {
  role: MappingRole;
  locator: Locator;
  /** Protocol buttons: the protocol this button stands for. */
  choice?: ProtocolChoiceName;
}

export interface MappedControl {
  locator: Locator;
  /** What the button says. */
  text: string;
}

export type MappingKey = [origin: string, path: string, fingerprint: string];

export interface RouterMapping {
  origin: string;
  /** Path of the page that holds the form (a frame's own path on framed pages). */
  path: string;
  fingerprint: string;
  /** The router's name as PortPilot knew it, for people reading a list of mappings. */
  router?: string;
  fields: MappedField[];
  /** The form's own button that saves the rule (or puts it into the page's list). */
  submit: MappedControl;
  /** Pages that list rules before storing them: the button that stores the list. */
  commit?: MappedControl;
  /** One box that takes a range, written first<separator>last. */
  extRangeSeparator?: string;
  /** Printed before a box for the last number of the address ("192.168.1."). */
  ipPrefix?: string;
  /** taught: the user picked the fields; confirmed: the user checked what PortPilot read. */
  how: 'taught' | 'confirmed';
  savedAt: number;
  usedAt?: number;
}

export const MAPPING_LIMITS = {
  /** Mappings kept: the least recently used go first. */
  mappings: 500,
  path: 500,
  text: 120,
  fields: 16,
  classes: 8,
  frameDepth: 8,
  fingerprint: 32,
} as const;

export function mappingKey(m: Pick<RouterMapping, 'origin' | 'path' | 'fingerprint'>): MappingKey {
  return [m.origin, m.path, m.fingerprint];
}

const cut = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max));

/** FNV-1a, 2 × 32 bits: a short, stable digest (not a secret, just a name for a shape). */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Numbers in ids and names are row numbers on grid pages ("from0", "vts_port_x_0"): left out. */
const rowless = (s: string | undefined) => (s ?? '').replace(/\d+/g, '#');

function shapeOf(l: Locator): string {
  return [l.tag, l.type ?? '', rowless(l.id), rowless(l.name), rowless((l.classes ?? []).join('.')), (l.label ?? '').toLowerCase()].join('|');
}

/**
 * The form's fingerprint: the roles with what each field is (tag, type, id, name, classes, the
 * words naming it) and the buttons' words. Values, row numbers, frames and the number of saved
 * rules play no part, so it stays the same from visit to visit (whichever empty row of a grid
 * is first), and changes when the router's page does.
 */
export function fingerprintOf(m: Pick<RouterMapping, 'fields' | 'submit' | 'commit'>): string {
  const fields = m.fields
    .map((f) => `${f.role}${f.choice ? `:${f.choice}` : ''}=${shapeOf(f.locator)}`)
    .sort();
  const buttons = [m.submit, m.commit].map((c) => (c ? `${shapeOf(c.locator)}/${c.text.toLowerCase()}` : '-'));
  return digest([...fields, ...buttons].join('\n'));
}

/** Cuts every text to the stored sizes (the fingerprint follows), so whatever is saved also exports and imports. */
export function clipMapping(m: RouterMapping): RouterMapping {
  const loc = (l: Locator): Locator => ({
    frame: l.frame.slice(0, MAPPING_LIMITS.frameDepth),
    tag: cut(l.tag, 20),
    ...(l.type ? { type: cut(l.type, 20) } : {}),
    ...(l.id ? { id: cut(l.id, MAPPING_LIMITS.text) } : {}),
    ...(l.name ? { name: cut(l.name, MAPPING_LIMITS.text) } : {}),
    ...(l.classes?.length ? { classes: l.classes.slice(0, MAPPING_LIMITS.classes).map((c) => cut(c, 60)) } : {}),
    ...(l.label ? { label: cut(l.label, MAPPING_LIMITS.text) } : {}),
  });
  const control = (c: MappedControl): MappedControl => ({ locator: loc(c.locator), text: cut(c.text, MAPPING_LIMITS.text) });
  const fields = m.fields.slice(0, MAPPING_LIMITS.fields).map((f) => ({ role: f.role, locator: loc(f.locator), ...(f.choice ? { choice: f.choice } : {}) }));
  const submit = control(m.submit);
  const commit = m.commit ? control(m.commit) : undefined;
  return {
    origin: m.origin,
    path: cut(m.path, MAPPING_LIMITS.path),
    // Of the texts as kept: the page is matched against what was stored, cut the same way.
    fingerprint: fingerprintOf({ fields, submit, commit }),
    ...(m.router ? { router: cut(m.router, MAPPING_LIMITS.text) } : {}),
    fields,
    submit,
    ...(commit ? { commit } : {}),
    ...(m.extRangeSeparator ? { extRangeSeparator: m.extRangeSeparator } : {}),
    ...(m.ipPrefix ? { ipPrefix: cut(m.ipPrefix, 16) } : {}),
    how: m.how,
    savedAt: m.savedAt,
    ...(m.usedAt !== undefined ? { usedAt: m.usedAt } : {}),
  };
}

const isString = (v: unknown, max = Infinity): v is string => typeof v === 'string' && v.length <= max;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function locatorProblem(v: unknown): string | null {
  if (!isObject(v)) return 'is not a description of an element';
  if (!Array.isArray(v.frame) || v.frame.length > MAPPING_LIMITS.frameDepth || !v.frame.every((n) => Number.isInteger(n) && (n as number) >= 0)) {
    return 'has no valid frame';
  }
  if (!isString(v.tag, 20) || !/^[a-z][a-z0-9-]*$/.test(v.tag)) return 'has no valid element kind';
  for (const k of ['type', 'id', 'name', 'label'] as const) {
    if (v[k] !== undefined && !isString(v[k], k === 'type' ? 20 : MAPPING_LIMITS.text)) return `has a ${k} that is not a short text`;
  }
  if (v.classes !== undefined && (!Array.isArray(v.classes) || v.classes.length > MAPPING_LIMITS.classes || !v.classes.every((c) => isString(c, 60)))) {
    return 'has classes that are not short texts';
  }
  if (!v.id && !v.name && !v.classes && !v.label && !v.type) return 'says too little to find the element again';
  return null;
}

function controlProblem(v: unknown): string | null {
  if (!isObject(v)) return 'is missing';
  if (!isString(v.text, MAPPING_LIMITS.text)) return 'has no text';
  return locatorProblem(v.locator);
}

/**
 * What is wrong with a stored or received mapping, in words, or null when it can be used.
 * Checks shape and sizes, that the required parts are there, and that the fingerprint matches.
 */
export function mappingProblem(v: unknown): string | null {
  if (!isObject(v)) return 'not a page mapping';
  if (!isString(v.origin, 300) || !/^https?:\/\/[^/]+$/.test(v.origin)) return 'its router address is not an http(s) origin';
  if (!isString(v.path, MAPPING_LIMITS.path) || !v.path.startsWith('/')) return 'its page path is not a path';
  if (!isString(v.fingerprint, MAPPING_LIMITS.fingerprint) || !v.fingerprint) return 'it has no fingerprint';
  if (v.router !== undefined && !isString(v.router, MAPPING_LIMITS.text)) return 'its router name is not a short text';
  if (!Array.isArray(v.fields) || !v.fields.length || v.fields.length > MAPPING_LIMITS.fields) return 'it lists no fields, or too many';
  for (const [i, f] of v.fields.entries()) {
    if (!isObject(f) || !MAPPING_ROLES.includes(f.role as MappingRole)) return `field ${i + 1} has no known role`;
    if (f.choice !== undefined && !PROTOCOL_CHOICES.includes(f.choice as ProtocolChoiceName)) return `field ${i + 1} has an unknown protocol`;
    const p = locatorProblem(f.locator);
    if (p) return `field ${i + 1} ${p}`;
  }
  const roles = new Set(v.fields.map((f) => (f as MappedField).role));
  const missing = REQUIRED_ROLES.filter((r) => !roles.has(r));
  if (missing.length) return `it has no ${missing.map((r) => ROLE_LABEL[r].toLowerCase()).join(', ')}`;
  const submit = controlProblem(v.submit);
  if (submit) return `its save button ${submit}`;
  if (v.commit !== undefined) {
    const commit = controlProblem(v.commit);
    if (commit) return `its second button ${commit}`;
  }
  if (v.extRangeSeparator !== undefined && !['-', ':', '~'].includes(v.extRangeSeparator as string)) return 'its port range separator is not one PortPilot writes';
  if (v.ipPrefix !== undefined && (!isString(v.ipPrefix, 16) || !/^(\d{1,3}\.){3}$/.test(v.ipPrefix))) return 'its address prefix is not the first three numbers of an address';
  if (v.how !== 'taught' && v.how !== 'confirmed') return 'it does not say whether it was taught or confirmed';
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt) || v.savedAt < 0) return 'it has no time';
  if (v.usedAt !== undefined && (typeof v.usedAt !== 'number' || !Number.isFinite(v.usedAt) || v.usedAt < 0)) return 'its last use is not a time';
  if (fingerprintOf(v as unknown as RouterMapping) !== v.fingerprint) return 'its fingerprint does not match its fields';
  return null;
}
