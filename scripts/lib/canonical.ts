/**
 * The canonical form of a preset file: what `npm run format` writes and `npm run validate`
 * expects. One function computes both the canonical value and the list of changes it made,
 * so the formatter and the validator can never disagree. Copy-on-write: parts that are
 * already canonical are returned as they are (validating 10k presets stays cheap).
 */
import { PLATFORMS, PROTOCOLS, parsePortSpec } from '../../data/schema.ts';
import type { JsonPath } from './problem.ts';

export const SCHEMA_REF = '../preset.schema.json';
export const PRESET_KEYS = ['$schema', 'id', 'name', 'shortName', 'aliases', 'category', 'platforms', 'guidance', 'verification', 'sources', 'notes'];
export const ENTRY_KEYS = ['forward', 'outbound', 'uses', 'natGoal'];
export const RULE_KEYS = ['protocol', 'ports', 'internal', 'purpose', 'hostOnly', 'optional', 'exclusive', 'sources'];
export const OUTBOUND_KEYS = ['protocol', 'ports', 'purpose'];
export const GUIDANCE_KEYS = ['upnp', 'staticIp', 'nothingToForward'];
export const SOURCE_KEYS = ['url', 'checked'];

export interface FormatChange {
  path: JsonPath;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stable sort; returns the same array when it is already in order. */
function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) sorted = compare(items[i - 1]!, items[i]!) <= 0;
  if (sorted) return items;
  return items
    .map((v, i) => ({ v, i }))
    .sort((a, b) => compare(a.v, b.v) || a.i - b.i)
    .map((x) => x.v);
}

/** Known keys in the given order, then unknown keys in their original order. */
function orderKeys(obj: Obj, order: readonly string[], path: JsonPath, changes: FormatChange[], what = 'keys'): Obj {
  const keys = Object.keys(obj);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const sorted = stableSort(keys, (a, b) => rank(a) - rank(b));
  if (sorted === keys) return obj;
  changes.push({ path, message: `would reorder ${what} to: ${sorted.join(', ')}` });
  const out: Obj = {};
  for (const k of sorted) out[k] = obj[k];
  return out;
}

const rangeOf = (p: unknown) => (typeof p === 'string' ? parsePortSpec(p) : null);

function comparePorts(a: unknown, b: unknown): number {
  const ra = rangeOf(a);
  const rb = rangeOf(b);
  if (!ra || !rb) return (ra ? 0 : 1) - (rb ? 0 : 1);
  return ra.start - rb.start || ra.end - rb.end;
}

function firstPort(rule: unknown): number {
  const ports = isObj(rule) && Array.isArray(rule.ports) ? rule.ports : [];
  let min = Infinity;
  for (const p of ports) min = Math.min(min, rangeOf(p)?.start ?? Infinity);
  return min;
}

function protocolRank(rule: unknown): number {
  const i = isObj(rule) ? PROTOCOLS.indexOf(rule.protocol as (typeof PROTOCOLS)[number]) : -1;
  return i === -1 ? PROTOCOLS.length : i;
}

const aliasKey = (a: unknown) => (typeof a === 'string' ? a.trim().toLowerCase() : JSON.stringify(a));
const compareAliases = (a: unknown, b: unknown) => {
  const ka = aliasKey(a);
  const kb = aliasKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function canonicalAliases(aliases: unknown[], path: JsonPath, changes: FormatChange[]): unknown[] {
  const sorted = stableSort(aliases, compareAliases);
  if (sorted !== aliases) changes.push({ path, message: 'would sort aliases (case-insensitive)' });
  let out = sorted;
  for (let i = 1; i < out.length; i++) {
    if (aliasKey(out[i]) !== aliasKey(out[i - 1])) continue;
    changes.push({ path: [...path, aliases.indexOf(out[i])], message: `would remove duplicate alias ${JSON.stringify(out[i])}` });
    out = [...out.slice(0, i), ...out.slice(i + 1)];
    i--;
  }
  return out;
}

function canonicalSources(sources: unknown[], path: JsonPath, changes: FormatChange[]): unknown[] {
  const out = sources.map((s, i) => (isObj(s) ? orderKeys(s, SOURCE_KEYS, [...path, i], changes) : s));
  return out.some((s, i) => s !== sources[i]) ? out : sources;
}

function canonicalRule(rule: unknown, path: JsonPath, keys: readonly string[], changes: FormatChange[]): unknown {
  if (!isObj(rule)) return rule;
  let out = orderKeys(rule, keys, path, changes);
  if (Array.isArray(out.ports)) {
    const ports = out.ports;
    // Internal ports pair with external ones by position, so they move together.
    const internal = Array.isArray(out.internal) && out.internal.length === ports.length ? out.internal : undefined;
    const order = stableSort(
      ports.map((_, i) => i),
      (a, b) => comparePorts(ports[a], ports[b]),
    );
    if (order.some((o, i) => o !== i)) {
      const sorted = order.map((i) => ports[i]);
      changes.push({ path: [...path, 'ports'], message: `would sort ports numerically: ${sorted.map(String).join(', ')}` });
      out = { ...out, ports: sorted, ...(internal ? { internal: order.map((i) => internal[i]) } : {}) };
    }
  }
  if (Array.isArray(out.sources)) out = withKey(out, 'sources', canonicalSources(out.sources, [...path, 'sources'], changes));
  return out;
}

function canonicalRules(rules: unknown[], path: JsonPath, keys: readonly string[], changes: FormatChange[]): unknown[] {
  let inner = rules;
  rules.forEach((r, i) => {
    const c = canonicalRule(r, [...path, i], keys, changes);
    if (c !== r) {
      if (inner === rules) inner = [...rules];
      inner[i] = c;
    }
  });
  const sorted = stableSort(inner, (a, b) => firstPort(a) - firstPort(b) || protocolRank(a) - protocolRank(b));
  if (sorted !== inner) {
    const label = (r: unknown) => (isObj(r) ? `${firstPort(r)}/${String(r.protocol)}` : '?');
    changes.push({ path, message: `would sort rules by first port, then protocol: ${sorted.map(label).join(', ')}` });
  }
  return sorted;
}

function canonicalEntry(entry: Obj, path: JsonPath, changes: FormatChange[]): Obj {
  let out = orderKeys(entry, ENTRY_KEYS, path, changes);
  if (Array.isArray(out.forward)) out = withKey(out, 'forward', canonicalRules(out.forward, [...path, 'forward'], RULE_KEYS, changes));
  if (Array.isArray(out.outbound)) out = withKey(out, 'outbound', canonicalRules(out.outbound, [...path, 'outbound'], OUTBOUND_KEYS, changes));
  return out;
}

/** Replaces `obj[key]` copy-on-write. */
function withKey(obj: Obj, key: string, value: unknown): Obj {
  return obj[key] === value ? obj : { ...obj, [key]: value };
}

/** The canonical value of a parsed preset, and what had to change to get there. */
export function canonicalizePreset(value: unknown): { value: unknown; changes: FormatChange[] } {
  const changes: FormatChange[] = [];
  if (!isObj(value)) return { value, changes };
  let out = value;
  if (!('$schema' in out)) {
    changes.push({ path: [], message: `would add "$schema": "${SCHEMA_REF}" (editor completion and checks)` });
    out = { $schema: SCHEMA_REF, ...out };
  }
  out = orderKeys(out, PRESET_KEYS, [], changes);
  if (Array.isArray(out.aliases)) out = withKey(out, 'aliases', canonicalAliases(out.aliases, ['aliases'], changes));
  if (isObj(out.platforms)) {
    let platforms = orderKeys(out.platforms, PLATFORMS, ['platforms'], changes, 'platforms');
    for (const [key, entry] of Object.entries(platforms)) {
      if (isObj(entry)) platforms = withKey(platforms, key, canonicalEntry(entry, ['platforms', key], changes));
    }
    out = withKey(out, 'platforms', platforms);
  }
  if (isObj(out.guidance)) out = withKey(out, 'guidance', orderKeys(out.guidance, GUIDANCE_KEYS, ['guidance'], changes));
  if (Array.isArray(out.sources)) out = withKey(out, 'sources', canonicalSources(out.sources, ['sources'], changes));
  return { value: out, changes };
}

const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const JSON_SCALAR = String.raw`(?:${JSON_STRING}|-?\d[\d.eE+-]*|true|false|null)`;
/** An array, as JSON.stringify(…, 2) lays it out, whose items are all strings/numbers/booleans/null. */
const SCALAR_ARRAY = new RegExp(String.raw`\[\n\s+(${JSON_SCALAR}(?:,\n\s+${JSON_SCALAR})*)\n\s*\]`, 'g');

/**
 * 2-space JSON with a trailing newline, except that arrays of plain values stay on one line
 * (house style: "ports": ["3074", "27015-27030"]). Raw newlines cannot occur inside JSON
 * strings, so the pattern only ever matches layout.
 */
export function stringifyCanonical(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(SCALAR_ARRAY, (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`);
  return `${text}\n`;
}

export function canonicalText(value: unknown): string {
  return stringifyCanonical(canonicalizePreset(value).value);
}
