import type { BundledPreset, SourcePreset } from '../../extension/lib/presets/bundle';
import type { PortRule } from '../../data/schema';

/** A valid preset with only the fields a test cares about spelled out. */
export function preset(id: string, overrides: Partial<BundledPreset> = {}): BundledPreset {
  return {
    id,
    name: id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
    aliases: [],
    category: 'game',
    platforms: { pc: { forward: [rule('tcp', '1000')] } },
    verification: 'community',
    sources: [{ url: `https://example.org/${id}`, checked: '2026-11-01' }],
    ...overrides,
  };
}

export function rule(protocol: PortRule['protocol'], ...ports: string[]): PortRule {
  return { protocol, ports, purpose: 'online play' };
}

/** A preset as written in a file or by a user: platforms may hold `uses` without `forward`. */
export function sourcePreset(id: string, overrides: Partial<SourcePreset> = {}): SourcePreset {
  return { ...preset(id), ...overrides };
}
