import MiniSearch from 'minisearch';
import type { Preset } from '../../../data/schema';
import { CATEGORIES, PLATFORM_LABELS, type Category } from '../../../data/vocabulary';
import { PLATFORM_SEARCH_TERMS } from './platforms';
import { SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';

/** Where the data build writes, relative to the extension's public/ folder and its output root. */
export const BUNDLE_FILES = { presets: 'data/presets.json', index: 'data/search-index.json' } as const;

/** A preset as shipped: the file minus its editor-only $schema pointer. */
export type BundledPreset = Omit<Preset, '$schema'>;

export const CATEGORY_LABELS: Record<Category, string> = Object.fromEntries(
  CATEGORIES.map((c) => [c, c.replace(/-/g, ' ')]),
) as Record<Category, string>;

export function toBundled({ $schema: _schema, ...preset }: Preset): BundledPreset {
  return preset;
}

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
