/**
 * A varied synthetic catalog for search figures: pronounceable names and aliases, real-looking
 * port rules, a fixed seed. Uniform names ("Game 1", "Game 2") would make fuzzy search look
 * either far faster or far slower than it is on real data.
 */
import type { BundledPreset } from '../../extension/lib/presets/bundle';
import { CATEGORIES, PLATFORMS } from '../../data/vocabulary';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ar', 'ka', 'mon', 'tri', 'zen', 'lo', 'vex', 'dra', 'gon', 'nia', 'sol', 'ter', 'qua', 'rix', 'bel', 'fa', 'ion', 'mar', 'cor', 'ul', 'pha', 'sta', 'vin', 'eo'];

export function syntheticCatalog(count: number, seed = 42): BundledPreset[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const word = () => {
    const w = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, word);
    const name = `${words.join(' ')} ${i}`;
    const platforms = PLATFORMS.filter(() => random() < 0.3);
    if (platforms.length === 0) platforms.push('pc');
    const base = 1024 + Math.floor(random() * 60000);
    const rules = [
      { protocol: pick(['tcp', 'udp', 'both'] as const), ports: [String(base)], purpose: 'online play' },
      { protocol: 'udp' as const, ports: [`${Math.min(base + 10, 65000)}-${Math.min(base + 10 + Math.floor(random() * 200), 65535)}`], purpose: 'game traffic' },
    ];
    return {
      id: `bench-${i}`,
      name,
      aliases: [words.map((w) => w[0]).join('').toLowerCase() + i],
      category: pick(CATEGORIES),
      platforms: Object.fromEntries(platforms.map((p) => [p, { forward: rules }])),
      verification: 'community',
      sources: [{ url: `https://example.org/${i}`, checked: '2026-01-01' }],
    };
  });
}

/** The fixed query mix: names, typos, prefixes while typing, port numbers, protocol + port. */
export function queryMix(catalog: readonly BundledPreset[], count = 200, seed = 7): string[] {
  const random = rng(seed);
  const any = () => catalog[Math.floor(random() * catalog.length)]!;
  const firstWord = (p: BundledPreset) => p.name.split(' ')[0]!.toLowerCase();
  const typo = (w: string) => {
    if (w.length < 5) return w;
    const i = 1 + Math.floor(random() * (w.length - 2));
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const makers = [
    () => any().name.toLowerCase(),
    () => typo(firstWord(any())),
    () => firstWord(any()).slice(0, 4),
    () => `${firstWord(any())} ${any().name.split(' ')[1]?.slice(0, 2) ?? ''}`.trim(),
    () => String(1024 + Math.floor(random() * 60000)),
    () => `udp ${1024 + Math.floor(random() * 60000)}`,
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}
