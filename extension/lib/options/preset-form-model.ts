/**
 * The preset form's state and its two-way mapping to preset JSON, kept apart from the DOM so it
 * can be tested as plain data. Fields the form does not show (sources, guidance, outbound rules,
 * `uses`, a rule's `optional` reason, …) ride along untouched, so switching between the form and
 * the JSON view never loses anything.
 */
import { toKebabId } from '../../../data/kebab-id';
import { migratePreset } from '../../../data/migrate';
import { CATEGORIES, PLATFORMS, PROTOCOLS, type Platform } from '../../../data/vocabulary';
import type { JsonPath } from '../store/issue-words';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The columns of a rule row, named as in the preset format. */
export const RULE_COLUMNS = ['protocol', 'ports', 'internal', 'purpose', 'exclusive'] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number];

export interface RuleRow {
  protocol: string;
  /** As typed: "3074, 27015-27030". */
  ports: string;
  internal: string;
  purpose: string;
  exclusive: boolean;
  /** The rule's other fields (hostOnly, optional, sources). */
  rest: Obj;
}

export interface PlatformRules {
  on: boolean;
  rules: RuleRow[];
  /** The platform entry's other fields (outbound, uses, natGoal). */
  rest: Obj;
}

export interface PresetForm {
  id: string;
  /** A new preset's id follows its name until someone sets one in the JSON view. */
  autoId: boolean;
  name: string;
  shortName: string;
  category: string;
  /** As typed: "cod, mw3". */
  aliases: string;
  notes: string;
  platforms: Record<Platform, PlatformRules>;
  /** Top-level fields the form does not show, in their order. */
  rest: Obj;
}

const FORM_KEYS = new Set(['id', 'name', 'shortName', 'category', 'aliases', 'notes', 'platforms']);
const RULE_KEYS = new Set<string>(RULE_COLUMNS);

export const emptyRule = (): RuleRow => ({ protocol: 'udp', ports: '', internal: '', purpose: '', exclusive: false, rest: {} });
const isBlank = (r: RuleRow) => !r.ports.trim() && !r.internal.trim() && !r.purpose.trim() && !r.exclusive && Object.keys(r.rest).length === 0;

function noPlatforms(): Record<Platform, PlatformRules> {
  return Object.fromEntries(PLATFORMS.map((p) => [p, { on: false, rules: [emptyRule()], rest: {} }])) as Record<Platform, PlatformRules>;
}

/** A new preset: PC chosen, one empty rule, marked unverified like every preset of the user's. */
export function newPresetForm(): PresetForm {
  const platforms = noPlatforms();
  platforms.pc.on = true;
  return { id: '', autoId: true, name: '', shortName: '', category: 'game', aliases: '', notes: '', platforms, rest: { verification: 'unverified' } };
}

const without = (o: Obj, keys: Set<string>) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.has(k)));
const portsText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');

/** "3074, 27015 - 27030; 9000–9010" → ["3074", "27015-27030", "9000-9010"] */
export function portList(text: string): string[] {
  return text.replace(/[–—]/g, '-').replace(/\s*-\s*/g, '-').split(/[\s,;]+/).filter(Boolean);
}

/** Why the form cannot show a value (the JSON view can), or undefined when it can. */
function unshowable(value: unknown): string | undefined {
  if (!isObj(value)) return 'a preset is one object { … }';
  for (const key of ['name', 'shortName', 'category', 'notes'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') return `"${key}" must be text`;
  }
  if (value.category !== undefined && !(CATEGORIES as readonly unknown[]).includes(value.category)) return `"${String(value.category)}" is not a category the form offers`;
  if (value.aliases !== undefined && !(Array.isArray(value.aliases) && value.aliases.every((a) => typeof a === 'string' && !a.includes(',')))) {
    return '"aliases" must be a list of words without commas';
  }
  if (value.platforms === undefined) return undefined;
  if (!isObj(value.platforms)) return '"platforms" must be an object { "pc": { … } }';
  for (const [platform, entry] of Object.entries(value.platforms)) {
    if (!(PLATFORMS as readonly string[]).includes(platform)) return `"${platform}" is not a platform the form offers`;
    if (!isObj(entry)) return `platforms.${platform} must be an object { "forward": [ … ] }`;
    if (entry.forward === undefined) continue;
    if (!Array.isArray(entry.forward)) return `platforms.${platform}.forward must be a list of rules`;
    for (const [i, rule] of entry.forward.entries()) {
      const where = `platforms.${platform}.forward.${i}`;
      if (!isObj(rule)) return `${where} must be a rule { "protocol": …, "ports": [ … ] }`;
      if (rule.protocol !== undefined && !(PROTOCOLS as readonly unknown[]).includes(rule.protocol)) return `${where}.protocol must be "tcp", "udp" or "both"`;
      if (rule.purpose !== undefined && typeof rule.purpose !== 'string') return `${where}.purpose must be text`;
      for (const key of ['ports', 'internal'] as const) {
        const list = rule[key];
        if (list !== undefined && !(Array.isArray(list) && list.every((p) => typeof p === 'string'))) return `${where}.${key} must be a list of ports as text, e.g. ["3074"]`;
      }
      if (rule.exclusive !== undefined && typeof rule.exclusive !== 'boolean') return `${where}.exclusive must be true or false`;
    }
  }
  return undefined;
}

/** The form for a preset's JSON, or why the form cannot show it (then the JSON view keeps it). */
export function formFromPreset(input: unknown): { form: PresetForm } | { problem: string } {
  const value = migratePreset(input);
  const why = unshowable(value);
  if (why) return { problem: `The form cannot show this preset: ${why}. Fix it in the JSON view.` };
  const v = value as Obj;
  const platforms = noPlatforms();
  for (const [platform, entry] of Object.entries(isObj(v.platforms) ? v.platforms : {}) as [Platform, Obj][]) {
    const forward = (entry.forward ?? []) as Obj[];
    platforms[platform] = {
      on: true,
      rest: without(entry, new Set(['forward'])),
      rules: forward.map((r) => ({
        protocol: typeof r.protocol === 'string' ? r.protocol : 'udp',
        ports: portsText(r.ports),
        internal: portsText(r.internal),
        purpose: typeof r.purpose === 'string' ? r.purpose : '',
        exclusive: r.exclusive === true,
        rest: without(r, RULE_KEYS),
      })),
    };
    if (platforms[platform].rules.length === 0 && !platforms[platform].rest.uses) platforms[platform].rules.push(emptyRule());
  }
  return {
    form: {
      id: typeof v.id === 'string' ? v.id : '',
      autoId: false,
      name: (v.name as string | undefined) ?? '',
      shortName: (v.shortName as string | undefined) ?? '',
      category: (v.category as string | undefined) ?? 'game',
      aliases: ((v.aliases as string[] | undefined) ?? []).join(', '),
      notes: (v.notes as string | undefined) ?? '',
      platforms,
      rest: without(v, FORM_KEYS),
    },
  };
}

/** The id a new preset gets from its name: one nobody has yet. */
export function idForName(name: string, taken: (id: string) => boolean): string {
  const base = toKebabId(name).slice(0, 60).replace(/-+$/, '') || 'my-preset';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export interface FormPreset {
  preset: Obj;
  /** The form row that rule `ruleIndex` of `platform` came from (blank rows are left out). */
  rowOf(platform: string, ruleIndex: number): number;
}

/** The preset JSON the form stands for. Wholly blank rule rows are left out. */
export function presetFromForm(form: PresetForm, taken: (id: string) => boolean = () => false): FormPreset {
  const rows = new Map<string, number[]>();
  const platforms: Obj = {};
  for (const platform of PLATFORMS) {
    const entry = form.platforms[platform];
    if (!entry.on) continue;
    const kept = entry.rules.map((rule, row) => ({ rule, row })).filter(({ rule }) => !isBlank(rule));
    rows.set(platform, kept.map((k) => k.row));
    const forward = kept.map(({ rule }) => ({
      protocol: rule.protocol,
      ports: portList(rule.ports),
      ...(rule.internal.trim() ? { internal: portList(rule.internal) } : {}),
      purpose: rule.purpose.trim(),
      ...rule.rest,
      ...(rule.exclusive ? { exclusive: true } : {}),
    }));
    platforms[platform] = { ...(forward.length ? { forward } : {}), ...entry.rest };
  }
  const aliases = form.aliases.split(',').map((a) => a.trim()).filter(Boolean);
  const { $schema, ...rest } = form.rest;
  const preset: Obj = {
    ...($schema === undefined ? {} : { $schema }),
    id: form.autoId ? idForName(form.name, taken) : form.id,
    name: form.name.trim(),
    ...(form.shortName.trim() ? { shortName: form.shortName.trim() } : {}),
    aliases,
    category: form.category,
    platforms,
    ...rest,
    ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
  };
  return { preset, rowOf: (platform, i) => rows.get(platform)?.[i] ?? i };
}

/** Where in the form a problem at `path` belongs. */
export type FieldKey =
  | { kind: 'top'; field: 'name' | 'shortName' | 'category' | 'aliases' | 'notes' | 'platforms' }
  | { kind: 'platform'; platform: Platform; rest: JsonPath }
  | { kind: 'rule'; platform: Platform; row: number; column: RuleColumn; rest: JsonPath };

const TOP_FIELDS = new Set(['name', 'shortName', 'category', 'aliases', 'notes', 'platforms']);

/** The form field for a problem's JSON path, or null when the form has none (sources, guidance, …). */
export function fieldFor(path: JsonPath, rowOf: FormPreset['rowOf']): FieldKey | null {
  const [top, platform, list, index, column, ...more] = path;
  // A new preset's id is made from its name, so an id problem is the name's.
  if (top === 'id') return { kind: 'top', field: 'name' };
  if (typeof top === 'string' && TOP_FIELDS.has(top) && (top !== 'platforms' || platform === undefined)) return { kind: 'top', field: top as 'name' };
  if (top !== 'platforms' || !(PLATFORMS as readonly unknown[]).includes(platform)) return null;
  const p = platform as Platform;
  if (list === 'forward' && typeof index === 'number' && RULE_KEYS.has(String(column))) {
    return { kind: 'rule', platform: p, row: rowOf(p, index), column: column as RuleColumn, rest: more };
  }
  return { kind: 'platform', platform: p, rest: path.slice(2) };
}
