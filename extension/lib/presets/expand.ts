/**
 * `uses` references → the forward rules they stand for, per platform. The data build expands
 * every shipped preset once; the popup expands the user's own presets against the shipped ones.
 * Each included rule says which preset it came from, so the popup can say "includes
 * PlayStation Network ports". No zod here: this runs in the popup.
 */
import type { ForwardRule, OutboundRule, PlatformEntry, Preset } from '../../../data/schema';
import type { NatGoal, Platform } from '../../../data/vocabulary';

/** A forward rule as shipped: `from` is the id of the preset it was included from (absent when it is the preset's own). */
export interface BundledRule extends ForwardRule {
  from?: string;
}

export interface BundledPlatform {
  /** The preset's own forward rules, then the included ones, without duplicates. */
  forward: BundledRule[];
  outbound?: OutboundRule[];
  /** The presets referenced directly (kept so the popup can name them). */
  uses?: string[];
  natGoal?: NatGoal;
}

/** A preset as shipped: the file minus its editor-only $schema pointer, with references expanded. */
export type BundledPreset = Omit<Preset, '$schema' | 'platforms'> & {
  platforms: Partial<Record<Platform, BundledPlatform>>;
};

/** A preset whose platforms are not yet expanded (a file, or a user's custom preset). */
export type SourcePreset = Omit<Preset, '$schema'> & { $schema?: string };

/** Two rules that would put the same forward on the router. */
export function ruleKey(rule: ForwardRule): string {
  return `${rule.protocol}|${rule.ports.join(',')}|${(rule.internal ?? rule.ports).join(',')}`;
}

/**
 * The expanded forward list of `id` on `platform`, or undefined if there is no such preset or
 * platform. `lookup` finds presets that may still hold references; `shipped` finds presets
 * already expanded (the popup's case). A reference cycle stops where it closes: the validator
 * rejects cycles in data/, and a user's preset must not hang the popup.
 */
export class Expander {
  private readonly memo = new Map<string, BundledRule[] | undefined>();
  private readonly active = new Set<string>();

  constructor(
    private readonly lookup: (id: string) => SourcePreset | undefined,
    private readonly shipped: (id: string) => BundledPreset | undefined = () => undefined,
  ) {}

  forwardOf(id: string, platform: Platform): BundledRule[] | undefined {
    const key = `${id}|${platform}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const source = this.lookup(id);
    if (!source) return this.shipped(id)?.platforms[platform]?.forward;
    const entry = source.platforms[platform];
    if (!entry || this.active.has(key)) return entry ? (entry.forward ?? []) : undefined;
    this.active.add(key);
    const rules = this.expandEntry(entry, platform);
    this.active.delete(key);
    this.memo.set(key, rules);
    return rules;
  }

  private expandEntry(entry: PlatformEntry, platform: Platform): BundledRule[] {
    const out: BundledRule[] = [];
    const seen = new Set<string>();
    const push = (rule: BundledRule) => {
      const k = ruleKey(rule);
      if (seen.has(k)) return;
      seen.add(k);
      out.push(rule);
    };
    for (const rule of entry.forward ?? []) push(rule);
    for (const used of entry.uses ?? []) {
      for (const rule of this.forwardOf(used, platform) ?? []) push({ ...rule, from: rule.from ?? used });
    }
    return out;
  }

  /** `preset` must be one `lookup` finds (its own references are resolved through it). */
  expand({ $schema: _schema, ...preset }: SourcePreset): BundledPreset {
    const platforms: BundledPreset['platforms'] = {};
    for (const [platform, entry] of Object.entries(preset.platforms) as [Platform, PlatformEntry][]) {
      platforms[platform] = { ...entry, forward: this.forwardOf(preset.id, platform) ?? [] };
    }
    return { ...preset, platforms };
  }
}

/** Expands a whole set of presets that may reference each other (the data build). */
export function expandAll(presets: readonly SourcePreset[]): BundledPreset[] {
  const byId = new Map(presets.map((p) => [p.id, p]));
  const expander = new Expander((id) => byId.get(id));
  return presets.map((p) => expander.expand(p));
}

/** Expands the user's presets, which may reference shipped presets and each other. */
export function expandCustom(custom: readonly SourcePreset[], shipped: (id: string) => BundledPreset | undefined): BundledPreset[] {
  const byId = new Map(custom.map((p) => [p.id, p]));
  const expander = new Expander((id) => byId.get(id), shipped);
  return custom.map((p) => expander.expand(p));
}
