// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { expandAll } from '../../../extension/lib/presets/bundle';
import { plannedRules, renderPresetView, wideForwardBlocker, type PresetViewActions, type PresetViewState } from '../../../extension/lib/popup/preset-view';
import { rule, sourcePreset } from '../../support/preset-factory';

const psn = sourcePreset('playstation-network', { name: 'PlayStation Network', category: 'console-network', platforms: { ps5: { forward: [rule('tcp', '3478-3480')] } } });
const game = sourcePreset('some-game', {
  name: 'Some Game',
  platforms: {
    ps5: {
      forward: [rule('udp', '7777'), { ...rule('tcp', '28082'), purpose: 'companion app', optional: 'Only for the companion app' }],
      outbound: [{ protocol: 'tcp', ports: ['443'], purpose: 'sign-in' }],
      uses: ['playstation-network'],
      natGoal: 'type-2',
    },
  },
  guidance: { upnp: 'helps' },
});
const chat = sourcePreset('chat-app', { name: 'Chat App', platforms: { pc: { outbound: [{ protocol: 'udp', ports: ['3478'], purpose: 'calls' }] } }, guidance: { nothingToForward: 'It only connects out to its servers.' } });
const shipped = expandAll([psn, game, chat]);
const byId = (id: string) => shipped.find((p) => p.id === id)!;

function render(id: string, platform: PresetViewState['platform'], optional = new Set<number>()) {
  const root = document.createElement('div');
  const toggled: number[] = [];
  const state: PresetViewState = { preset: byId(id), platform, device: undefined, favorite: false, custom: false, wideConfirmed: false, optional, nameOf: (other) => byId(other)?.name };
  const actions = { toggleOptional: (i: number) => toggled.push(i) } as unknown as PresetViewActions;
  renderPresetView(root, state, actions);
  return { root, state, toggled, text: (sel: string) => root.querySelector(sel)?.textContent ?? null };
}

describe('preset view', () => {
  it('lists own rules, then the included ones under "includes … ports"', () => {
    const { root } = render('some-game', 'ps5');
    const rows = [...root.querySelectorAll('#rules tbody tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      'UDP7777online play',
      'TCP28082 companion appOptional: Only for the companion app',
      'Includes PlayStation Network ports',
      'TCP3478–3480online play',
    ]);
  });

  it('leaves optional rules unticked and out of the plan until chosen', () => {
    const view = render('some-game', 'ps5');
    expect((view.root.querySelector('#optional-1') as HTMLInputElement).checked).toBe(false);
    expect(plannedRules(view.state).map((r) => r.externalStart)).toEqual([7777, 3478]);
    (view.root.querySelector('#optional-1') as HTMLInputElement).dispatchEvent(new Event('change'));
    expect(view.toggled).toEqual([1]);
    const chosen = render('some-game', 'ps5', new Set([1]));
    expect((chosen.root.querySelector('#optional-1') as HTMLInputElement).checked).toBe(true);
    expect(plannedRules(chosen.state).map((r) => r.externalStart)).toEqual([7777, 28082, 3478]);
  });

  it('shows outbound ports collapsed, never as rules, and the guidance in plain words', () => {
    const { root, text } = render('some-game', 'ps5');
    expect(root.querySelector('details#outbound')?.hasAttribute('open')).toBe(false);
    expect(text('#outbound summary')).toBe('No forwarding needed for these (only for strict firewalls)');
    expect(text('#outbound li')).toBe('TCP 443: sign-in');
    expect(text('#nat-goal')).toBe('Aim for NAT Type 2 in the PlayStation 5 network test.');
    expect(text('#upnp-advice')).toMatch(/UPnP on the router helps/);
  });

  it('says when there is nothing to forward, without a rules table or copy buttons', () => {
    const { root, text } = render('chat-app', 'pc');
    expect(text('#nothing-to-forward')).toBe('Nothing to forward. It only connects out to its servers.');
    expect(root.querySelector('#rules')).toBeNull();
    expect(root.querySelector('#copy-text')).toBeNull();
    expect(text('#outbound li')).toBe('UDP 3478: calls');
  });
});

describe('preset view: trust and risk', () => {
  const nso = sourcePreset('nso', { name: 'Nintendo Switch Online', category: 'console-network', platforms: { switch: { forward: [{ ...rule('udp', '1-65535'), exclusive: true }] } }, notes: 'All UDP ports.' });
  const kart = sourcePreset('kart', { name: 'Kart', platforms: { switch: { uses: ['nso'] }, pc: { forward: [{ ...rule('tcp', '8080'), internal: ['80'] }] } } });
  const [nsoB, kartB] = expandAll([nso, kart]);
  const view = (over: Partial<PresetViewState> = {}) => {
    const root = document.createElement('div');
    const confirmed: boolean[] = [];
    const state: PresetViewState = { preset: kartB!, platform: 'switch', device: { id: 1, name: 'Switch', ip: '192.168.1.40' }, favorite: false, custom: false, wideConfirmed: false, optional: new Set(), ...over };
    renderPresetView(root, state, { confirmWide: (c: boolean) => confirmed.push(c) } as unknown as PresetViewActions);
    return { root, state, confirmed };
  };

  it('shows one DMZ-like warning for a whole-protocol forward, with a confirmation Apply waits for', () => {
    const { root, state, confirmed } = view();
    const notes = [...root.querySelectorAll('.note[role="note"]')];
    expect(notes.filter((n) => n.getAttribute('data-kind') === 'whole-device')).toHaveLength(1);
    expect(notes.some((n) => /SSH|FTP|Remote Desktop/.test(n.textContent ?? ''))).toBe(false);
    const box = root.querySelector<HTMLInputElement>('#confirm-wide')!;
    expect(box.checked).toBe(false);
    expect(box.closest('label')!.textContent).toBe(' I understand: every UDP port will go to Switch.');
    expect(wideForwardBlocker(state)).toMatch(/^This preset forwards every UDP port to the device: tick “I understand”/);
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expect(confirmed).toEqual([true]);
    expect(wideForwardBlocker({ ...state, wideConfirmed: true })).toBeNull();
    expect(wideForwardBlocker({ ...state, preset: nsoB!, platform: 'switch' })).not.toBeNull();
  });

  it('badges the user\'s own preset in its title', () => {
    expect(view({ custom: true }).root.querySelector('#preset-title')!.textContent).toBe('KartYour preset');
    expect(view().root.querySelector('#custom-badge')).toBeNull();
  });

  it('shows an Internal column only when a rule maps to other ports, and TCP+UDP in words', () => {
    const { root } = view({ platform: 'pc' });
    expect([...root.querySelectorAll('#rules thead th')].map((th) => th.textContent)).toEqual(['Protocol', 'External', 'Internal', 'Purpose']);
    expect(root.querySelector('#rules tbody tr')!.textContent).toBe('TCP808080online play');
    expect(root.querySelector('#dhcp-step summary')!.textContent).toBe('Keep the device’s address (DHCP reservation)');
  });
});
