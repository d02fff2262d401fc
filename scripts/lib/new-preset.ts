/** Builds the starting preset for `npm run new-preset` (pure, so tests need no file system). */
import { CATEGORIES, PLATFORMS, parsePortSpec, type Category, type Platform, type PortRule, type PresetInput } from '../../data/schema.ts';
import type { DatasetFile } from './checks/context.ts';
import { SCHEMA_REF } from './canonical.ts';
import { nameKey, toKebabId } from './ids.ts';

export class NewPresetError extends Error {}

export interface NewPresetOptions {
  name: string;
  tcp?: string;
  udp?: string;
  both?: string;
  /** Comma-separated platform ids; default pc. */
  platform?: string;
  category?: string;
  purpose?: string;
}

function parsePortList(flag: string, list: string | undefined): string[] {
  if (list === undefined) return [];
  const specs = list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const spec of specs) {
    const range = parsePortSpec(spec);
    if (!range) throw new NewPresetError(`--${flag} ${spec}: write ports as 3074 or ranges as 27015-27030, comma-separated`);
    if (range.start < 1 || range.end > 65535) throw new NewPresetError(`--${flag} ${spec}: ports are 1-65535`);
    if (range.start > range.end) throw new NewPresetError(`--${flag} ${spec}: write the range low to high (${range.end}-${range.start})`);
  }
  return specs;
}

export function buildPreset(opts: NewPresetOptions, existing: DatasetFile[]): PresetInput {
  const name = opts.name.trim();
  const id = toKebabId(name);
  if (!id) throw new NewPresetError(`cannot make an id from "${name}": use letters or digits`);
  const category = (opts.category ?? 'game') as Category;
  if (!CATEGORIES.includes(category)) throw new NewPresetError(`--category ${category}: use one of ${CATEGORIES.join(', ')}`);
  const platforms = (opts.platform ?? 'pc').split(',').map((p) => p.trim()).filter(Boolean) as Platform[];
  for (const p of platforms) if (!PLATFORMS.includes(p)) throw new NewPresetError(`--platform ${p}: use one of ${PLATFORMS.join(', ')}`);

  const purpose = opts.purpose ?? (category === 'game' ? 'online play' : 'incoming connections');
  let tcp = parsePortList('tcp', opts.tcp);
  let udp = parsePortList('udp', opts.udp);
  const both = parsePortList('both', opts.both);
  if (tcp.length + udp.length + both.length === 0) {
    throw new NewPresetError('give the ports from the publisher\'s page: --tcp 1234,2000-2010 and/or --udp 3074 (or --both)');
  }
  // The same list for tcp and udp is one "both" rule.
  if (tcp.length > 0 && tcp.join() === udp.join()) {
    both.push(...tcp);
    tcp = [];
    udp = [];
  }
  const rules: PortRule[] = [];
  if (tcp.length) rules.push({ protocol: 'tcp', ports: tcp, purpose });
  if (udp.length) rules.push({ protocol: 'udp', ports: udp, purpose });
  if (both.length) rules.push({ protocol: 'both', ports: both, purpose });

  // Refuse ids and names that collide with the dataset.
  for (const f of existing) {
    const stem = f.file.replace(/^.*\//, '').replace(/\.json$/, '');
    let other: { id?: unknown; name?: unknown; aliases?: unknown } = {};
    try {
      other = JSON.parse(f.text);
    } catch {
      // invalid files are the validator's business
    }
    if (stem === id || other.id === id) throw new NewPresetError(`id "${id}" is taken by ${f.file}; use a more specific name (edition, year)`);
    const names = [other.name, ...(Array.isArray(other.aliases) ? other.aliases : [])].filter((n): n is string => typeof n === 'string');
    if (names.some((n) => nameKey(n) === nameKey(name))) throw new NewPresetError(`"${name}" is already a name or alias in ${f.file}`);
  }

  return {
    $schema: SCHEMA_REF,
    id,
    name,
    aliases: [],
    category,
    platforms: Object.fromEntries(platforms.map((p) => [p, { forward: rules }])),
    verification: 'unverified',
    sources: [],
  };
}
