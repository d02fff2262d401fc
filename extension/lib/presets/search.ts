import MiniSearch, { type SearchOptions } from 'minisearch';
import { PLATFORMS, type Platform, type Protocol } from '../../../data/vocabulary';
import { toSearchDoc, type BundledPreset } from './bundle';
import { PROTOCOL_BITS, ruleRanges } from './ports';
import { groupMask, platformBit, type PlatformGroup } from './platforms';
import { normaliseTerm, SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';

export interface SearchContext {
  platform?: PlatformGroup;
  favorites?: ReadonlySet<string>;
  /** Preset ids, most recent first. */
  recents?: readonly string[];
  limit?: number;
}

export interface SearchHit {
  preset: BundledPreset;
  /** Why it ranks where it does: people read "exact" and "favorite" as badges. */
  tier: 'exact' | 'favorite' | 'recent' | 'match';
}

export interface ParsedQuery {
  /** The words that are not ports or protocols. */
  text: string;
  /** Every word but protocols: names have numbers too ("battlefield 2042", "halo 3"). */
  words: string;
  ports: number[];
  protocol?: Exclude<Protocol, 'both'>;
}

/** "tcp 25565 minecraft" → text "minecraft", ports [25565], protocol tcp. */
export function parseQuery(raw: string): ParsedQuery {
  const text: string[] = [];
  const words: string[] = [];
  const ports: number[] = [];
  let protocol: ParsedQuery['protocol'];
  for (const word of raw.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word === 'tcp' || word === 'udp') {
      protocol = word;
      continue;
    }
    words.push(word);
    if (/^\d{1,5}$/.test(word) && Number(word) >= 1 && Number(word) <= 65535) ports.push(Number(word));
    else text.push(word);
  }
  return { text: text.join(' '), words: words.join(' '), ports, protocol };
}

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Search over the shipped presets (with their prebuilt index) plus the user's own.
 * Port rules are flattened into typed arrays once, so a port query is one tight scan.
 */
export class PresetSearch {
  private readonly presets: BundledPreset[];
  private readonly index: MiniSearch<SearchDoc>;
  private readonly positions = new Map<string, number>();
  private readonly presetPlatformBits: number[] = [];
  /** Normalised name and aliases per preset, filled on first need (exact-match ranking). */
  private readonly keys: (string[] | undefined)[] = [];
  /** Built on the first port query, so opening the popup does not pay for it. */
  private portTable: PortTable | undefined;
  private alphabetical: BundledPreset[] | undefined; // browse order, sorted on first use

  constructor(presets: BundledPreset[], index: MiniSearch<SearchDoc>) {
    this.presets = [...presets];
    this.index = index;
    this.presets.forEach((p, i) => this.indexExtras(p, i));
  }

  static fromJSON(presets: BundledPreset[], indexJson: string): PresetSearch {
    return new PresetSearch(presets, MiniSearch.loadJSON<SearchDoc>(indexJson, SEARCH_INDEX_OPTIONS));
  }

  /** The user's custom presets join the shipped ones; they are few, so they are indexed here. */
  addPresets(extra: readonly BundledPreset[]): void {
    for (const preset of extra) {
      const i = this.presets.push(preset) - 1;
      this.index.add(toSearchDoc(preset, i));
      this.indexExtras(preset, i);
    }
    this.alphabetical = undefined;
    this.portTable = undefined;
  }

  get size(): number {
    return this.presets.length;
  }

  byId(id: string): BundledPreset | undefined {
    const i = this.positions.get(id);
    return i === undefined ? undefined : this.presets[i];
  }

  search(raw: string, ctx: SearchContext = {}): SearchHit[] {
    const query = parseQuery(raw);
    const mask = groupMask(ctx.platform ?? 'all');
    const limit = ctx.limit ?? 50;
    const favorites = ctx.favorites ?? new Set<string>();
    const recentRank = new Map((ctx.recents ?? []).map((id, i) => [id, i]));

    const byPort = query.ports.length > 0 || query.protocol !== undefined;
    if (!query.text && !byPort) return this.browse(mask, favorites, ctx.recents ?? [], limit);

    // preset index → text score. Words narrow by text, numbers by the ports of the rules...
    let candidates = new Map<number, number>();
    if (query.text) {
      const textHits = this.textMatches(query.text, !byPort);
      if (byPort) {
        const allowed = this.portMatches(query, mask);
        for (const [i, score] of textHits) if (allowed.has(i)) candidates.set(i, score);
      } else {
        candidates = textHits;
      }
    } else {
      candidates = this.portMatches(query, mask);
    }
    // ...or the numbers are part of a name: "battlefield 2042", "nba 2k25".
    if (query.ports.length > 0) {
      for (const [i, score] of this.textMatches(query.words, false)) candidates.set(i, Math.max(score, candidates.get(i) ?? 0));
    }

    const wanted = normalise(query.words);
    const tierOf = (i: number): SearchHit['tier'] => {
      const id = this.presets[i]!.id;
      if (wanted && this.keysOf(i).includes(wanted)) return 'exact';
      if (favorites.has(id)) return 'favorite';
      if (recentRank.has(id)) return 'recent';
      return 'match';
    };
    const tierRank = { exact: 0, favorite: 1, recent: 2, match: 3 };
    const hits: { i: number; tier: SearchHit['tier']; score: number }[] = [];
    for (const [i, score] of candidates) {
      if ((this.presetPlatformBits[i]! & mask) === 0) continue;
      hits.push({ i, tier: tierOf(i), score });
    }
    hits.sort(
      (a, b) =>
        tierRank[a.tier] - tierRank[b.tier] ||
        (a.tier === 'recent' ? recentRank.get(this.presets[a.i]!.id)! - recentRank.get(this.presets[b.i]!.id)! : 0) ||
        b.score - a.score ||
        this.presets[a.i]!.name.localeCompare(this.presets[b.i]!.name),
    );
    return hits.slice(0, limit).map(({ i, tier }) => ({ preset: this.presets[i]!, tier }));
  }

  private textMatches(text: string, orFallback: boolean): Map<number, number> {
    const words = text.split(' ');
    const last = words[words.length - 1]!;
    const run = (options: SearchOptions) => {
      if (words.length > 1 && last.length < 3) {
        // "apex l": expanding a one- or two-letter prefix over the whole index costs more than
        // checking it against the few presets the other words found.
        const prefix = normaliseTerm(last);
        return this.index.search(words.slice(0, -1).join(' '), {
          ...options,
          prefix: false,
          filter: (r) => this.keysOf(r.id as number).some((k) => k.split(' ').some((w) => normaliseTerm(w).startsWith(prefix))),
        });
      }
      return this.index.search(text, options);
    };
    // Spelled right, as most queries are: exact and prefix lookups suffice. Typo tolerance
    // (the costly part) runs only when they find nothing.
    let results = run({ fuzzy: false });
    if (results.length === 0) results = run({});
    // AND keeps "apex l" precise; when it finds nothing, any word may match.
    if (results.length === 0 && orFallback) results = run({ combineWith: 'OR' });
    return new Map(results.map((r) => [r.id as number, r.score]));
  }

  private keysOf(i: number): string[] {
    let keys = this.keys[i];
    if (!keys) {
      const p = this.presets[i]!;
      keys = this.keys[i] = [p.name, ...p.aliases].map(normalise);
    }
    return keys;
  }

  /**
   * Presets with a rule on a platform in `mask` that covers every queried port (and protocol),
   * scored by how precisely: a rule naming the port itself beats a wide range around it.
   */
  private portMatches(query: ParsedQuery, mask: number): Map<number, number> {
    const wantedProtocol = query.protocol ? PROTOCOL_BITS[query.protocol] : 3;
    const ports = query.ports.length > 0 ? query.ports : [0];
    const t = (this.portTable ??= buildPortTable(this.presets));
    let result: Map<number, number> | undefined;
    for (const port of ports) {
      const found = new Map<number, number>();
      for (let r = 0; r < t.starts.length; r++) {
        if ((t.platformBits[r]! & mask) === 0 || (t.protocolBits[r]! & wantedProtocol) === 0) continue;
        if (port === 0 || (t.starts[r]! <= port && port <= t.ends[r]!)) {
          // A rule the preset only includes (a game's copy of its console network's ports)
          // ranks below the same rule where it belongs: "3074" finds Xbox network first.
          const owner = t.owners[r]!;
          // Among equally precise rules, the platform's own preset (console network, launcher) leads.
          const weight = (t.included[r] ? 0.5 : 1) * (isPlatformPreset(this.presets[owner]!) ? 1.01 : 1);
          const precision = port === 0 ? 0 : weight / (t.ends[r]! - t.starts[r]! + 1);
          found.set(owner, Math.max(precision, found.get(owner) ?? 0));
        }
      }
      result = result ? new Map([...result].filter(([i]) => found.has(i)).map(([i, p]) => [i, Math.min(p, found.get(i)!)])) : found;
    }
    return result ?? new Map();
  }

  private browse(mask: number, favorites: ReadonlySet<string>, recents: readonly string[], limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const push = (preset: BundledPreset | undefined, tier: SearchHit['tier']) => {
      if (!preset || seen.has(preset.id)) return;
      if ((this.presetPlatformBits[this.positions.get(preset.id)!]! & mask) === 0) return;
      seen.add(preset.id);
      hits.push({ preset, tier });
    };
    for (const id of favorites) push(this.byId(id), 'favorite');
    for (const id of recents) push(this.byId(id), 'recent');
    this.alphabetical ??= [...this.presets].sort((a, b) => a.name.localeCompare(b.name));
    for (const p of this.alphabetical) {
      if (hits.length >= limit) break;
      push(p, 'match');
    }
    return hits.slice(0, limit);
  }

  private indexExtras(preset: BundledPreset, i: number): void {
    this.positions.set(preset.id, i);
    let bits = 0;
    for (const p in preset.platforms) bits |= platformBit(p as Platform);
    this.presetPlatformBits[i] = bits;
  }
}

const isPlatformPreset = (p: BundledPreset) => p.category === 'console-network' || p.category === 'launcher';

/** Every rule's port range as parallel typed arrays: a port query is one linear scan. */
interface PortTable {
  starts: Int32Array;
  ends: Int32Array;
  owners: Int32Array;
  protocolBits: Uint8Array;
  platformBits: Uint16Array;
  /** 1 when the rule came from another preset through `uses`. */
  included: Uint8Array;
}

function buildPortTable(presets: readonly BundledPreset[]): PortTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const owners: number[] = [];
  const protocolBits: number[] = [];
  const platformBits: number[] = [];
  const included: number[] = [];
  presets.forEach((preset, owner) => {
    for (const platform of PLATFORMS) {
      // Forwards only: outbound ports are never something to forward, so never a match.
      for (const rule of preset.platforms[platform]?.forward ?? []) {
        for (const { start, end } of ruleRanges(rule.ports)) {
          starts.push(start);
          ends.push(end);
          owners.push(owner);
          protocolBits.push(PROTOCOL_BITS[rule.protocol]);
          platformBits.push(platformBit(platform));
          included.push(rule.from ? 1 : 0);
        }
      }
    }
  });
  return {
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    owners: Int32Array.from(owners),
    protocolBits: Uint8Array.from(protocolBits),
    platformBits: Uint16Array.from(platformBits),
    included: Uint8Array.from(included),
  };
}
