/** Deterministic synthetic presets (valid and canonical) for benchmarks and tests. */
import type { PresetInput } from '../../data/schema.ts';
import { canonicalText } from './canonical.ts';
import { registryText } from './source-registry.ts';
import type { DatasetFile } from './checks/context.ts';

const PLATFORM_SETS = [['pc'], ['pc', 'ps5', 'xbox-series'], ['server'], ['pc', 'switch']] as const;

export function syntheticPreset(i: number): PresetInput {
  const id = `synthetic-game-${i}`;
  const base = 1000 + (i % 50) * 1000;
  const rules = [
    { protocol: 'both' as const, ports: [String(base), `${base + 10}-${base + 20}`], purpose: 'game traffic' },
    { protocol: 'udp' as const, ports: [`${base + 100}-${base + 199}`], purpose: 'voice chat' },
    { protocol: 'tcp' as const, ports: [String(base + 300)], purpose: 'host a match', hostOnly: true },
  ];
  return {
    $schema: '../preset.schema.json',
    id,
    name: `Synthetic Game ${i}`,
    aliases: [`sg${i}`, `synthetic ${i}`],
    category: 'game',
    platforms: Object.fromEntries(PLATFORM_SETS[i % PLATFORM_SETS.length]!.map((p) => [p, { forward: rules }])),
    verification: i % 3 === 0 ? 'unverified' : 'publisher',
    sources: i % 3 === 0 ? [] : [{ url: `https://example.com/support/${id}`, checked: '2025-06-01' }],
    notes: i % 2 === 0 ? 'Only the host needs the tcp rule.' : undefined,
  };
}

export function syntheticDataset(count: number): DatasetFile[] {
  return Array.from({ length: count }, (_, i) => {
    const preset = syntheticPreset(i);
    return { file: `data/presets/${preset.id}.json`, text: canonicalText(JSON.parse(JSON.stringify(preset))) };
  });
}

/** A source registry in which example.com is the publisher of the synthetic presets that claim it. */
export function syntheticRegistry(count: number): { file: string; text: string } {
  const presets = Array.from({ length: count }, (_, i) => syntheticPreset(i))
    .filter((p) => p.verification === 'publisher')
    .map((p) => p.id);
  const registry = {
    domains: { 'example.com': { class: 'publisher', owner: 'Example Games', presets } },
    deny: { 'pastebin.com': 'paste site', 'routervia.com': 'SEO content farm' },
  };
  return { file: 'data/sources.json', text: registryText(registry) };
}
