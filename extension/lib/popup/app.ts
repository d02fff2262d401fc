import { browser } from 'wxt/browser';
import type { ApplyJob, Detection } from '../apply/types';
import { expandCustom } from '../presets/bundle';
import { loadShippedSearch } from '../presets/load';
import { POPULAR_PRESETS } from '../presets/popular';
import { groupMask, isPlatformGroup, platformBit, PLATFORM_GROUPS, type PlatformGroup } from '../presets/platforms';
import type { PresetSearch } from '../presets/search';
import { listCustomPresets } from '../store/custom-presets';
import type { Device } from '../store/db';
import { listDevices } from '../store/devices';
import { favoriteIds } from '../store/favorites';
import { recentIds, recordRecent } from '../store/recents';
import { checkRouterAddress } from '../store/router-address';
import { rememberWan, wanOf } from '../store/router-wan';
import { getSetting, setSetting } from '../store/settings';
import { notTheFormPage, openForwardingButton, routerLine } from './apply-section';
import { byId, h, mount } from './dom';
import { availablePlatforms } from './preset-view';
import { PresetScreen } from './preset-screen';
import { renderNoResults } from './no-results';
import { ResultList } from './results';
import { routerClient, targetTab } from './router-client';

interface PopupState {
  search?: PresetSearch;
  platformFilter: PlatformGroup;
  favorites: Set<string>;
  recents: string[];
  devices: Device[];
  tabId?: number;
  detection?: Detection;
  routerOrigins: string[];
  /** Why "Open Port Forwarding" did not work, in words. */
  forwardingError?: string;
  /** This router's internet address, read on its status page now or before. */
  wanAddress?: string;
}

/** The list screen's parts, hidden while a preset is open. */
const LIST_PARTS = ['results', 'search-bar', 'hint', 'status', 'list-title'];

/** Wires the popup page: search box → results → preset view → apply. */
export async function startPopup(): Promise<void> {
  const input = byId<HTMLInputElement>('q');
  const platformSelect = byId<HTMLSelectElement>('platform');
  const status = byId('status');
  const presetRoot = byId('preset');
  const resultsEl = byId<HTMLUListElement>('results');
  const state: PopupState = { platformFilter: 'all', favorites: new Set(), recents: [], devices: [], routerOrigins: [] };
  const emptyState = byId('empty-state');
  const welcome = byId('welcome');
  const results = new ResultList(resultsEl, input, (id) => void openPreset(id), (id) => state.search?.byId(id)?.name);

  function runSearch(): void {
    if (!state.search) return;
    const hits = state.search.search(input.value, { platform: state.platformFilter, favorites: state.favorites, recents: state.recents, popular: POPULAR_PRESETS });
    results.render(hits);
    const query = input.value.trim();
    // The welcome lines are for the first screen; typing makes room for the results.
    welcome.hidden = query !== '' || screen.isOpen;
    emptyState.hidden = !query || hits.length > 0;
    if (!emptyState.hidden) renderNoResults(emptyState, query);
    status.textContent = query
      ? hits.length ? `${hits.length}${hits.length === 50 ? '+' : ''} matching presets` : `No preset for “${query}” yet.`
      : `${state.search.size} presets`;
  }

  const screen = new PresetScreen(presetRoot, {
    devices: () => state.devices,
    setDevices: (devices) => (state.devices = devices),
    nameOf: (id) => state.search?.byId(id)?.name,
    isCustom: (id) => state.search?.isCustom(id) ?? false,
    isFavorite: (id) => state.favorites.has(id),
    setFavorites: (ids) => (state.favorites = ids),
    back: () => showList(),
    tabId: () => state.tabId,
    detection: () => state.detection,
    wanAddress: () => state.wanAddress,
    routerOrigins: () => state.routerOrigins,
    openForwarding: () => openForwarding(),
  });

  /** Above the list: whose router this tab shows, and the way to its port-forwarding page. */
  function renderRouterHere(): void {
    const root = byId('router-here');
    const d = state.detection;
    const line = d && (d.router || d.forwarding) ? (d.kind === 'unknown' ? notTheFormPage(d) : routerLine(d)) : null;
    root.hidden = !line || screen.isOpen;
    if (!line || !d) return root.replaceChildren();
    mount(root,
      h('p', {}, line),
      d.kind === 'unknown' ? openForwardingButton(d, () => void openForwarding().then(renderRouter)) : null,
      state.forwardingError ? h('p', { class: 'error', role: 'alert' }, state.forwardingError) : null,
    );
  }

  function renderRouter(): void {
    renderRouterHere();
    screen.render();
  }

  /** Follows the page's link (or the router's known page), then looks at the tab again once it has moved. */
  async function openForwarding(): Promise<string | null> {
    const tabId = state.tabId;
    if (tabId === undefined) return null;
    const answer = await routerClient.openForwarding(tabId).catch(() => ({ ok: false, error: 'PortPilot cannot reach this tab.' }));
    state.forwardingError = answer.ok ? undefined : (answer.error ?? 'The port-forwarding page could not be opened. Open it from the router menu.');
    if (!answer.ok) return state.forwardingError!;
    const before = state.detection;
    state.detection = undefined; // "Looking at the current tab…"
    renderRouter();
    let now = before;
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 500));
      now = await routerClient.detect(tabId).catch(() => now);
      if (now && (now.kind !== 'unknown' || !now.forwarding)) break;
    }
    state.detection = now;
    renderRouter();
    return null;
  }

  function showList(): void {
    screen.close();
    presetRoot.hidden = true;
    for (const id of LIST_PARTS) byId(id).hidden = false;
    renderRouterHere();
    runSearch();
    input.focus();
  }

  async function openPreset(id: string): Promise<void> {
    const preset = state.search?.byId(id);
    if (!preset) return;
    const platforms = availablePlatforms(preset);
    const preferred = platforms.find((p) => (platformBit(p) & groupMask(state.platformFilter)) !== 0) ?? platforms[0]!;
    void recordRecent(id).then(async () => (state.recents = await recentIds()));
    for (const part of [...LIST_PARTS, 'empty-state', 'welcome', 'router-here']) byId(part).hidden = true;
    presetRoot.hidden = false;
    await screen.open(preset, preferred);
  }

  // Keyboard: "/" focuses search, Esc clears or goes back, arrows and Enter drive the list.
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== input && !(document.activeElement instanceof HTMLInputElement)) {
      e.preventDefault();
      if (screen.isOpen) showList();
      input.focus();
    } else if (e.key === 'Escape') {
      if (screen.isOpen) {
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
    if (m.type === 'job:changed' && m.job && m.job.tabId === state.tabId) screen.jobChanged(m.job);
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
    // A status page shows the router's internet address; its forwarding page, later, warns with it.
    // Only on a router's own pages: any web page may print some address next to "public IP".
    if (detection.kind !== 'unknown' || detection.router) {
      if (detection.wanAddress) await rememberWan(detection.origin, detection.wanAddress);
      state.wanAddress = detection.wanAddress ?? (await wanOf(detection.origin));
    }
    screen.jobChanged(job);
  } else {
    state.detection = { kind: 'unknown', reason: 'no tab to look at', origin: '' };
  }
  renderRouter();
}
