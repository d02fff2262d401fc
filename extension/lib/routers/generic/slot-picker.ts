/**
 * Fixed rule slots (ISP DSL gateways): the form opens holding the slot the router points at,
 * often the user's own rule, and a list shows every slot, the free ones as "N/A". The way to
 * an empty form is the free slot's own Edit control (often an icon, under an "Edit" column):
 * it loads the slot's defaults (0, 0.0.0.0) into the form and makes that slot the one saved.
 * Only a row whose every rule cell is empty is picked, and only its edit control.
 */
import { isDestructive, isUsable } from './controls';
import type { RulesTable } from './table';

const EDIT_HEADER = /\b(edit|modify|select|change)\b/i;
const PRESSABLE = 'img, a, button, input[type=button], input[type=image], [role=button]';

function cellAt(row: Element, index: number): Element | null {
  let col = 0;
  for (const cell of Array.from((row as HTMLTableRowElement).cells ?? [])) {
    const span = cell.colSpan || 1;
    if (index >= col && index < col + span) return cell;
    col += span;
  }
  return null;
}

/** The edit control of the first free slot in the router's lists, or null. */
export function freeSlotControl(tables: RulesTable[]): HTMLElement | null {
  for (const t of tables) {
    const edit = t.headers.find((h) => EDIT_HEADER.test(h.text));
    if (!edit) continue;
    for (const row of t.blankRows) {
      const cell = cellAt(row, edit.index);
      const control = cell?.querySelector<HTMLElement>(PRESSABLE);
      if (control && isUsable(control) && !isDestructive(control)) return control;
    }
  }
  return null;
}
