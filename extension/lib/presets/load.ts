import { browser } from 'wxt/browser';
import { BUNDLE_FILES, type BundledPreset } from './bundle';
import { PresetSearch } from './search';

/** Shipped presets and their prebuilt index, read from the extension's own files (no network). */
export async function loadShippedSearch(): Promise<PresetSearch> {
  const url = (file: string) => browser.runtime.getURL(`/${file}` as '/');
  const [presets, indexJson] = await Promise.all([
    fetch(url(BUNDLE_FILES.presets)).then((r) => r.json() as Promise<BundledPreset[]>),
    fetch(url(BUNDLE_FILES.index)).then((r) => r.text()),
  ]);
  return PresetSearch.fromJSON(presets, indexJson);
}
