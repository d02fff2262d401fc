/**
 * The preset form on the options page: name, short name, category, search words, platforms, a
 * rules table per platform with rows to add and remove, notes. Every control is labelled, errors
 * sit next to their field in words (and are tied to it with aria-describedby), and keyboard
 * focus moves to something sensible when rows come and go.
 */
import { CATEGORIES, CATEGORY_NAMES, PLATFORM_LABELS, PLATFORMS, PROTOCOL_LABELS, PROTOCOLS, type Platform } from '../../../data/vocabulary';
import { byId, h, mount } from '../popup/dom';
import type { PathProblem } from '../store/issue-words';
import { emptyRule, fieldFor, portList, type FieldKey, type FormPreset, type PresetForm, type RuleColumn } from './preset-form-model';

const TOP_FIELDS = ['name', 'shortName', 'category', 'aliases', 'notes'] as const;
type TopField = (typeof TOP_FIELDS)[number];

const COLUMN_WORDS: Record<RuleColumn, string> = {
  protocol: 'protocol',
  ports: 'external ports',
  internal: 'internal ports',
  purpose: 'what it is for',
  exclusive: 'one device only',
};

const controlId = (key: FieldKey) =>
  key.kind === 'top' ? `cp-${key.field}` : key.kind === 'platform' ? `cp-rules-${key.platform}` : `cp-${key.platform}-${key.row}-${key.column}`;

/** Where a problem is, in the form's words: "PC, rule 2, external ports". */
export function fieldWords(key: FieldKey): string {
  if (key.kind === 'top') return { name: 'Name', shortName: 'Short name', category: 'Category', aliases: 'Search words', notes: 'Notes', platforms: 'Platforms' }[key.field];
  if (key.kind === 'platform') return PLATFORM_LABELS[key.platform];
  return `${PLATFORM_LABELS[key.platform]}, rule ${key.row + 1}, ${COLUMN_WORDS[key.column]}`;
}

/** A problem, the field it belongs to (null: the form has none), and its words next to that field. */
export interface ShownProblem {
  key: FieldKey | null;
  problem: PathProblem;
  text: string;
}

export interface PresetFormView {
  load(form: PresetForm): void;
  /** The form as the user left it. */
  value(): PresetForm;
  /**
   * Shows each problem next to its field: all of them (after Save), or only those of fields
   * the user has changed (while typing). Returns the problems the form has no field for.
   */
  showProblems(problems: readonly PathProblem[], mapping: FormPreset, all: boolean): ShownProblem[];
  focus(key: FieldKey): void;
}

/** Wires the static form in the page and draws the rules; `changed` runs after every edit. */
export function mountPresetForm(changed: () => void): PresetFormView {
  let form: PresetForm;
  const touched = new Set<string>();

  const category = byId<HTMLSelectElement>('cp-category');
  mount(category, ...CATEGORIES.map((c) => h('option', { value: c }, CATEGORY_NAMES[c])));

  for (const field of TOP_FIELDS) {
    const control = byId<HTMLInputElement>(`cp-${field}`);
    control.addEventListener('input', () => {
      form[field] = control.value;
    });
  }
  const root = byId('custom-fields');
  // Touched on change (leaving a field or picking an option), not on each key: no error while typing.
  root.addEventListener('change', (e) => {
    const id = (e.target as HTMLElement).id;
    if (id) touched.add(id);
    changed();
  });

  function drawPlatformChoices(): void {
    mount(byId('cp-platform-choices'),
      ...PLATFORMS.map((p) => {
        const box = h('input', { type: 'checkbox', id: `cp-on-${p}`, value: p, checked: form.platforms[p].on });
        box.addEventListener('change', () => {
          form.platforms[p].on = box.checked;
          touched.add('cp-platforms');
          drawRules();
        });
        return h('label', { class: 'choice' }, box, ` ${PLATFORM_LABELS[p]}`);
      }),
    );
  }

  function ruleRow(p: Platform, row: number): HTMLTableRowElement {
    const rule = form.platforms[p].rules[row]!;
    const label = (column: RuleColumn) => `${PLATFORM_LABELS[p]}, rule ${row + 1}: ${COLUMN_WORDS[column]}`;
    const cell = (column: RuleColumn, control: HTMLInputElement | HTMLSelectElement) => {
      control.id = `cp-${p}-${row}-${column}`;
      control.setAttribute('aria-label', label(column));
      return h('td', {}, control, h('p', { class: 'field-error', id: `${control.id}-error` }));
    };
    const text = (column: 'ports' | 'internal' | 'purpose', placeholder: string, size: number) => {
      const input = h('input', { value: rule[column], placeholder, size, autocomplete: 'off', spellcheck: column === 'purpose' ? 'true' : 'false' });
      input.addEventListener('input', () => (rule[column] = input.value));
      return cell(column, input);
    };
    const protocol = h('select', {}, ...PROTOCOLS.map((v) => h('option', { value: v, selected: rule.protocol === v }, PROTOCOL_LABELS[v])));
    protocol.addEventListener('change', () => (rule.protocol = protocol.value));
    const exclusive = h('input', { type: 'checkbox', checked: rule.exclusive });
    exclusive.addEventListener('change', () => (rule.exclusive = exclusive.checked));
    const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove rule ${row + 1} of ${PLATFORM_LABELS[p]}` }, 'Remove');
    remove.addEventListener('click', () => {
      const rules = form.platforms[p].rules;
      rules.splice(row, 1);
      if (rules.length === 0) rules.push(emptyRule());
      drawRules();
      changed();
      // Focus stays in the table: the row that took this one's place, or the last one.
      byId(`cp-${p}-${Math.min(row, rules.length - 1)}-protocol`).focus();
    });
    return h('tr', {},
      h('th', { scope: 'row' }, String(row + 1)),
      cell('protocol', protocol),
      text('ports', 'e.g. 3074, 27015-27030', 16),
      text('internal', 'same as external', 10),
      text('purpose', 'e.g. game traffic', 18),
      cell('exclusive', exclusive),
      h('td', {}, remove),
    );
  }

  function rulesSection(p: Platform): HTMLElement {
    const entry = form.platforms[p];
    const heading = `cp-rules-${p}-h`;
    const add = h('button', { type: 'button' }, `Add a rule for ${PLATFORM_LABELS[p]}`);
    add.addEventListener('click', () => {
      entry.rules.push(emptyRule());
      drawRules();
      byId(`cp-${p}-${entry.rules.length - 1}-protocol`).focus();
    });
    const others = Object.keys(entry.rest);
    return h('section', { class: 'rules', 'aria-labelledby': heading },
      h('h4', { id: heading }, `Rules for ${PLATFORM_LABELS[p]}`),
      h('p', { class: 'field-error', id: `cp-rules-${p}-error` }),
      h('table', { id: `cp-rules-${p}`, tabindex: -1, 'aria-labelledby': heading, 'aria-describedby': `cp-rules-${p}-error` },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Rule'),
          h('th', { scope: 'col' }, 'Protocol'),
          h('th', { scope: 'col' }, 'External ports'),
          h('th', { scope: 'col' }, 'Internal ports ', h('span', { class: 'muted' }, '(if different)')),
          h('th', { scope: 'col' }, 'What it is for'),
          h('th', { scope: 'col' }, 'One device only'),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Remove')),
        )),
        h('tbody', {}, ...entry.rules.map((_, row) => ruleRow(p, row))),
      ),
      add,
      others.length ? h('p', { class: 'muted' }, `Also for ${PLATFORM_LABELS[p]}, in the JSON view: ${others.join(', ')}.`) : null,
    );
  }

  function drawRules(): void {
    mount(byId('cp-rules'), ...PLATFORMS.filter((p) => form.platforms[p].on).map(rulesSection));
  }

  function setError(id: string, lines: string[]): void {
    const error = document.getElementById(`${id}-error`);
    const control = document.getElementById(id);
    if (!error || !control) return;
    error.textContent = lines.join('\n');
    // Groups (the platform choices, a rules table) point at their error for good; fields only while invalid.
    if (control.tagName === 'FIELDSET' || control.tagName === 'TABLE') return;
    if (lines.length) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', error.id);
    } else {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  }

  /** The message as shown next to its field: which entry, when the field holds several. */
  function inlineText(key: FieldKey, problem: PathProblem): string {
    if (key.kind === 'rule' && (key.column === 'ports' || key.column === 'internal') && typeof key.rest[0] === 'number') {
      const entry = portList(form.platforms[key.platform].rules[key.row]?.[key.column] ?? '')[key.rest[0]];
      if (entry && !problem.message.startsWith(entry) && !problem.message.includes(`"${entry}"`)) return `"${entry}": ${problem.message}`;
    }
    if (key.kind === 'platform' && key.rest.length === 0 && !form.platforms[key.platform].rules.some((r) => r.ports.trim())) {
      return `Add a rule with its ports, or untick ${PLATFORM_LABELS[key.platform]} under Platforms.`;
    }
    if (key.kind === 'platform' && key.rest.length) {
      const [list, index, ...more] = key.rest;
      const where = list === 'forward' && typeof index === 'number' ? [`rule ${index + 1}`, ...more] : key.rest;
      return `${where.join(', ')}: ${problem.message}`;
    }
    if (key.kind === 'top' && key.field === 'aliases' && typeof problem.path[1] === 'number') {
      return `"${form.aliases.split(',').map((a) => a.trim()).filter(Boolean)[problem.path[1]] ?? ''}": ${problem.message}`;
    }
    return problem.message;
  }

  return {
    load(next) {
      form = next;
      touched.clear();
      for (const field of TOP_FIELDS) byId<HTMLInputElement>(`cp-${field}`).value = form[field];
      drawPlatformChoices();
      drawRules();
    },
    value: () => form,
    showProblems(problems, mapping, all) {
      const lines = new Map<string, string[]>();
      const out: ShownProblem[] = [];
      for (const problem of problems) {
        const key = fieldFor(problem.path, mapping.rowOf);
        const text = key ? inlineText(key, problem) : problem.message;
        out.push({ key, problem, text });
        if (!key) continue;
        const id = key.kind === 'top' && key.field === 'platforms' ? 'cp-platforms' : controlId(key);
        const seen = touched.has(id) || (key.kind === 'platform' && [...touched].some((t) => t.startsWith(`cp-${key.platform}-`)));
        if (!all && !seen) continue;
        lines.set(id, [...(lines.get(id) ?? []), text]);
      }
      for (const el of document.querySelectorAll<HTMLElement>('#custom-fields .field-error')) setError(el.id.replace(/-error$/, ''), lines.get(el.id.replace(/-error$/, '')) ?? []);
      return out;
    },
    focus(key) {
      document.getElementById(key.kind === 'top' && key.field === 'platforms' ? `cp-on-${PLATFORMS.find((p) => form.platforms[p].on) ?? 'pc'}` : controlId(key))?.focus();
    },
  };
}
