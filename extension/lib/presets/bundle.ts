import MiniSearch from 'minisearch';
import { CATEGORIES, PLATFORM_LABELS, type Category } from '../../../data/vocabulary';
import { PLATFORM_SEARCH_TERMS } from './platforms';
import { SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';
import type { BundledPreset } from './expand';

/** Where the data build writes, relative to the extension's public/ folder and its output root. */
export const BUNDLE_FILES = { presets: 'data/presets.json', index: 'data/search-index.json' } as const;

export type { BundledPlatform, BundledPreset, BundledRule, SourcePreset } from './expand';
export { expandAll, expandCustom } from './expand';

export const CATEGORY_LABELS: Record<Category, string> = Object.fromEntries(
  CATEGORIES.map((c) => [c, c.replace(/-/g, ' ')]),
) as Record<Category, string>;

export function toSearchDoc(preset: BundledPreset, id: number): SearchDoc {
  const platforms = Object.keys(preset.platforms) as (keyof typeof PLATFORM_LABELS)[];
  return {
    id,
    name: preset.name,
    aliases: preset.aliases.join(' | '),
    category: CATEGORY_LABELS[preset.category],
    platforms: platforms.map((p) => `${PLATFORM_LABELS[p]} ${PLATFORM_SEARCH_TERMS[p]}`).join(' '),
  };
}

export function buildSearchIndex(presets: readonly BundledPreset[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS);
  index.addAll(presets.map(toSearchDoc));
  return index;
}
