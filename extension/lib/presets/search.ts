import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { PLATFORMS, type Category, type Platform, type Protocol } from '../../../data/vocabulary';
import { toSearchDoc, type BundledPreset, type BundledRule } from './bundle';
import { PROTOCOL_BITS, ruleRanges, WHOLE_PROTOCOL_PORTS } from './ports';
import { presetNameKey } from './name-key';
import { POPULAR_PRESETS } from './popular';
import { filterMask, platformBit, type PlatformGroup } from './platforms';
import { normaliseTerm, SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';

export interface SearchContext {
  /** A platform group ("playstation") or one platform ("ps5"). */
  platform?: PlatformGroup | Platform;
  favorites?: ReadonlySet<string>;
  /** Preset ids, most recent first. */
  recents?: readonly string[];
  /** Offered after favorites and recents when nothing is typed (the first screen). */
  popular?: readonly string[];
  limit?: number;
}

/** The rule that made a port query find a preset: the result row shows it. */
export interface MatchedRule {
  /** The platforms on which this same rule matched. */
  platforms: Platform[];
  protocol: Protocol;
  /** The port or range that covers the queried port (one entry of the rule's ports). */
  ports: string;
  purpose: string;
  /** Set when the rule is included from another preset (its id). */
  from?: string;
}

export interface SearchHit {
  preset: BundledPreset;
  /** Why it ranks where it does: people read "exact" and "favorite" as badges. */
  tier: 'exact' | 'favorite' | 'recent' | 'popular' | 'match';
  /** The ranking score within the tier (text relevance, or how precisely a rule names the port). */
  score: number;
  /** For port queries: the rules that cover the queried ports. Empty for name searches. */
  matched: MatchedRule[];
  /** The user's own preset (badged "Your preset"; never ranked above a shipped one of the same name). */
  custom: boolean;
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

/** Names compared as people read them: case, accents and punctuation do not make a new name. */
export const normalise = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();


/** Platform presets lead among equally precise rules: the console network, then a launcher. */
const PLATFORM_PRESET_BONUS: Partial<Record<Category, number>> = { 'console-network': 0.4, launcher: 0.3 };

/** The well-known owner of a port among equals: Minecraft: Java Edition for 25565, not a server clone. */
const POPULAR_BONUS = 0.08;
const POPULAR = new Set<string>(POPULAR_PRESETS);

/**
 * How well one rule answers a port query. The class (a port or a narrow range, a range, a very
 * wide range) decides first; within a class a platform's own preset leads, then a preset's own
 * rule before one it only includes (weighing half), then a popular preset, then the narrower rule.
 */
export function portScore(size: number, category: Category, included: boolean, popular = false): number {
  const precisionClass = size <= 10 ? 3 : size <= 1000 ? 2 : 1;
  const within = (PLATFORM_PRESET_BONUS[category] ?? 0) + 0.2 + (popular ? POPULAR_BONUS : 0) + 0.1 / size;
  return precisionClass + within * (included ? 0.5 : 1);
}

/** Words that carry no meaning on their own: "escape from tarkov" needs "escape" and "tarkov". */
const FILLER_WORDS = new Set(['a', 'an', 'and', 'for', 'from', 'in', 'of', 'on', 'the', 'to']);

interface PortMatch {
  score: number;
  /** Every covering rule (its position in the port table) with its own score. */
  rows: { row: number; score: number }[];
}

/**
 * Search over the shipped presets (with their prebuilt index) plus the user's own.
 * Port rules are flattened into typed arrays once, so a port query is one tight scan.
 */
export class PresetSearch {
  private readonly presets: BundledPreset[];
  private readonly shippedCount: number;
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
    this.shippedCount = presets.length;
    this.index = index;
    this.presets.forEach((p, i) => this.indexExtras(p, i));
  }

  static fromJSON(presets: BundledPreset[], indexJson: string): PresetSearch {
    return new PresetSearch(presets, MiniSearch.loadJSON<SearchDoc>(indexJson, SEARCH_INDEX_OPTIONS));
  }

  /** The user's custom presets join the shipped ones; they are few, so they are indexed here. */
  addPresets(extra: readonly BundledPreset[]): void {
    for (const preset of extra) {
      if (this.positions.has(preset.id)) continue; // a shipped id stays the shipped preset
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

  /** A preset the user made (not shipped with the extension). */
  isCustom(id: string): boolean {
    const i = this.positions.get(id);
    return i !== undefined && i >= this.shippedCount;
  }

  search(raw: string, ctx: SearchContext = {}): SearchHit[] {
    const query = parseQuery(raw);
    const mask = filterMask(ctx.platform);
    const limit = ctx.limit ?? 50;
    const favorites = ctx.favorites ?? new Set<string>();
    const recentRank = new Map((ctx.recents ?? []).map((id, i) => [id, i]));

    const byPort = query.ports.length > 0 || query.protocol !== undefined;
    if (!query.text && !byPort) return this.browse(mask, favorites, ctx.recents ?? [], ctx.popular ?? [], limit);

    // preset index → score. Words narrow by text, numbers by the ports of the rules...
    const candidates = new Map<number, number>();
    const ports = byPort ? this.portMatches(query, mask) : new Map<number, PortMatch>();
    if (query.text) {
      for (const [i, score] of this.textMatches(query.text, !byPort)) if (!byPort || ports.has(i)) candidates.set(i, score);
    } else {
      for (const [i, m] of ports) candidates.set(i, m.score);
    }
    // ...or the numbers are part of a name: "battlefield 2042", "nba 2k25".
    const namedByNumber = new Set<number>();
    if (query.ports.length > 0) {
      for (const [i, score] of this.textMatches(query.words, false)) {
        namedByNumber.add(i);
        candidates.set(i, Math.max(score, candidates.get(i) ?? 0));
      }
    }

    const wanted = normalise(query.words);
    const tierOf = (i: number): SearchHit['tier'] => {
      const id = this.presets[i]!.id;
      if (wanted && this.keysOf(i).includes(wanted)) return 'exact';
      if (favorites.has(id)) return 'favorite';
      if (recentRank.has(id)) return 'recent';
      return 'match';
    };
    const tierRank = { exact: 0, favorite: 1, recent: 2, popular: 3, match: 3 };
    const hits: { i: number; tier: SearchHit['tier']; score: number }[] = [];
    for (const [i, score] of candidates) {
      if ((this.presetPlatformBits[i]! & mask) === 0) continue;
      hits.push({ i, tier: tierOf(i), score });
    }
    // A bare port query ranks by how well the rules name the port: being a favorite does not
    // make a wide range answer "3074" better. Words rank by tier first, as people expect.
    const portOnly = !query.text && namedByNumber.size === 0;
    const byTier = (a: (typeof hits)[0], b: (typeof hits)[0]) =>
      tierRank[a.tier] - tierRank[b.tier] ||
      (a.tier === 'recent' && b.tier === 'recent' ? recentRank.get(this.presets[a.i]!.id)! - recentRank.get(this.presets[b.i]!.id)! : 0);
    hits.sort(
      (a, b) =>
        (portOnly ? b.score - a.score || byTier(a, b) : byTier(a, b) || b.score - a.score) ||
        this.presets[a.i]!.name.localeCompare(this.presets[b.i]!.name),
    );
    const table = this.portTable;
    return this.shippedFirst(hits.map(({ i, tier, score }) => ({ i, tier, score })))
      .slice(0, limit)
      .map(({ i, tier, score }) => ({
        preset: this.presets[i]!,
        tier,
        score,
        matched: table && ports.has(i) ? matchedRules(table, ports.get(i)!.rows) : [],
        custom: i >= this.shippedCount,
      }));
  }

  /**
   * A user's preset never ranks above a shipped preset of the same name (an impostor
   * "Xbox network" favourited by a shared backup stays below the real one): it moves to just
   * after it. Order is otherwise kept.
   */
  private shippedFirst<T extends { i: number }>(ordered: T[]): T[] {
    if (this.presets.length === this.shippedCount) return ordered;
    const out: T[] = [];
    const waiting = new Map<string, T[]>(); // normalised name → custom hits held back
    const shippedNames = new Set<string>();
    for (const hit of ordered) if (hit.i < this.shippedCount) shippedNames.add(this.nameKey(hit.i));
    for (const hit of ordered) {
      const key = this.nameKey(hit.i);
      if (hit.i >= this.shippedCount) {
        if (shippedNames.has(key)) waiting.set(key, [...(waiting.get(key) ?? []), hit]);
        else out.push(hit);
        continue;
      }
      out.push(hit, ...(waiting.get(key) ?? []));
      waiting.delete(key);
      shippedNames.delete(key);
    }
    return out;
  }

  private nameKey(i: number): string {
    return presetNameKey(this.presets[i]!.name);
  }

  private textMatches(text: string, orFallback: boolean): Map<number, number> {
    const words = text.split(' ');
    const run = (query: string, options: SearchOptions): SearchResult[] => {
      const terms = query.split(' ');
      const tail = terms[terms.length - 1]!;
      if (terms.length > 1 && tail.length < 3) {
        // "apex l": expanding a one- or two-letter prefix over the whole index costs more than
        // checking it against the few presets the other words found.
        const prefix = normaliseTerm(tail);
        return this.index.search(terms.slice(0, -1).join(' '), {
          ...options,
          prefix: false,
          filter: (r) => this.keysOf(r.id as number).some((k) => k.split(' ').some((w) => normaliseTerm(w).startsWith(prefix))),
        });
      }
      return this.index.search(query, options);
    };
    // Spelled right, as most queries are: exact and prefix lookups suffice. Typo tolerance
    // (the costly part) runs only when they find nothing.
    let results = run(text, { fuzzy: false });
    if (results.length === 0) results = run(text, {});
    // "pal world", "fort nite": the words may be one word in the name.
    if (results.length === 0 && words.length > 1) results = run(words.join(''), {});
    // AND keeps "apex l" precise; when it finds nothing, most of the words must still match:
    // one word out of "escape from tarkov" is no answer, and "no preset yet" is more honest.
    if (results.length === 0 && orFallback) {
      const meaningful = new Set(words.filter((w) => !FILLER_WORDS.has(w)).map(normaliseTerm));
      if (meaningful.size > 2) {
        results = run(text, { combineWith: 'OR' }).filter(
          (r) => new Set(r.queryTerms.filter((t) => meaningful.has(t))).size * 2 > meaningful.size,
        );
      }
    }
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
   * scored by portScore (the best rule per port; the worst port for several).
   */
  private portMatches(query: ParsedQuery, mask: number): Map<number, PortMatch> {
    const wantedProtocol = query.protocol ? PROTOCOL_BITS[query.protocol] : 3;
    const ports = query.ports.length > 0 ? query.ports : [0];
    const t = (this.portTable ??= buildPortTable(this.presets));
    let result: Map<number, PortMatch> | undefined;
    for (const port of ports) {
      const found = new Map<number, PortMatch>();
      for (let r = 0; r < t.starts.length; r++) {
        if ((t.platformBits[r]! & mask) === 0 || (t.protocolBits[r]! & wantedProtocol) === 0) continue;
        const size = t.ends[r]! - t.starts[r]! + 1;
        if (port !== 0 && (port < t.starts[r]! || port > t.ends[r]! || size >= WHOLE_PROTOCOL_PORTS)) continue;
        const owner = t.owners[r]!;
        // A protocol alone ("udp") lists presets but says nothing about precision.
        const p = this.presets[owner]!;
        const score = port === 0 ? 0 : portScore(size, p.category, t.included[r] === 1, POPULAR.has(p.id) && owner < this.shippedCount);
        const match = found.get(owner);
        if (!match) found.set(owner, { score, rows: [{ row: r, score }] });
        else {
          match.score = Math.max(match.score, score);
          match.rows.push({ row: r, score });
        }
      }
      if (!result) result = found;
      else {
        const merged = new Map<number, PortMatch>();
        for (const [i, m] of result) {
          const other = found.get(i);
          if (other) merged.set(i, { score: Math.min(m.score, other.score), rows: [...m.rows, ...other.rows] });
        }
        result = merged;
      }
    }
    return result ?? new Map();
  }

  private browse(mask: number, favorites: ReadonlySet<string>, recents: readonly string[], popular: readonly string[], limit: number): SearchHit[] {
    const hits: { i: number; tier: SearchHit['tier'] }[] = [];
    const seen = new Set<string>();
    const push = (id: string, tier: SearchHit['tier']) => {
      const i = this.positions.get(id);
      if (i === undefined || seen.has(id) || (this.presetPlatformBits[i]! & mask) === 0) return;
      seen.add(id);
      hits.push({ i, tier });
    };
    for (const id of favorites) push(id, 'favorite');
    for (const id of recents) push(id, 'recent');
    for (const id of popular) push(id, 'popular');
    this.alphabetical ??= [...this.presets].sort((a, b) => a.name.localeCompare(b.name));
    for (const p of this.alphabetical) {
      if (hits.length >= limit) break;
      push(p.id, 'match');
    }
    return this.shippedFirst(hits)
      .slice(0, limit)
      .map(({ i, tier }) => ({ preset: this.presets[i]!, tier, score: 0, matched: [], custom: i >= this.shippedCount }));
  }

  private indexExtras(preset: BundledPreset, i: number): void {
    this.positions.set(preset.id, i);
    let bits = 0;
    for (const p in preset.platforms) bits |= platformBit(p as Platform);
    this.presetPlatformBits[i] = bits;
  }
}

/** Every rule's port range as parallel typed arrays: a port query is one linear scan. */
interface PortTable {
  starts: Int32Array;
  ends: Int32Array;
  owners: Int32Array;
  protocolBits: Uint8Array;
  platformBits: Uint16Array;
  /** 1 when the rule came from another preset through `uses`. */
  included: Uint8Array;
  /** Per row: the rule, its platform and the port spec the row stands for (for "which rule matched"). */
  sources: { platform: Platform; rule: BundledRule; spec: string }[];
}

function buildPortTable(presets: readonly BundledPreset[]): PortTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const owners: number[] = [];
  const protocolBits: number[] = [];
  const platformBits: number[] = [];
  const included: number[] = [];
  const sources: PortTable['sources'] = [];
  presets.forEach((preset, owner) => {
    for (const platform of PLATFORMS) {
      // Forwards only: outbound ports are never something to forward, so never a match.
      for (const rule of preset.platforms[platform]?.forward ?? []) {
        const ranges = ruleRanges(rule.ports);
        ranges.forEach(({ start, end }, k) => {
          starts.push(start);
          ends.push(end);
          owners.push(owner);
          protocolBits.push(PROTOCOL_BITS[rule.protocol]);
          platformBits.push(platformBit(platform));
          included.push(rule.from ? 1 : 0);
          sources.push({ platform, rule, spec: rule.ports[k]! });
        });
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
    sources,
  };
}

/** The covering rows as rules, best first, one entry per distinct rule with the platforms it matched on. */
function matchedRules(table: PortTable, rows: readonly { row: number; score: number }[]): MatchedRule[] {
  const byRule = new Map<string, MatchedRule>();
  for (const { row: r } of [...rows].sort((a, b) => b.score - a.score || a.row - b.row)) {
    const { platform, rule, spec } = table.sources[r]!;
    const key = `${rule.protocol}|${spec}|${rule.purpose}|${rule.from ?? ''}`;
    const seen = byRule.get(key);
    if (seen) {
      if (!seen.platforms.includes(platform)) seen.platforms.push(platform);
      continue;
    }
    byRule.set(key, { platforms: [platform], protocol: rule.protocol, ports: spec, purpose: rule.purpose, ...(rule.from ? { from: rule.from } : {}) });
  }
  return [...byRule.values()];
}
