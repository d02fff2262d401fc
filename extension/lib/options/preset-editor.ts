/**
 * Creating and editing the user's presets: the form, or the JSON view as an advanced option.
 * Both show the same preset: switching carries every field across (the form keeps what it does
 * not show). Problems appear next to their fields as the user leaves them, and all at once,
 * with a summary, when Save is refused; nothing typed is ever lost.
 */
import type { Preset } from '../../../data/schema';
import { byId, h, mount } from '../popup/dom';
import type { ShippedCatalog } from '../presets/shipped-catalog';
import { decodePresetBytes, problemsToShow } from '../store/backup-file';
import { checkCustomPreset, parsePresetText, saveCustomPreset } from '../store/custom-preset-input';
import { UserDataError } from '../store/errors';
import { formatProblem } from '../store/issue-words';
import { fieldWords, mountPresetForm, type ShownProblem } from './preset-form';
import { formFromPreset, idForName, newPresetForm, presetFromForm, type PresetForm } from './preset-form-model';

export interface PresetEditorHost {
  shipped: ShippedCatalog;
  /** Ids of the user's presets now. */
  ownIds(): Promise<Set<string>>;
  saved(preset: Preset, notes: string[]): Promise<void>;
  /** Where focus goes when the editor closes without saving. */
  closed(): void;
}

/**
 * Runs `task` now, or, while a mouse button is down, once it is up and its click is done: an
 * error appearing under the field just left would otherwise move what the user is clicking.
 */
function afterPointer(task: () => void): () => void {
  let down = false;
  let waiting = false;
  document.addEventListener('pointerdown', () => (down = true), true);
  document.addEventListener('pointerup', () => {
    down = false;
    if (waiting) setTimeout(() => ((waiting = false), task()));
  }, true);
  return () => {
    if (down) waiting = true;
    else task();
  };
}

export function mountPresetEditor(host: PresetEditorHost): { open(preset?: Preset): Promise<void> } {
  const formEl = byId<HTMLFormElement>('custom-form');
  const json = byId<HTMLTextAreaElement>('custom-json');
  const modeButton = byId<HTMLButtonElement>('custom-mode');
  const summary = byId('custom-summary');
  let mode: 'form' | 'json' = 'form';
  let editingId: string | undefined;
  let own = new Set<string>();
  /** After a refused Save every problem shows; before, only those of fields the user left. */
  let submitted = false;

  const taken = (id: string) => host.shipped.ids.has(id) || (own.has(id) && id !== editingId);
  const view = mountPresetForm(afterPointer(() => check()));

  function setMode(next: 'form' | 'json'): void {
    mode = next;
    byId('custom-fields').hidden = next === 'json';
    byId('custom-json-view').hidden = next === 'form';
    modeButton.setAttribute('aria-pressed', String(next === 'json'));
  }

  function showSummary(headline: string, items: ShownProblem[] | string[]): void {
    summary.hidden = false;
    byId('custom-summary-h').textContent = headline;
    const lines = items.map((item) => {
      if (typeof item === 'string') return h('li', {}, item);
      const { key, problem, text } = item;
      if (!key || mode === 'json') return h('li', {}, formatProblem(problem));
      // In the form, each line takes you to its field.
      return h('li', {}, h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), view.focus(key)) }, fieldWords(key)), `: ${text}`);
    });
    mount(byId('custom-errors'), ...(lines.length > 50 ? [...lines.slice(0, 50), h('li', {}, `… and ${lines.length - 50} more`)] : lines));
  }
  function hideSummary(): void {
    summary.hidden = true;
    mount(byId('custom-errors'));
  }

  /** The form's preset, checked; inline errors updated. */
  function check(all = submitted): { preset: Record<string, unknown>; items: ShownProblem[] } {
    const mapping = presetFromForm(view.value(), taken);
    const id = mapping.preset.id as string;
    const auto = editingId === undefined && view.value().autoId;
    byId('cp-id').textContent = auto && !view.value().name.trim() ? '' : `Id: ${id}${auto ? ' (made from the name)' : ''}`;
    const { problems } = checkCustomPreset(mapping.preset, host.shipped);
    const items = view.showProblems(problems, mapping, all);
    if (submitted && mode === 'form') {
      if (items.length) showSummary(`Not saved yet: ${items.length === 1 ? 'one problem' : `${items.length} problems`} to fix.`, items);
      else hideSummary();
    }
    return { preset: mapping.preset, items };
  }

  function load(form: PresetForm): void {
    view.load(form);
    setMode('form');
    check();
  }

  async function open(preset?: Preset, title?: string): Promise<void> {
    own = await host.ownIds();
    editingId = preset?.id;
    submitted = false;
    hideSummary();
    byId('custom-form-h').textContent = title ?? (preset ? `Edit “${preset.name}”` : 'New preset');
    formEl.hidden = false;
    const shown = preset ? formFromPreset(preset) : { form: newPresetForm() };
    if ('form' in shown) load(shown.form);
    else {
      json.value = JSON.stringify(preset, null, 2);
      setMode('json');
      showSummary(shown.problem, []);
    }
    (mode === 'form' ? byId('cp-name') : json).focus();
  }

  modeButton.addEventListener('click', () => {
    if (mode === 'form') {
      json.value = JSON.stringify(presetFromForm(view.value(), taken).preset, null, 2);
      setMode('json');
      hideSummary();
      json.focus();
      return;
    }
    let value: unknown;
    try {
      value = parsePresetText(json.value);
    } catch (error) {
      return showSummary('The form cannot show this text:', (error as UserDataError).problems);
    }
    const shown = formFromPreset(value);
    if ('problem' in shown) return showSummary(shown.problem, []);
    const before = view.value();
    // A new preset's id keeps following its name unless the JSON view gave it another one.
    shown.form.autoId = editingId === undefined && (!shown.form.id || (before.autoId && shown.form.id === idForName(before.name, taken)));
    hideSummary();
    load(shown.form);
    byId('cp-name').focus();
  });

  byId<HTMLInputElement>('custom-file').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const value = decodePresetBytes(file.name, await file.arrayBuffer());
      await open(undefined, `New preset from ${file.name}`);
      const shown = formFromPreset(value);
      if ('form' in shown) {
        shown.form.autoId = !shown.form.id;
        load(shown.form);
        check(true);
      } else {
        json.value = JSON.stringify(value, null, 2);
        setMode('json');
        showSummary(shown.problem, []);
      }
    } catch (error) {
      showSummary(`${file.name} was not opened:`, error instanceof UserDataError ? error.problems : [String(error)]);
    } finally {
      input.value = ''; // the same file can be opened again
    }
  });

  byId('custom-cancel').addEventListener('click', () => {
    formEl.hidden = true;
    host.closed();
  });

  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    submitted = true;
    let value: unknown;
    if (mode === 'json') {
      try {
        value = parsePresetText(json.value);
      } catch (error) {
        showSummary('Not saved:', (error as UserDataError).problems);
        return summary.focus();
      }
    } else {
      const { preset, items } = check(true);
      if (items.length) return summary.focus();
      value = preset;
    }
    try {
      const { preset, notes } = await saveCustomPreset(value, host.shipped, editingId);
      formEl.hidden = true;
      await host.saved(preset, notes);
    } catch (error) {
      if (!(error instanceof UserDataError)) throw error;
      if (mode === 'form' && error.details.length) {
        const mapping = presetFromForm(view.value(), taken);
        showSummary('Not saved:', view.showProblems(error.details, mapping, true));
      } else showSummary('Not saved:', problemsToShow(error.problems));
      summary.focus();
    }
  });

  return { open: (preset) => open(preset) };
}
