/**
 * One preset, opened: its rules and notes scroll, while the apply dock (device, Apply, and what
 * happened) stays at the bottom of the popup. Focus is kept across every re-render, and moves to
 * the outcome headline when an apply starts.
 */
import { PLATFORM_LABELS, type Platform } from '../../../data/vocabulary';
import type { ApplyJob, ApplyMode, Detection } from '../apply/types';
import type { BundledPreset } from '../presets/bundle';
import type { Device } from '../store/db';
import { DeviceAddressTaken, listDevices, saveDevice } from '../store/devices';
import { UserDataError } from '../store/errors';
import { favoriteIds, toggleFavorite } from '../store/favorites';
import { getSetting, setSetting } from '../store/settings';
import { renderAfterApply } from './after-apply';
import { renderApplySection } from './apply-section';
import { chooseDevice } from './device-choice';
import { renderDevicePicker, type DevicePickerState } from './device-picker';
import { h, mount } from './dom';
import { wanWarning } from './wan-warning';
import { plannedRules, renderPresetView, wideForwardBlocker, type PresetViewState } from './preset-view';
import { requestOriginPermission, routerClient } from './router-client';

/** The performance entry each render leaves: its script time. */
export const RENDER_MEASURE = 'portpilot:preset-render';

/** What the preset screen needs from the rest of the popup. */
export interface PresetScreenContext {
  devices(): Device[];
  setDevices(devices: Device[]): void;
  nameOf(id: string): string | undefined;
  isCustom(id: string): boolean;
  isFavorite(id: string): boolean;
  setFavorites(ids: Set<string>): void;
  back(): void;
  tabId(): number | undefined;
  detection(): Detection | undefined;
  /** The router's internet address, when its status page showed it (now or before). */
  wanAddress(): string | undefined;
  routerOrigins(): string[];
  /** Takes the tab to the router's port-forwarding page; the error in words, or null. */
  openForwarding(): Promise<string | null>;
}

/** The router's address, when the tab is a router page shown by IP ("192.168.0.1"). */
export function routerHostOf(detection: Detection | undefined): string | undefined {
  if (!detection || detection.kind === 'unknown' || !/^https?:\/\//.test(detection.origin)) return undefined;
  return new URL(detection.origin).hostname;
}

export class PresetScreen {
  private view: PresetViewState | undefined;
  private picker: Pick<DevicePickerState, 'adding' | 'taken' | 'error' | 'note' | 'draft'> = { adding: false };
  job: ApplyJob | null = null;
  private applyError: string | undefined;
  private readonly body = h('div', { id: 'preset-body' });
  private readonly pickerRoot = h('div', { id: 'device-picker' });
  private readonly applyRoot = h('section', { id: 'apply-section', 'aria-label': 'Apply to router' });
  private readonly afterRoot = h('div', { id: 'after-apply' });
  private readonly wanRoot = h('div', { id: 'wan' });
  private readonly dock = h('div', { id: 'apply-dock', class: 'dock' }, this.pickerRoot, this.wanRoot, this.applyRoot, this.afterRoot);

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: PresetScreenContext,
  ) {
    root.replaceChildren(this.body, this.dock);
  }

  get isOpen(): boolean {
    return this.view !== undefined;
  }

  /** Back to the list: nothing of this preset stays in the page (tests and screen readers see no stale view). */
  close(): void {
    this.view = undefined;
    for (const part of [this.body, this.pickerRoot, this.wanRoot, this.applyRoot, this.afterRoot]) part.replaceChildren();
  }

  async open(preset: BundledPreset, platform: Platform): Promise<void> {
    const chosenBefore = await getSetting('devicePerPlatform');
    const { device } = chooseDevice(this.ctx.devices(), platform, chosenBefore);
    this.view = {
      preset,
      platform,
      device,
      favorite: this.ctx.isFavorite(preset.id),
      custom: this.ctx.isCustom(preset.id),
      optional: new Set(),
      wideConfirmed: false,
      nameOf: (id) => this.ctx.nameOf(id),
    };
    this.picker = { adding: this.ctx.devices().length === 0 };
    this.applyError = undefined;
    this.render();
    document.getElementById('preset-title')?.focus();
  }

  /**
   * Re-renders everything, keeping the focused control focused (by id). Timed as
   * "portpilot:preset-render" (the bench reads it: a 100-rule preset must render within a frame).
   */
  render(): void {
    const view = this.view;
    if (!view) return;
    const start = performance.now();
    this.keepingFocus(() => {
      renderPresetView(this.body, view, {
        back: () => this.ctx.back(),
        toggleFavorite: async () => {
          view.favorite = await toggleFavorite(view.preset.id);
          this.ctx.setFavorites(await favoriteIds());
          this.render();
        },
        choosePlatform: (p: Platform) => void this.choosePlatform(p),
        toggleOptional: (index: number) => {
          if (!view.optional.delete(index)) view.optional.add(index);
          view.wideConfirmed = false; // a new set of rules: confirm again
          this.render();
        },
        confirmWide: (confirmed: boolean) => {
          view.wideConfirmed = confirmed;
          this.render();
        },
      });
      this.renderDock();
    });
    performance.clearMeasures(RENDER_MEASURE);
    performance.measure(RENDER_MEASURE, { start, end: performance.now() });
  }

  private async choosePlatform(platform: Platform): Promise<void> {
    const view = this.view!;
    view.platform = platform;
    view.optional = new Set(); // positions belong to the platform's list
    view.wideConfirmed = false;
    view.device = chooseDevice(this.ctx.devices(), platform, await getSetting('devicePerPlatform')).device;
    this.render();
  }

  renderDock(): void {
    const view = this.view;
    if (!view) return;
    const detection = this.ctx.detection();
    renderDevicePicker(
      this.pickerRoot,
      { ...this.picker, platform: view.platform, devices: chooseDevice(this.ctx.devices(), view.platform, {}).ordered, device: view.device, routerHost: routerHostOf(detection) },
      {
        chooseDevice: (id) => void this.pickDevice(this.ctx.devices().find((d) => d.id === id)),
        toggleAdding: () => {
          this.picker = { adding: !this.picker.adding };
          this.render();
          if (this.picker.adding) document.getElementById('new-device-name')?.focus();
        },
        addDevice: (name, ip, platform, replace) => void this.addDevice(name, ip, platform, replace),
        keepExisting: () => {
          const taken = this.picker.taken;
          this.picker = { adding: true, ...(taken ? { draft: { name: taken.name, ip: taken.ip, platform: taken.platform } } : {}) };
          this.render();
          document.getElementById('new-device-ip')?.focus();
        },
      },
    );
    const wan = this.ctx.wanAddress();
    const wanText = wan ? wanWarning(wan) : null;
    mount(this.wanRoot, wanText ? h('p', { class: 'note', role: 'note', id: 'wan-warning', 'data-level': 'warning' }, wanText) : null);
    const section = {
      detection,
      job: this.job,
      rules: plannedRules(view),
      deviceChosen: !!view.device,
      routerOrigins: this.ctx.routerOrigins(),
      error: this.applyError,
      // A very wide forward waits for the user's "I understand": it acts like a DMZ.
      confirmNeeded: wideForwardBlocker(view),
    };
    renderApplySection(this.applyRoot, section, {
      apply: (mode) => void this.apply(mode),
      stop: async () => {
        const tabId = this.ctx.tabId();
        if (tabId !== undefined) this.job = await routerClient.stop(tabId);
        this.render();
      },
      exportOutline: () => void this.exportOutline(),
      review: (decision) => void this.review(decision),
      openForwarding: () =>
        void this.ctx.openForwarding().then((error) => {
          this.applyError = error ?? undefined;
          this.render();
        }),
    });
    renderAfterApply(this.afterRoot, { job: this.job, platform: view.platform, devices: this.ctx.devices(), preset: view.preset });
    // The headline can take focus: Apply is replaced under the user's finger.
    this.applyRoot.querySelector('#apply-progress [role="status"]')?.setAttribute('tabindex', '-1');
  }

  private async pickDevice(device: Device | undefined): Promise<void> {
    const view = this.view!;
    view.device = device;
    view.wideConfirmed = false;
    if (device) {
      await setSetting('devicePerPlatform', { ...(await getSetting('devicePerPlatform')), [view.platform]: device.ip });
      await setSetting('lastDeviceId', device.id!);
    }
    this.render();
  }

  private async addDevice(name: string, ip: string, platform: Platform, replaceAtAddress: boolean): Promise<void> {
    try {
      const device = await saveDevice(name, ip, undefined, { platform, replaceAtAddress });
      this.ctx.setDevices(await listDevices());
      this.picker = { adding: false };
      // A device of this preset's platform is the one the user means; another kind (a PC added
      // while looking at a PS5 preset) is kept for its own platform's presets.
      if (device.platform === this.view!.platform) await this.pickDevice(this.ctx.devices().find((d) => d.id === device.id));
      else {
        this.picker.note = `Added “${device.name}”: PortPilot offers it for ${PLATFORM_LABELS[device.platform!]} presets.`;
        this.render();
      }
      document.getElementById('preset-device')?.focus();
    } catch (e) {
      if (e instanceof DeviceAddressTaken) {
        this.picker = { adding: true, taken: { name, ip: e.existing.ip, platform, existing: e.existing } };
        this.render();
        document.getElementById('replace-device')?.focus();
      } else if (e instanceof UserDataError) {
        this.picker = { adding: true, error: e.problems.join(' '), draft: { name, ip, platform } };
        this.render();
        document.getElementById('new-device-ip')?.focus();
      } else throw e;
    }
  }

  private async apply(mode: ApplyMode): Promise<void> {
    const view = this.view;
    const tabId = this.ctx.tabId();
    const detection = this.ctx.detection();
    if (!view?.device || tabId === undefined || !detection) return;
    this.applyError = undefined;
    // Both in the click itself: the prompt needs the user's gesture, and Chrome may close the
    // popup when the prompt shows, so the background holds the job until access is granted.
    const permission = requestOriginPermission(detection.origin).catch(() => false);
    const reply = await routerClient.start({ tabId, preset: view.preset, platform: view.platform, deviceIp: view.device.ip, mode, optional: [...view.optional], confirmedWide: view.wideConfirmed });
    if (!reply?.ok) {
      this.applyError = reply?.error ?? 'The apply could not start.';
      return this.render();
    }
    this.job = reply.job ?? this.job;
    this.render();
    this.focusHeadline();
    if (!(await permission)) {
      this.job = await routerClient.stop(tabId);
      this.applyError = `PortPilot needs access to ${detection.origin} to fill the form across its page reloads. Nothing was changed.`;
      this.render();
    }
  }

  /** The person's answer to the preview, given here instead of on the router page. */
  private async review(decision: 'apply' | 'cancel'): Promise<void> {
    const tabId = this.ctx.tabId();
    if (tabId === undefined) return;
    const answer = await routerClient.review(tabId, decision).catch(() => ({ ok: false, error: 'PortPilot cannot reach that tab.' }));
    this.applyError = answer.ok ? undefined : (answer.error ?? 'The router page did not take the answer.');
    this.render();
  }

  /** A job update from the background. */
  jobChanged(job: ApplyJob | null): void {
    this.job = job;
    if (this.view) this.keepingFocus(() => this.renderDock());
  }

  private focusHeadline(): void {
    this.applyRoot.querySelector<HTMLElement>('#apply-progress [role="status"]')?.focus();
  }

  /**
   * Runs a re-render and gives focus back to the control that had it (same id). When that
   * control is gone (Apply replaced by the progress), the outcome headline takes it, so focus
   * never falls to the page body.
   */
  private keepingFocus(render: () => void): void {
    const active = document.activeElement as HTMLElement | null;
    const inside = active && active !== document.body && this.root.contains(active);
    const id = inside ? active.id : '';
    render();
    if (!inside || document.activeElement === active) return;
    const again = id ? document.getElementById(id) : null;
    if (again && !again.hasAttribute('disabled')) again.focus();
    else if (this.applyRoot.querySelector('#apply-progress')) this.focusHeadline();
    else document.getElementById('preset-title')?.focus();
  }

  private async exportOutline(): Promise<void> {
    const tabId = this.ctx.tabId();
    if (tabId === undefined) return;
    const outline = await routerClient.outline(tabId);
    const url = URL.createObjectURL(new Blob([JSON.stringify(outline, null, 2)], { type: 'application/json' }));
    h('a', { href: url, download: 'router-page-outline.json' }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
