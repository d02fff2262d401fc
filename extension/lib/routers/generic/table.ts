/**
 * Reads the rules a router already shows in a table (column headers matched with the same
 * synonym table as the form fields). Only reads: the engine never edits, disables or
 * deletes a rule it did not add.
 */
import type { Protocol } from '../../../../data/schema';
import { readText } from './classify';
import { isHiddenElement, normalize, textOf } from './signals';
import { protocolOfLabel } from './synonyms';

export interface ExistingRule {
  name?: string;
  /** null when the table shows no protocol column, or a value we cannot read. */
  protocol: Protocol | null;
  externalStart: number;
  externalEnd: number;
  internalStart?: number;
  internalEnd?: number;
  ip?: string;
  enabled?: boolean;
}

type Column = 'name' | 'protocol' | 'extStart' | 'extEnd' | 'ext' | 'intStart' | 'intEnd' | 'int' | 'ip' | 'enabled';

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/;

export function columnOf(header: string): Column | null {
  const n = normalize(header);
  if (/\b(enable|enabled|status|active|on ?off)\b/.test(n) && !/port|ip/.test(n)) return 'enabled';
  const r = readText(header);
  if (!r) return null;
  switch (r.kind) {
    case 'name':
      return 'name';
    case 'protocol':
      return 'protocol';
    case 'ip':
      return 'ip';
    case 'port': {
      const side = r.side === 'int' ? 'int' : 'ext';
      return r.bound === 'start' ? `${side}Start` : r.bound === 'end' ? `${side}End` : side;
    }
    default:
      return null;
  }
}

function cellValue(cell: HTMLTableCellElement): string {
  const control = cell.querySelector<HTMLInputElement | HTMLSelectElement>('input:not([type=hidden]), select');
  if (control) {
    if (control.tagName === 'SELECT') {
      const s = control as HTMLSelectElement;
      return s.options[s.selectedIndex]?.textContent ?? s.value;
    }
    const input = control as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? 'on' : 'off';
    // IP in four boxes inside one cell.
    const boxes = Array.from(cell.querySelectorAll<HTMLInputElement>('input[type=text], input:not([type])'));
    if (boxes.length === 4) return boxes.map((b) => b.value).join('.');
    return input.value;
  }
  return textOf(cell);
}

export function parsePorts(text: string): { start: number; end: number } | null {
  const m = /(\d{1,5})\s*(?:(?:-|~|–|:|to|\.\.)\s*(\d{1,5}))?/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  if (start < 1 || end > 65535 || start > end) return null;
  return { start, end };
}

export function parseProtocol(text: string): Protocol | null {
  return protocolOfLabel(text.trim());
}

function parseEnabled(text: string): boolean | undefined {
  const n = text.trim().toLowerCase();
  if (/^(on|yes|enabled?|active|✓|✔|true|1)$/.test(n)) return true;
  if (/^(off|no|disabled?|inactive|false|0)$/.test(n)) return false;
  return undefined;
}

interface Grid {
  el: Element;
  /** Each row's cells, with the column index each cell starts at. */
  rows: Array<{ row: Element; cells: Array<{ cell: Element; index: number }> }>;
}

/** HTML tables and ARIA tables (role=table/grid with role=row and role=cell children). */
function gridsOf(root: ParentNode): Grid[] {
  const out: Grid[] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (isHiddenElement(table) || table.querySelector('table')) continue;
    out.push({
      el: table,
      rows: Array.from(table.rows).map((row) => {
        let index = 0;
        const cells = Array.from(row.cells).map((cell) => {
          const c = { cell: cell as Element, index };
          index += cell.colSpan || 1;
          return c;
        });
        return { row, cells };
      }),
    });
  }
  for (const grid of Array.from(root.querySelectorAll('[role=table], [role=grid]'))) {
    if (grid.tagName === 'TABLE' || isHiddenElement(grid)) continue;
    out.push({
      el: grid,
      rows: Array.from(grid.querySelectorAll('[role=row]')).map((row) => ({
        row,
        cells: Array.from(row.querySelectorAll('[role=columnheader], [role=cell], [role=gridcell], [role=rowheader]')).map(
          (cell, index) => ({ cell, index }),
        ),
      })),
    });
  }
  return out;
}

interface Layout {
  header: number;
  columns: Map<number, Column>;
}

function layoutOf(grid: Grid): Layout | null {
  const candidates = grid.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.cells.length >= 2 && !r.row.querySelector('input, select, textarea'))
    .slice(0, 3);
  for (const { r, i } of candidates) {
    const found: Array<{ index: number; col: Column; text: string }> = [];
    for (const { cell, index } of r.cells) {
      const text = textOf(cell);
      const col = columnOf(text);
      if (col) found.push({ index, col, text });
    }
    // Two protocol-ish headers ("Service Type" and "Protocol"): the one saying protocol wins,
    // and the other names the service (TP-Link calls the name "Service Type").
    const protos = found.filter((f) => f.col === 'protocol');
    if (protos.length > 1) {
      const main = protos.find((f) => /protocol/i.test(f.text)) ?? protos[0]!;
      for (const f of protos) if (f !== main) f.col = found.some((x) => x.col === 'name') ? f.col : 'name';
    }
    const columns = new Map<number, Column>();
    for (const f of found) if (![...columns.values()].includes(f.col)) columns.set(f.index, f.col);
    const cols = [...columns.values()];
    if (cols.some((c) => c === 'ext' || c === 'extStart') && columns.size >= 2) return { header: i, columns };
  }
  return null;
}

function cellText(cell: Element): string {
  return cell.tagName === 'TD' || cell.tagName === 'TH' ? cellValue(cell as HTMLTableCellElement) : textOf(cell);
}

/** Every rule shown in the page's visible rules tables. */
export function readExistingRules(root: ParentNode): ExistingRule[] {
  const out: ExistingRule[] = [];
  for (const grid of gridsOf(root)) {
    const layout = layoutOf(grid);
    if (!layout) continue;
    for (const { cells } of grid.rows.slice(layout.header + 1)) {
      const values: Partial<Record<Column, string>> = {};
      for (const { cell, index } of cells) {
        const col = layout.columns.get(index);
        if (col) values[col] = cellText(cell);
      }
      const ext = parsePorts(values.ext ?? values.extStart ?? '');
      if (!ext) continue;
      const extEnd = values.extEnd ? (parsePorts(values.extEnd)?.start ?? ext.end) : ext.end;
      const intText = values.int ?? values.intStart;
      const int = intText ? parsePorts(intText) : null;
      const intEnd = values.intEnd ? parsePorts(values.intEnd)?.start : int?.end;
      const ip = values.ip ? IPV4.exec(values.ip)?.[1] : undefined;
      out.push({
        name: values.name?.trim() || undefined,
        protocol: values.protocol !== undefined ? parseProtocol(values.protocol) : null,
        externalStart: ext.start,
        externalEnd: extEnd,
        internalStart: int?.start,
        internalEnd: int ? (intEnd ?? int.end) : undefined,
        ip,
        enabled: values.enabled !== undefined ? parseEnabled(values.enabled) : undefined,
      });
    }
  }
  return out;
}

/** Whether the page shows a rules table at all (so "no row" can be read as "not saved"). */
export function hasRulesTable(root: ParentNode): boolean {
  return gridsOf(root).some((g) => layoutOf(g) !== null);
}
