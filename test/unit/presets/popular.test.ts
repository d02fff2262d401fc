import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { POPULAR_PRESETS } from '../../../extension/lib/presets/popular';
import { buildSearchIndex } from '../../../extension/lib/presets/bundle';
import { PresetSearch } from '../../../extension/lib/presets/search';
import { REPO_ROOT } from '../../../scripts/lib/dataset-fs';
import { preset } from '../../support/preset-factory';

it('names shipped presets only (a renamed id must not leave a hole in the first screen)', () => {
  for (const id of POPULAR_PRESETS) expect(existsSync(`${REPO_ROOT}/data/presets/${id}.json`), id).toBe(true);
});

it('comes after favorites and recents on the first screen, badged, and before the A–Z list', () => {
  const presets = ['alpha', 'steam', 'xbox-network', 'zeta'].map((id) => preset(id));
  const s = PresetSearch.fromJSON(presets, JSON.stringify(buildSearchIndex(presets)));
  const hits = s.search('', { favorites: new Set(['zeta']), popular: ['xbox-network', 'steam', 'gone'] });
  expect(hits.map((h) => `${h.preset.id}:${h.tier}`)).toEqual(['zeta:favorite', 'xbox-network:popular', 'steam:popular', 'alpha:match']);
});
