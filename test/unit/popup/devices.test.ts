// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../data/vocabulary';
import { chooseDevice, subnetWarning } from '../../../extension/lib/popup/device-choice';
import { FIND_IP_STEPS } from '../../../extension/lib/popup/device-help';
import { renderDevicePicker, type DevicePickerActions, type DevicePickerState } from '../../../extension/lib/popup/device-picker';
import type { Device } from '../../../extension/lib/store/db';

const ps5: Device = { id: 1, name: 'PS5', ip: '192.168.1.50', platform: 'ps5' };
const pc: Device = { id: 2, name: 'Gaming PC', ip: '192.168.1.20', platform: 'pc' };
const old: Device = { id: 3, name: 'Old laptop', ip: '192.168.1.30' }; // saved before devices had a platform
const ps5b: Device = { id: 4, name: 'Bedroom PS5', ip: '192.168.1.51', platform: 'ps5' };

describe('chooseDevice', () => {
  it('picks the platform\'s only device, never another platform\'s device', () => {
    expect(chooseDevice([ps5, pc, old], 'ps5', {}).device).toBe(ps5);
    expect(chooseDevice([ps5, pc, old], 'pc', {}).device).toBe(pc);
    expect(chooseDevice([ps5, old], 'pc', {}).device).toBeUndefined();
    expect(chooseDevice([old], 'pc', {}).device).toBeUndefined(); // one device, but of unknown kind: the user picks
  });

  it('asks when a platform has several devices, unless one was chosen for it before (by address)', () => {
    expect(chooseDevice([ps5, ps5b], 'ps5', {}).device).toBeUndefined();
    expect(chooseDevice([ps5, ps5b], 'ps5', { ps5: '192.168.1.51' }).device).toBe(ps5b);
    expect(chooseDevice([ps5, old], 'switch', { switch: '192.168.1.30' }).device).toBe(old);
    expect(chooseDevice([ps5], 'ps5', { ps5: '192.168.1.99' }).device).toBe(ps5); // that device is gone
  });

  it('lists the platform\'s devices first', () => {
    expect(chooseDevice([pc, old, ps5], 'ps5', {}).ordered).toEqual([ps5, pc, old]);
  });
});

describe('subnetWarning', () => {
  it('warns about an address outside the router\'s /24', () => {
    expect(subnetWarning('192.168.1.50', '192.168.0.1')).toBe(
      '192.168.1.50 is not on your router’s network: the router is 192.168.0.1, so its devices have addresses like 192.168.0.x. Check the address on the device.',
    );
    expect(subnetWarning('192.168.0.50', '192.168.0.1')).toBeNull();
    expect(subnetWarning('192.168.1.50', 'routerlogin.net')).toBeNull(); // unknown: no guess
    expect(subnetWarning('192.168.1.50', undefined)).toBeNull();
    expect(subnetWarning('192.168.1.50', '127.0.0.1')).toBeNull(); // a loopback or public host is no home network
  });
});

describe('find-IP steps', () => {
  it('exist for every platform, as plain steps', () => {
    for (const p of PLATFORMS) {
      expect(FIND_IP_STEPS[p].steps.length, p).toBeGreaterThan(0);
      expect(FIND_IP_STEPS[p].steps.join(' '), p).toMatch(/IP|address/i);
    }
  });
});

describe('device picker', () => {
  function render(over: Partial<DevicePickerState> = {}) {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const calls: unknown[][] = [];
    const actions: DevicePickerActions = {
      chooseDevice: (id) => calls.push(['choose', id]),
      toggleAdding: () => calls.push(['toggle']),
      addDevice: (...args) => calls.push(['add', ...args]),
      keepExisting: () => calls.push(['keep']),
    };
    renderDevicePicker(root, { platform: 'ps5', devices: [ps5, pc], device: undefined, adding: false, ...over }, actions);
    return { root, calls };
  }

  it('groups this platform\'s devices first and chooses none by itself', () => {
    const { root } = render();
    expect([...root.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['PlayStation 5', 'Other devices']);
    expect(root.querySelector<HTMLSelectElement>('#preset-device')!.value).toBe('0');
  });

  it('warns when the device is outside the router\'s network or of another platform', () => {
    const { root } = render({ device: pc, routerHost: '192.168.0.1' });
    const notes = [...root.querySelectorAll('.note')].map((n) => n.textContent);
    expect(notes).toEqual([expect.stringMatching(/^192\.168\.1\.20 is not on your router’s network/), 'Gaming PC is set up as a PC; these rules are for PlayStation 5.']);
  });

  it('adds with name, address and what the device is, and shows where to find the address', () => {
    const { root, calls } = render({ adding: true, platform: 'switch' });
    expect(root.querySelector('#find-ip summary')!.textContent).toBe('Where do I find the Nintendo Switch’s IP address?');
    (root.querySelector('#new-device-name') as HTMLInputElement).value = 'Switch';
    (root.querySelector('#new-device-ip') as HTMLInputElement).value = '192.168.1.40';
    expect((root.querySelector('#new-device-platform') as HTMLSelectElement).value).toBe('switch');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(calls).toEqual([['add', 'Switch', '192.168.1.40', 'switch', false]]);
  });

  it('asks before renaming the device already at an address', () => {
    const { root, calls } = render({ adding: true, taken: { name: 'PS5 Pro', ip: '192.168.1.20', platform: 'ps5', existing: pc } });
    expect(root.querySelector('#device-taken p')!.textContent).toBe('192.168.1.20 is already “Gaming PC”. One address is one device: rename it to “PS5 Pro”, or keep it and check the address.');
    (root.querySelector('#replace-device') as HTMLButtonElement).click();
    (root.querySelector('#keep-device') as HTMLButtonElement).click();
    expect(calls).toEqual([['add', 'PS5 Pro', '192.168.1.20', 'ps5', true], ['keep']]);
  });
});
