/**
 * The device part of the apply bar: which device the ports go to, adding one (with where to find
 * its address), and the checks that catch a wrong address before Apply.
 */
import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../../../data/vocabulary';
import type { Device } from '../store/db';
import { subnetWarning } from './device-choice';
import { FIND_IP_STEPS, ROUTER_LIST_HINT } from './device-help';
import { h, mount } from './dom';

export interface DevicePickerState {
  platform: Platform;
  /** This platform's devices first (see chooseDevice). */
  devices: Device[];
  device: Device | undefined;
  /** The router's address when this tab is a router page (for the subnet check). */
  routerHost?: string;
  adding: boolean;
  /** Set when an added address belongs to another device: the user decides. */
  taken?: { name: string; ip: string; platform: Platform; existing: Device };
  error?: string;
  /** A short confirmation after adding ("Added … for PC presets"). */
  note?: string;
  /** What the user typed, kept across a re-render (after an error, or "keep" on a taken address). */
  draft?: { name: string; ip: string; platform: Platform };
}

export interface DevicePickerActions {
  chooseDevice(id: number): void;
  toggleAdding(): void;
  addDevice(name: string, ip: string, platform: Platform, replaceAtAddress: boolean): void;
  keepExisting(): void;
}

const NAME_HINT: Partial<Record<Platform, string>> = { pc: 'Gaming PC', server: 'Home server', 'steam-deck': 'Steam Deck', android: 'Phone', ios: 'iPhone' };

export function renderDevicePicker(root: HTMLElement, state: DevicePickerState, actions: DevicePickerActions): void {
  const { platform, devices, device } = state;
  const own = devices.filter((d) => d.platform === platform);
  const others = devices.filter((d) => d.platform !== platform);
  const option = (d: Device) => h('option', { value: d.id!, selected: d.id === device?.id }, `${d.name} — ${d.ip}`);
  const select = h('select', { id: 'preset-device', onchange: (e: Event) => actions.chooseDevice(Number((e.target as HTMLSelectElement).value)) },
    h('option', { value: '0', selected: !device }, devices.length ? 'Choose a device…' : 'No devices yet'),
    ...(own.length && others.length
      ? [h('optgroup', { label: PLATFORM_LABELS[platform] }, ...own.map(option)), h('optgroup', { label: 'Other devices' }, ...others.map(option))]
      : devices.map(option)),
  );

  const warnings = [
    device ? subnetWarning(device.ip, state.routerHost) : null,
    device?.platform && device.platform !== platform
      ? `${device.name} is set up as a ${PLATFORM_LABELS[device.platform]}; these rules are for ${PLATFORM_LABELS[platform]}.`
      : null,
  ].filter((w): w is string => w !== null);

  const nameInput = h('input', { id: 'new-device-name', placeholder: NAME_HINT[platform] ?? FIND_IP_STEPS[platform].device, 'aria-label': 'Device name', size: 10, maxlength: 40, value: state.taken?.name ?? state.draft?.name ?? '' });
  const ipInput = h('input', { id: 'new-device-ip', placeholder: '192.168.1.50', 'aria-label': 'Device LAN IP address', size: 13, inputmode: 'decimal', value: state.taken?.ip ?? state.draft?.ip ?? '' });
  const kindSelect = h('select', { id: 'new-device-platform', 'aria-label': 'What the device is' },
    ...PLATFORMS.map((p) => h('option', { value: p, selected: p === (state.taken?.platform ?? platform) }, PLATFORM_LABELS[p])),
  );
  kindSelect.value = state.taken?.platform ?? state.draft?.platform ?? platform;
  const kind = () => kindSelect.value as Platform;
  const help = FIND_IP_STEPS[platform];
  const addForm = h('form', { id: 'add-device', 'aria-label': 'Add a device', hidden: !state.adding,
    onsubmit: (e: Event) => {
      e.preventDefault();
      actions.addDevice(nameInput.value, ipInput.value, kind(), false);
    } },
    h('div', { class: 'row' }, nameInput, ipInput, kindSelect, h('button', { type: 'submit' }, 'Add device')),
    h('details', { id: 'find-ip' },
      h('summary', {}, `Where do I find the ${help.device}’s IP address?`),
      h('ul', {}, ...help.steps.map((s) => h('li', {}, s)), h('li', {}, ROUTER_LIST_HINT)),
    ),
    state.error ? h('p', { class: 'error', id: 'device-error', role: 'alert' }, state.error) : null,
    state.taken
      ? h('div', { class: 'note', id: 'device-taken', role: 'alert' },
          h('p', {}, `${state.taken.ip} is already “${state.taken.existing.name}”. One address is one device: rename it to “${state.taken.name.trim()}”, or keep it and check the address.`),
          h('div', { class: 'row' },
            h('button', { type: 'button', id: 'replace-device', onclick: () => actions.addDevice(state.taken!.name, state.taken!.ip, state.taken!.platform, true) }, `Rename it to “${state.taken.name.trim()}”`),
            h('button', { type: 'button', id: 'keep-device', onclick: actions.keepExisting }, `Keep “${state.taken.existing.name}”`),
          ),
        )
      : null,
  );

  mount(root,
    h('div', { class: 'row' },
      h('label', { for: 'preset-device' }, 'Device'), select,
      devices.length > 0
        ? h('button', { type: 'button', id: 'add-device-toggle', 'aria-expanded': String(state.adding), 'aria-controls': 'add-device', onclick: actions.toggleAdding }, '+ Device')
        : null,
    ),
    state.note ? h('p', { class: 'muted', id: 'device-note', role: 'status' }, state.note) : null,
    ...warnings.map((w) => h('p', { class: 'note', role: 'note', 'data-level': 'caution' }, w)),
    addForm,
  );
}
