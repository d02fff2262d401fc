import { loadShippedCatalog } from '../presets/shipped-catalog';
import { h, byId, mount } from '../popup/dom';
import { applyImport, clearUserData, exportUserData, presetsNeedingChoice, readBackup, validItems, type ImportPlan, type ImportReport } from '../store/backup';
import { decodeBackupBytes, problemsToShow } from '../store/backup-file';
import { deleteCustomPreset, listCustomPresets } from '../store/custom-presets';
import { listDevices, removeDevice, saveDevice } from '../store/devices';
import { UserDataError } from '../store/errors';
import { recentApplies } from '../store/history';
import { deleteMapping, listMappings } from '../store/mappings';
import { listUnreadable } from '../store/unreadable';
import { countsLine, jobTone } from '../apply/outcome';
import { checkRouterAddress } from '../store/router-address';
import { getSetting, setSetting } from '../store/settings';
import { mountPresetEditor } from './preset-editor';
import { forgetRouterOrigin, grantedRouterOrigins } from './router-access';

function showProblems(list: HTMLElement, error: unknown): void {
  const problems = error instanceof UserDataError ? error.problems : [String((error as Error)?.message ?? error)];
  mount(list, ...problemsToShow(problems).map((p) => h('li', {}, p)));
}

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  h('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeReport(name: string, r: ImportReport): { headline: string; notes: string[] } {
  const parts = [`${r.added} added`];
  if (r.replaced) parts.push(`${r.replaced} replaced`);
  if (r.unchanged) parts.push(`${r.unchanged} already there`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return {
    headline: `Imported ${name}: ${parts.join(', ')}.`,
    notes: [...r.renamed.map((x) => `Your preset "${x.from}" was imported as "${x.to}": ${x.why}.`), ...r.notes],
  };
}

/** The options page: router addresses, devices, the user's presets, history, backup, clear. */
export async function startOptions(): Promise<void> {
  const shipped = await loadShippedCatalog();

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

  // Router pages the user taught or confirmed
  async function renderTaught(): Promise<void> {
    const pages = await listMappings();
    if (!pages.length) return mount(byId('taught-list'), h('li', { class: 'muted' }, 'None yet.'));
    mount(byId('taught-list'),
      ...pages.map((m) => {
        const where = `${m.origin}${m.path}`;
        const what = m.how === 'taught' ? 'you showed the fields' : 'you confirmed what PortPilot read';
        return h('li', {}, `${where}: ${what} on ${new Date(m.savedAt).toLocaleDateString()} `,
          h('button', { type: 'button', 'aria-label': `Forget ${where}`, onclick: async () => {
            await deleteMapping(m);
            byId('taught-status').textContent = `Forgot ${where}: PortPilot asks again there.`;
            await renderTaught();
          } }, 'Forget'));
      }),
    );
  }
  await renderTaught();

  // Devices
  async function renderDevices(): Promise<void> {
    const devices = await listDevices();
    mount(byId('devices'),
      h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'LAN IP'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Remove'))),
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
  let lastOpener: HTMLElement = byId('custom-new');
  async function renderCustom(focusId?: string): Promise<void> {
    const presets = await listCustomPresets();
    mount(byId('custom-list'),
      ...(presets.length === 0 ? [h('li', { class: 'muted' }, 'None yet.')] : []),
      ...presets.map((p) => {
        const edit = h('button', { type: 'button', 'data-id': p.id, 'aria-label': `Edit ${p.name}` }, 'Edit');
        edit.addEventListener('click', () => {
          lastOpener = edit;
          void editor.open(p);
        });
        return h('li', {}, `${p.name} (${p.id}) `, edit,
          h('button', { type: 'button', 'aria-label': `Delete ${p.name}`, onclick: async () => {
            await deleteCustomPreset(p.id);
            byId('custom-status').textContent = `Deleted “${p.name}”.`;
            await renderCustom();
            byId('custom-new').focus();
          } }, 'Delete'));
      }),
    );
    if (focusId) byId('custom-list').querySelector<HTMLElement>(`button[data-id="${CSS.escape(focusId)}"]`)?.focus();
  }
  const editor = mountPresetEditor({
    shipped,
    ownIds: async () => new Set((await listCustomPresets()).map((p) => p.id)),
    async saved(preset, notes) {
      byId('custom-status').textContent = `Saved “${preset.name}”.`;
      mount(byId('custom-notes'), ...notes.map((n) => h('li', {}, n)));
      await renderCustom(preset.id);
    },
    closed: () => lastOpener.focus(),
  });
  byId('custom-new').addEventListener('click', () => {
    lastOpener = byId('custom-new');
    mount(byId('custom-notes'));
    byId('custom-status').textContent = '';
    void editor.open();
  });

  // History
  const history = await recentApplies();
  mount(byId('history'),
    h('tr', {}, ...['When', 'Preset', 'Device', 'Router', 'Outcome'].map((c) => h('th', { scope: 'col' }, c))),
    ...(history.length === 0 ? [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'Nothing applied yet.'))] : []),
    ...history.map((e) => {
      const tone = jobTone(e.state ?? 'done', e.outcomes);
      return h('tr', {}, h('td', {}, new Date(e.at).toLocaleString()), h('td', {}, e.presetName), h('td', {}, e.deviceIp), h('td', {}, e.routerOrigin),
        h('td', { class: `tone-${tone}`, 'data-tone': tone, title: e.message ?? '' }, `${e.state === 'stopped' ? 'Stopped: ' : ''}${countsLine(e.outcomes)}`));
    }),
  );

  // Backup
  byId('export').addEventListener('click', async () => {
    const data = await exportUserData();
    download(`portpilot-backup-${data.exportedAt.slice(0, 10)}.json`, data);
    byId('backup-status').textContent = 'Exported.';
  });
  // Rows an older version left unreadable: shown and exportable, never silently dropped.
  const unreadable = await listUnreadable();
  if (unreadable.length) {
    byId('unreadable').hidden = false;
    byId('unreadable-count').textContent = `${plural(unreadable.length, 'item')} saved by an older version of PortPilot could not be read and were set aside.`;
    byId('unreadable-export').addEventListener('click', () =>
      download(`portpilot-unreadable-${new Date().toISOString().slice(0, 10)}.json`, unreadable),
    );
  }

  // Import: read and check first, write only what the user agreed to.
  let pending: { name: string; plan: ImportPlan } | undefined;
  const review = byId('import-review');
  function closeReview(): void {
    pending = undefined;
    review.hidden = true;
  }
  async function runImport(name: string, plan: ImportPlan, choice: 'keep-both' | 'replace'): Promise<void> {
    const { headline, notes } = describeReport(name, await applyImport(plan, shipped, choice));
    closeReview();
    byId('backup-status').textContent = headline;
    mount(byId('import-errors'));
    mount(byId('import-notes'), ...notes.map((n) => h('li', {}, n)));
    await Promise.all([renderDevices(), renderCustom(), renderTaught()]);
  }
  byId<HTMLInputElement>('import').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    closeReview();
    mount(byId('import-errors'));
    mount(byId('import-notes'));
    try {
      const plan = await readBackup(decodeBackupBytes(file.name, await file.arrayBuffer()), shipped);
      const clashes = presetsNeedingChoice(plan);
      if (!plan.problems.length && !clashes.length) return await runImport(file.name, plan, 'keep-both');
      pending = { name: file.name, plan };
      const valid = validItems(plan);
      byId('backup-status').textContent = plan.problems.length
        ? `${file.name} was not imported; nothing changed. ${plural(plan.invalidItems, 'item')} cannot be read:`
        : `${file.name} has presets you already have in another version. Nothing changed yet.`;
      showProblems(byId('import-errors'), new UserDataError(plan.problems));
      byId('import-summary').textContent = plan.problems.length
        ? `You can import the ${plural(valid, 'valid item')} and skip the ${plural(plan.invalidItems, 'item')} listed above.`
        : '';
      byId('import-choice').hidden = clashes.length === 0;
      byId('import-choice-legend').textContent = `You already have ${clashes.map((p) => `"${p.name}" (${p.id})`).join(', ')}:`;
      byId('import-go').textContent = plan.problems.length ? `Import ${plural(valid, 'valid item')}, skip ${plan.invalidItems}` : 'Import';
      (byId('import-go') as HTMLButtonElement).disabled = valid === 0;
      review.hidden = false;
    } catch (error) {
      byId('backup-status').textContent = `${file.name} was not imported; nothing changed:`;
      showProblems(byId('import-errors'), error);
    } finally {
      input.value = ''; // choosing the same file again reads it again
    }
  });
  byId('import-go').addEventListener('click', async () => {
    if (!pending) return;
    const choice = (document.querySelector('input[name="import-choice"]:checked') as HTMLInputElement | null)?.value === 'replace' ? 'replace' : 'keep-both';
    await runImport(pending.name, pending.plan, choice);
  });
  byId('import-cancel').addEventListener('click', () => {
    closeReview();
    byId('backup-status').textContent = 'Import cancelled; nothing changed.';
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
    await Promise.all([renderDevices(), renderCustom(), renderTaught()]);
  });

  await Promise.all([renderDevices(), renderCustom()]);
}
