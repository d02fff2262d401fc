import { browser } from 'wxt/browser';
import type { Platform } from '../../../data/schema';
import type { ApplyJob, ApplyMode, Detection } from '../apply/types';
import { expandCustom } from '../presets/bundle';
import { loadShippedSearch } from '../presets/load';
import { groupMask, isPlatformGroup, platformBit, PLATFORM_GROUPS, type PlatformGroup } from '../presets/platforms';
import type { PresetSearch } from '../presets/search';
import { listCustomPresets } from '../store/custom-presets';
import type { Device } from '../store/db';
import { listDevices, saveDevice } from '../store/devices';
import { UserDataError } from '../store/errors';
import { favoriteIds, toggleFavorite } from '../store/favorites';
import { recentIds, recordRecent } from '../store/recents';
import { checkRouterAddress } from '../store/router-address';
import { getSetting, setSetting } from '../store/settings';
import { renderApplySection } from './apply-section';
import { byId, h } from './dom';
import { availablePlatforms, plannedRules, renderPresetView, type PresetViewState } from './preset-view';
import { renderNoResults } from './no-results';
import { ResultList } from './results';
import { requestOriginPermission, routerClient, targetTab } from './router-client';

interface PopupState {
  search?: PresetSearch;
  platformFilter: PlatformGroup;
  favorites: Set<string>;
  recents: string[];
  devices: Device[];
  view?: PresetViewState;
  tabId?: number;
  detection?: Detection;
  job: ApplyJob | null;
  applyError?: string;
  routerOrigins: string[];
}

/** Wires the popup page: search box → results → preset view → apply. */
export async function startPopup(): Promise<void> {
  const input = byId<HTMLInputElement>('q');
  const platformSelect = byId<HTMLSelectElement>('platform');
  const status = byId('status');
  const presetRoot = byId('preset');
  const resultsEl = byId<HTMLUListElement>('results');
  const state: PopupState = { platformFilter: 'all', favorites: new Set(), recents: [], devices: [], job: null, routerOrigins: [] };
  const emptyState = byId('empty-state');
  const results = new ResultList(resultsEl, input, (id) => void openPreset(id), (id) => state.search?.byId(id)?.name);

  function runSearch(): void {
    if (!state.search) return;
    const hits = state.search.search(input.value, { platform: state.platformFilter, favorites: state.favorites, recents: state.recents });
    results.render(hits);
    const query = input.value.trim();
    emptyState.hidden = !query || hits.length > 0;
    if (!emptyState.hidden) renderNoResults(emptyState, query);
    status.textContent = query
      ? hits.length ? `${hits.length}${hits.length === 50 ? '+' : ''} matching presets` : `No preset for “${query}” yet.`
      : `${state.search.size} presets`;
  }

  function showList(): void {
    state.view = undefined;
    presetRoot.hidden = true;
    for (const id of ['results', 'search-bar', 'hint', 'status']) byId(id).hidden = false;
    runSearch();
    input.focus();
  }

  async function openPreset(id: string): Promise<void> {
    const preset = state.search?.byId(id);
    if (!preset) return;
    const platforms = availablePlatforms(preset);
    const preferred = platforms.find((p) => (platformBit(p) & groupMask(state.platformFilter)) !== 0) ?? platforms[0]!;
    const lastDevice = await getSetting('lastDeviceId');
    state.view = {
      preset,
      platform: preferred,
      devices: state.devices,
      device: state.devices.find((d) => d.id === lastDevice) ?? (state.devices.length === 1 ? state.devices[0] : undefined),
      favorite: state.favorites.has(id),
      optional: new Set(),
      nameOf: (other) => state.search?.byId(other)?.name,
    };
    void recordRecent(id).then(async () => (state.recents = await recentIds()));
    for (const id of ['results', 'search-bar', 'hint', 'status', 'empty-state']) byId(id).hidden = true;
    presetRoot.hidden = false;
    renderView();
    byId('preset-title').focus();
  }

  const applyRoot = h('section', { id: 'apply-section', 'aria-label': 'Apply to router' });

  function renderView(): void {
    const view = state.view;
    if (!view) return;
    renderPresetView(presetRoot, view, {
      back: showList,
      toggleFavorite: async () => {
        view.favorite = await toggleFavorite(view.preset.id);
        state.favorites = await favoriteIds();
        renderView();
        byId('favorite').focus();
      },
      choosePlatform: (p: Platform) => {
        view.platform = p;
        view.optional = new Set(); // positions belong to the platform's list
        renderView();
        byId('preset-platform').focus();
      },
      chooseDevice: (id: number) => {
        view.device = state.devices.find((d) => d.id === id);
        void setSetting('lastDeviceId', id);
        renderView();
        byId('preset-device').focus();
      },
      toggleOptional: (index: number) => {
        if (!view.optional.delete(index)) view.optional.add(index);
        renderView();
        byId(`optional-${index}`).focus();
      },
      addDevice: async (name, ip) => {
        try {
          const device = await saveDevice(name, ip);
          state.devices = view.devices = await listDevices();
          view.device = state.devices.find((d) => d.id === device.id);
          await setSetting('lastDeviceId', device.id!);
          renderView();
          byId('preset-device').focus();
          return null;
        } catch (e) {
          if (e instanceof UserDataError) return e.problems.join(' ');
          throw e;
        }
      },
    });
    presetRoot.append(applyRoot);
    renderApply();
  }

  function renderApply(): void {
    const view = state.view;
    if (!view) return;
    renderApplySection(
      applyRoot,
      { detection: state.detection, job: state.job, rules: plannedRules(view), deviceChosen: !!view.device, routerOrigins: state.routerOrigins, error: state.applyError },
      {
        apply: (mode) => void apply(mode),
        stop: async () => {
          if (state.tabId !== undefined) state.job = await routerClient.stop(state.tabId);
          renderApply();
        },
        exportOutline: () => void exportOutline(),
      },
    );
  }

  async function apply(mode: ApplyMode): Promise<void> {
    const view = state.view;
    if (!view?.device || state.tabId === undefined || !state.detection) return;
    state.applyError = undefined;
    const tabId = state.tabId;
    // Both in the click itself: the prompt needs the user's gesture, and Chrome may close the
    // popup when the prompt shows, so the background holds the job until access is granted.
    const permission = requestOriginPermission(state.detection.origin).catch(() => false);
    const reply = await routerClient.start({ tabId, preset: view.preset, platform: view.platform, deviceIp: view.device.ip, mode, optional: [...view.optional] });
    if (!reply?.ok) {
      state.applyError = reply?.error ?? 'The apply could not start.';
      return renderApply();
    }
    state.job = reply.job ?? state.job;
    renderApply();
    if (!(await permission)) {
      state.job = await routerClient.stop(tabId);
      state.applyError = `PortPilot needs access to ${state.detection.origin} to fill the form across its page reloads. Nothing was changed.`;
      renderApply();
    }
  }

  async function exportOutline(): Promise<void> {
    if (state.tabId === undefined) return;
    const outline = await routerClient.outline(state.tabId);
    const url = URL.createObjectURL(new Blob([JSON.stringify(outline, null, 2)], { type: 'application/json' }));
    h('a', { href: url, download: 'router-page-outline.json' }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // Keyboard: "/" focuses search, Esc clears or goes back, arrows and Enter drive the list.
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== input && !(document.activeElement instanceof HTMLInputElement)) {
      e.preventDefault();
      if (state.view) showList();
      input.focus();
    } else if (e.key === 'Escape') {
      if (state.view) {
        e.preventDefault();
        showList();
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        runSearch();
      }
    }
  });
  input.addEventListener('keydown', (e) => {
    if (results.handleKey(e)) e.preventDefault();
  });
  input.addEventListener('input', runSearch);
  platformSelect.addEventListener('change', () => {
    state.platformFilter = isPlatformGroup(platformSelect.value) ? platformSelect.value : 'all';
    void setSetting('platformFilter', state.platformFilter);
    runSearch();
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; job?: ApplyJob };
    if (m.type === 'job:changed' && m.job && m.job.tabId === state.tabId) {
      state.job = m.job;
      renderApply();
    }
  });

  // Data first (the list is what people wait for), then the tab's router detection.
  const [search, platformFilter, favorites, recents, devices, custom] = await Promise.all([
    loadShippedSearch(),
    getSetting('platformFilter'),
    favoriteIds(),
    recentIds(),
    listDevices(),
    listCustomPresets(),
  ]);
  search.addPresets(expandCustom(custom, (id) => search.byId(id)));
  Object.assign(state, { search, platformFilter, favorites, recents, devices });
  platformSelect.value = platformFilter;
  platformSelect.title = PLATFORM_GROUPS[platformFilter].label;
  runSearch();

  state.routerOrigins = (await getSetting('routerAddresses')).flatMap((a) => {
    const check = checkRouterAddress(a);
    return check.ok ? [check.origin] : [];
  });
  const tab = await targetTab();
  state.tabId = tab?.id;
  if (tab?.id !== undefined) {
    const [detection, job] = await Promise.all([
      routerClient.detect(tab.id).catch((e: unknown): Detection => ({ kind: 'unknown', reason: String((e as Error)?.message ?? e), origin: '' })),
      routerClient.status(tab.id).catch(() => null),
    ]);
    state.detection = detection;
    state.job = job;
  } else {
    state.detection = { kind: 'unknown', reason: 'no tab to look at', origin: '' };
  }
  renderApply();
}
