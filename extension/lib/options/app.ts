import { loadShippedIds } from '../presets/load';
import { h, byId, mount } from '../popup/dom';
import { clearUserData, exportUserData, importUserData } from '../store/backup';
import { saveCustomPreset } from '../store/custom-preset-input';
import { deleteCustomPreset, listCustomPresets } from '../store/custom-presets';
import { listDevices, removeDevice, saveDevice } from '../store/devices';
import { UserDataError } from '../store/errors';
import { recentApplies } from '../store/history';
import { checkRouterAddress } from '../store/router-address';
import { getSetting, setSetting } from '../store/settings';
import { forgetRouterOrigin, grantedRouterOrigins } from './router-access';

const NEW_PRESET_TEMPLATE = {
  id: 'my-game',
  name: 'My Game',
  aliases: [],
  category: 'game',
  platforms: { pc: { forward: [{ protocol: 'udp', ports: ['7777'], purpose: 'online play' }] } },
  verification: 'unverified',
  sources: [],
  notes: 'Ports from the game’s own settings screen.',
};

function showProblems(list: HTMLElement, error: unknown): void {
  const problems = error instanceof UserDataError ? error.problems : [String((error as Error)?.message ?? error)];
  mount(list, ...problems.map((p) => h('li', {}, p)));
}

/** The options page: router addresses, devices, the user's presets, history, backup, clear. */
export async function startOptions(): Promise<void> {
  const shippedIds = await loadShippedIds();

  // Router addresses
  const routers = byId<HTMLTextAreaElement>('routers');
  routers.value = (await getSetting('routerAddresses')).join('\n');
  byId('routers-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const lines = routers.value.split('\n').map((l) => l.trim()).filter(Boolean);
    const problems = lines.flatMap((line) => {
      const r = checkRouterAddress(line);
      return r.ok ? [] : [`${line}: ${r.error}`];
    });
    if (lines.length === 0) problems.push('Keep at least one address, e.g. 192.168.1.1');
    if (problems.length) return showProblems(byId('routers-errors'), new UserDataError(problems));
    await setSetting('routerAddresses', lines);
    mount(byId('routers-errors'), h('li', { class: 'muted' }, 'Saved.'));
  });

  // Router access granted so far
  async function renderAccess(): Promise<void> {
    const origins = await grantedRouterOrigins();
    if (!origins.length) return mount(byId('access-list'), h('li', { class: 'muted' }, 'None yet.'));
    mount(byId('access-list'),
      ...origins.map((origin) =>
        h('li', {}, `${origin} `,
          h('button', { type: 'button', 'aria-label': `Forget ${origin}`, onclick: async () => {
            const problem = await forgetRouterOrigin(origin);
            byId('access-status').textContent = problem ?? `Forgot ${origin}.`;
            await renderAccess();
          } }, 'Forget'))),
    );
  }
  await renderAccess();

  // Devices
  async function renderDevices(): Promise<void> {
    const devices = await listDevices();
    mount(byId('devices'),
      h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'LAN IP'), h('th', {}, '')),
      ...devices.map((d) =>
        h('tr', {}, h('td', {}, d.name), h('td', {}, d.ip),
          h('td', {}, h('button', { type: 'button', 'aria-label': `Remove ${d.name}`, onclick: async () => { await removeDevice(d.id!); await renderDevices(); } }, 'Remove'))),
      ),
    );
  }
  byId('device-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await saveDevice(byId<HTMLInputElement>('device-name').value, byId<HTMLInputElement>('device-ip').value);
      mount(byId('device-errors'));
      byId<HTMLFormElement>('device-form').reset();
      await renderDevices();
    } catch (error) {
      showProblems(byId('device-errors'), error);
    }
  });

  // The user's own presets
  let editing: string | undefined;
  const editor = byId<HTMLTextAreaElement>('custom-json');
  const form = byId<HTMLFormElement>('custom-form');
  function openEditor(value: unknown, id?: string): void {
    editing = id;
    editor.value = JSON.stringify(value, null, 2);
    form.hidden = false;
    mount(byId('custom-errors'));
    editor.focus();
  }
  async function renderCustom(): Promise<void> {
    const presets = await listCustomPresets();
    mount(byId('custom-list'),
      ...(presets.length === 0 ? [h('li', { class: 'muted' }, 'None yet.')] : []),
      ...presets.map((p) =>
        h('li', {}, `${p.name} (${p.id}) `,
          h('button', { type: 'button', onclick: () => openEditor(p, p.id) }, 'Edit'),
          h('button', { type: 'button', onclick: async () => { await deleteCustomPreset(p.id); await renderCustom(); } }, 'Delete')),
      ),
    );
  }
  byId('custom-new').addEventListener('click', () => openEditor(NEW_PRESET_TEMPLATE));
  byId('custom-cancel').addEventListener('click', () => (form.hidden = true));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      let json: unknown;
      try {
        json = JSON.parse(editor.value);
      } catch (err) {
        throw new UserDataError([`Not valid JSON: ${(err as Error).message}`]);
      }
      await saveCustomPreset(json, shippedIds, editing);
      form.hidden = true;
      await renderCustom();
    } catch (error) {
      showProblems(byId('custom-errors'), error); // the editor keeps the text: nothing typed is lost
    }
  });

  // History
  const history = await recentApplies();
  mount(byId('history'),
    h('tr', {}, ...['When', 'Preset', 'Device', 'Router', 'Outcome'].map((c) => h('th', { scope: 'col' }, c))),
    ...(history.length === 0 ? [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'Nothing applied yet.'))] : []),
    ...history.map((e) => {
      const counts = new Map<string, number>();
      for (const o of e.outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
      return h('tr', {}, h('td', {}, new Date(e.at).toLocaleString()), h('td', {}, e.presetName), h('td', {}, e.deviceIp), h('td', {}, e.routerOrigin),
        h('td', {}, [...counts].map(([s, n]) => `${n} ${s}`).join(', ')));
    }),
  );

  // Backup
  byId('export').addEventListener('click', async () => {
    const data = await exportUserData();
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    h('a', { href: url, download: `portpilot-backup-${data.exportedAt.slice(0, 10)}.json` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    byId('backup-status').textContent = 'Exported.';
  });
  byId<HTMLInputElement>('import').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    mount(byId('import-errors'));
    try {
      const { imported } = await importUserData(await file.text(), shippedIds);
      byId('backup-status').textContent = `Imported ${imported} items from ${file.name}.`;
      await Promise.all([renderDevices(), renderCustom()]);
    } catch (error) {
      byId('backup-status').textContent = `${file.name} was not imported; nothing changed:`;
      showProblems(byId('import-errors'), error);
    }
  });

  // Clear, with an inline confirmation
  byId('clear').addEventListener('click', () => {
    byId('clear-confirm').hidden = false;
    byId('clear-no').focus();
  });
  byId('clear-no').addEventListener('click', () => (byId('clear-confirm').hidden = true));
  byId('clear-yes').addEventListener('click', async () => {
    await clearUserData();
    byId('clear-confirm').hidden = true;
    routers.value = (await getSetting('routerAddresses')).join('\n');
    await Promise.all([renderDevices(), renderCustom()]);
  });

  await Promise.all([renderDevices(), renderCustom()]);
}
