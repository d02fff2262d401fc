/**
 * What the options page needs to know about the shipped presets to check the user's own: their
 * ids (a custom preset may not take one) and their names (one may not pose as another).
 */
import { browser } from 'wxt/browser';
import { BUNDLE_FILES } from './bundle';
import { presetNameKey } from './name-key';

export interface ShippedCatalog {
  ids: ReadonlySet<string>;
  /** By presetNameKey of the name. */
  byName: ReadonlyMap<string, { id: string; name: string }>;
}

export function shippedCatalog(presets: readonly { id: string; name: string }[]): ShippedCatalog {
  return {
    ids: new Set(presets.map((p) => p.id)),
    byName: new Map(presets.map((p) => [presetNameKey(p.name), { id: p.id, name: p.name }])),
  };
}

/** Read from the extension's own copy of the data (no network). */
export async function loadShippedCatalog(): Promise<ShippedCatalog> {
  const presets = (await fetch(browser.runtime.getURL(`/${BUNDLE_FILES.presets}` as '/')).then((r) => r.json())) as { id: string; name: string }[];
  return shippedCatalog(presets);
}
