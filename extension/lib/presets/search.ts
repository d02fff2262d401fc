import MiniSearch from 'minisearch';
import { PLATFORMS, type Platform, type Protocol } from '../../../data/vocabulary';
import { toSearchDoc, type BundledPreset } from './bundle';
import { PROTOCOL_BITS, ruleRanges } from './ports';
import { groupMask, platformBit, type PlatformGroup } from './platforms';
import { SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';

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
  text: string;
  ports: number[];
  protocol?: Exclude<Protocol, 'both'>;
}

/** "tcp 25565 minecraft" → text "minecraft", ports [25565], protocol tcp. */
export function parseQuery(raw: string): ParsedQuery {
  const words: string[] = [];
  const ports: number[] = [];
  let protocol: ParsedQuery['protocol'];
  for (const word of raw.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (/^\d{1,5}$/.test(word) && Number(word) >= 1 && Number(word) <= 65535) ports.push(Number(word));
    else if (word === 'tcp' || word === 'udp') protocol = word;
    else words.push(word);
  }
  return { text: words.join(' '), ports, protocol };
}

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Search over the shipped presets (with their prebuilt index) plus the user's own.
 * Port rules are flattened into typed arrays once, so a port query is one tight scan.
 */
export class PresetSearch {
  private readonly presets: BundledPreset[];
  private readonly index: MiniSearch<SearchDoc>;
  private readonly exactNames = new Map<string, number[]>();
  private readonly positions = new Map<string, number>();
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private owners = new Int32Array(0);
  private protocolBits = new Uint8Array(0);
  private platformBits = new Uint16Array(0);
  private readonly presetPlatformBits: number[] = [];
  private alphabetical: BundledPreset[] | undefined; // browse order, sorted on first use

  constructor(presets: BundledPreset[], index: MiniSearch<SearchDoc>) {
    this.presets = [...presets];
    this.index = index;
    this.presets.forEach((p, i) => this.indexExtras(p, i));
    this.rebuildPortTable();
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
    this.rebuildPortTable();
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

    let candidates: Map<number, number>; // preset index → text score
    if (query.text) {
      candidates = this.textMatches(query.text);
    } else if (query.ports.length > 0 || query.protocol) {
      candidates = new Map(this.presets.map((_, i) => [i, 0]));
    } else {
      return this.browse(mask, favorites, ctx.recents ?? [], limit);
    }
    if (query.ports.length > 0 || query.protocol) {
      const allowed = this.portMatches(query, mask);
      for (const i of candidates.keys()) if (!allowed.has(i)) candidates.delete(i);
    }

    const exact = new Set(this.exactNames.get(normalise(query.text)) ?? []);
    const tierOf = (i: number): SearchHit['tier'] => {
      const id = this.presets[i]!.id;
      if (exact.has(i)) return 'exact';
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

  private textMatches(text: string): Map<number, number> {
    let results = this.index.search(text);
    // AND keeps "apex l" precise; when it finds nothing, any word may match.
    if (results.length === 0) results = this.index.search(text, { combineWith: 'OR' });
    return new Map(results.map((r) => [r.id as number, r.score]));
  }

  /** Presets with a rule on a platform in `mask` that covers every queried port (and protocol). */
  private portMatches(query: ParsedQuery, mask: number): Set<number> {
    const wantedProtocol = query.protocol ? PROTOCOL_BITS[query.protocol] : 3;
    const ports = query.ports.length > 0 ? query.ports : [0];
    let result: Set<number> | undefined;
    for (const port of ports) {
      const found = new Set<number>();
      for (let r = 0; r < this.starts.length; r++) {
        if ((this.platformBits[r]! & mask) === 0 || (this.protocolBits[r]! & wantedProtocol) === 0) continue;
        if (port === 0 || (this.starts[r]! <= port && port <= this.ends[r]!)) found.add(this.owners[r]!);
      }
      result = result ? new Set([...result].filter((i) => found.has(i))) : found;
    }
    return result ?? new Set();
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
    for (const key of [preset.name, ...preset.aliases].map(normalise)) {
      const list = this.exactNames.get(key);
      if (list) list.push(i);
      else this.exactNames.set(key, [i]);
    }
    this.presetPlatformBits[i] = Object.keys(preset.platforms).reduce(
      (m, p) => m | platformBit(p as Platform),
      0,
    );
  }

  private rebuildPortTable(): void {
    const rows: [number, number, number, number, number][] = [];
    this.presets.forEach((preset, owner) => {
      for (const platform of PLATFORMS) {
        for (const rule of preset.platforms[platform] ?? []) {
          for (const { start, end } of ruleRanges(rule.ports)) {
            rows.push([start, end, owner, PROTOCOL_BITS[rule.protocol], platformBit(platform)]);
          }
        }
      }
    });
    this.starts = Int32Array.from(rows, (r) => r[0]);
    this.ends = Int32Array.from(rows, (r) => r[1]);
    this.owners = Int32Array.from(rows, (r) => r[2]);
    this.protocolBits = Uint8Array.from(rows, (r) => r[3]);
    this.platformBits = Uint16Array.from(rows, (r) => r[4]);
  }
}
