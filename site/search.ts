/**
 * The catalogue's search box: the same search code and prebuilt index as the extension's popup,
 * loaded after the page (the page lists every preset without it).
 */
import { CATEGORY_LABELS, BUNDLE_FILES, type BundledPreset } from '../extension/lib/presets/bundle';
import { PresetSearch } from '../extension/lib/presets/search';

const input = document.getElementById('q') as HTMLInputElement;
const results = document.getElementById('results') as HTMLOListElement;
const status = document.getElementById('search-status') as HTMLParagraphElement;

async function load(): Promise<PresetSearch> {
  const [presets, index] = await Promise.all([
    fetch(BUNDLE_FILES.presets).then((r) => r.json() as Promise<BundledPreset[]>),
    fetch(BUNDLE_FILES.index).then((r) => r.text()),
  ]);
  return PresetSearch.fromJSON(presets, index);
}

function show(search: PresetSearch): void {
  const q = input.value.trim();
  results.replaceChildren();
  results.hidden = q === '';
  if (!q) {
    status.textContent = '';
    return;
  }
  const hits = search.search(q, { limit: 20 });
  status.textContent = hits.length ? `${hits.length === 20 ? 'Top 20' : hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”` : `No preset for “${q}” yet.`;
  for (const { preset } of hits) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `presets/${preset.id}.html`;
    a.textContent = preset.name;
    const kind = document.createElement('span');
    kind.className = 'muted';
    kind.textContent = ` ${CATEGORY_LABELS[preset.category]}`;
    li.append(a, kind);
    results.append(li);
  }
}

document.getElementById('search-form')!.addEventListener('submit', (e) => {
  e.preventDefault();
  (results.querySelector('a') as HTMLAnchorElement | null)?.click();
});
status.textContent = 'Loading search…';
load().then(
  (search) => {
    status.textContent = '';
    input.addEventListener('input', () => show(search));
    if (input.value) show(search);
  },
  () => (status.textContent = 'Search could not load; every preset is listed below.'),
);
