/**
 * Reads the rules a router lists in a table (HTML or ARIA), with the column mapping its
 * headers give (the same synonym table as the form fields). Only reads.
 *
 * What counts as the router's own list: text rows, and rows of inputs the router rendered
 * (slot pages, DD-WRT) as long as PortPilot typed into none of them in this document. A row
 * we typed into is our editing, never a saved rule; a row of blanks or firmware defaults
 * (0, 0.0.0.0) is an empty slot.
 */
import type { Protocol } from '../../../../data/schema';
import { readText } from './classify';
import { isHiddenElement, normalize, optionText, textOf } from './signals';
import { bareBound, protocolOfLabel } from './synonyms';
import { wasWritten } from './touched';

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

export type Column = 'name' | 'protocol' | 'extStart' | 'extEnd' | 'ext' | 'intStart' | 'intEnd' | 'int' | 'ip' | 'enabled';

export interface ListedRule extends ExistingRule {
  /** "row 3 of the list": where a person finds it on the page. */
  where: string;
  /** The row shows the rule in input boxes the router filled (slot pages), not as text. */
  inBoxes: boolean;
}

export interface RulesTable {
  el: Element;
  /** Column index → what it holds, and the header text it was read from. */
  columns: Array<{ index: number; column: Column; header: string }>;
  rules: ListedRule[];
  /** Rows of inputs holding nothing (or firmware defaults): free slots. */
  emptySlots: Element[];
  /** Rows PortPilot typed into: left out of `rules`. */
  ownRows: Element[];
  /** Rows below the header, of any kind (0: nothing rendered yet, or an empty list without a note). */
  bodyRows: number;
  /** Text rows whose rule cells all say N/A, --, 0 or nothing: the free slots of a slot list. */
  blankRows: Element[];
  /** Every header cell with its column index (also the ones that name no rule part: Edit, Drop). */
  headers: Array<{ index: number; text: string }>;
}

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/;
const EDITABLE = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=image]):not([type=reset]), select, textarea';

export function columnOf(header: string): Column | null {
  const bound = bareBound(header);
  if (bound) return bound === 'start' ? 'extStart' : 'extEnd';
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

/**
 * DD-WRT's "Port from | IP Address | Port to": a from/to pair split by the device column is
 * external → internal, not a range. Works on anything with an order: columns or form fields.
 */
export function fromToAcrossIp<T>(items: T[], kindOf: (t: T) => 'start' | 'end' | 'ip' | 'other'): { from: T; to: T } | null {
  const starts = items.filter((i) => kindOf(i) === 'start');
  const ends = items.filter((i) => kindOf(i) === 'end');
  const ips = items.filter((i) => kindOf(i) === 'ip');
  if (starts.length !== 1 || ends.length !== 1 || ips.length < 1) return null;
  const [s, e, ip] = [items.indexOf(starts[0]!), items.indexOf(ends[0]!), items.indexOf(ips[0]!)];
  return s < ip && ip < e ? { from: starts[0]!, to: ends[0]! } : null;
}

/** A cell as a person reads it: text, with each box's value (or chosen option) in its place. */
export function cellReading(cell: Element): string {
  const boxes = Array.from(cell.querySelectorAll<HTMLInputElement>('input[type=text], input:not([type]), input[type=number], input[type=tel]')).filter(
    (b) => !isHiddenElement(b),
  );
  if (boxes.length === 4 && !/\./.test(textOf(cell))) return boxes.map((b) => b.value.trim()).join('.');
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || isHiddenElement(el)) return;
    if (el.tagName === 'SELECT') {
      const s = el as HTMLSelectElement;
      const o = s.options[s.selectedIndex];
      out.push(o ? optionText(o) : s.value);
      return;
    }
    if (el.tagName === 'INPUT') {
      const i = el as HTMLInputElement;
      if (i.type === 'checkbox' || i.type === 'radio') out.push(i.checked ? ' on ' : ' off ');
      else if (!['button', 'submit', 'image', 'reset', 'hidden'].includes(i.type)) out.push(i.value);
      return;
    }
    if (el.tagName === 'TEXTAREA') {
      out.push((el as HTMLTextAreaElement).value);
      return;
    }
    for (const c of Array.from(el.childNodes)) walk(c);
  };
  walk(cell);
  return out.join('').replace(/\s+/g, ' ').trim();
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

/** Blank, or a firmware default such as 0, 0.0.0.0, "--" or "N/A": the slot holds no rule. */
export function isBlankValue(v: string): boolean {
  const t = v.trim();
  return t === '' || /^0+$/.test(t) || /^0+(\.0+){3}$/.test(t) || /^(-+|n\/?a|none)$/i.test(t);
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
      rows: Array.from(table.rows)
        .filter((row) => !isHiddenElement(row))
        .map((row) => {
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
      rows: Array.from(grid.querySelectorAll('[role=row]'))
        .filter((row) => !isHiddenElement(row))
        .map((row) => ({
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
  columns: Array<{ index: number; column: Column; header: string }>;
}

/**
 * The header row: the first row (of the first few) with no boxes whose cells name at least two
 * rule columns, one of them the external port. Works for <th> or <td> headers, and skips a
 * title row above them (one wide cell, even inside <thead>).
 */
function layoutOf(grid: Grid): Layout | null {
  const candidates = grid.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.cells.length >= 2 && !r.row.querySelector(EDITABLE))
    .slice(0, 4);
  for (const { r, i } of candidates) {
    const found: Array<{ index: number; column: Column; header: string }> = [];
    for (const { cell, index } of r.cells) {
      const header = textOf(cell);
      const column = columnOf(header);
      if (column) found.push({ index, column, header });
    }
    // Two protocol-ish headers ("Service Type" and "Protocol"): the one saying protocol wins,
    // and the other names the service (TP-Link calls the name "Service Type").
    const protos = found.filter((f) => f.column === 'protocol');
    if (protos.length > 1) {
      const main = protos.find((f) => /protocol/i.test(f.header)) ?? protos[0]!;
      for (const f of protos) if (f !== main) f.column = found.some((x) => x.column === 'name') ? f.column : 'name';
    }
    // "Port from | IP | Port to" (DD-WRT): external port, then the device's port.
    const pair = fromToAcrossIp(found, (f) => (f.column === 'extStart' ? 'start' : f.column === 'extEnd' ? 'end' : f.column === 'ip' ? 'ip' : 'other'));
    if (pair) {
      pair.from.column = 'ext';
      pair.to.column = 'int';
    }
    // A bare "Rule" or "#" column numbers the rows; a real name column ("Application") says more.
    const numbering = (f: { column: Column; header: string }) => f.column === 'name' && /^\s*(rule|no\.?|#|id|index|slot)\s*$/i.test(f.header);
    const ordered = [...found.filter((f) => !numbering(f)), ...found.filter(numbering)];
    const columns: Layout['columns'] = [];
    for (const f of ordered) if (!columns.some((c) => c.column === f.column)) columns.push(f);
    columns.sort((a, b) => a.index - b.index);
    if (columns.some((c) => c.column === 'ext' || c.column === 'extStart') && columns.length >= 2) return { header: i, columns };
  }
  return null;
}

function readRow(values: Partial<Record<Column, string>>): ExistingRule | null {
  const ext = parsePorts(values.ext ?? values.extStart ?? '');
  if (!ext) return null;
  const extEnd = values.extEnd ? (parsePorts(values.extEnd)?.start ?? ext.end) : ext.end;
  const intText = values.int ?? values.intStart;
  // A blank internal port means "the same as external" on the routers that allow it.
  const int = intText && !isBlankValue(intText) ? parsePorts(intText) : null;
  const intEnd = values.intEnd && !isBlankValue(values.intEnd) ? parsePorts(values.intEnd)?.start : int?.end;
  const ip = values.ip ? IPV4.exec(values.ip)?.[1] : undefined;
  return {
    name: values.name?.trim() || undefined,
    protocol: values.protocol !== undefined ? parseProtocol(values.protocol) : null,
    externalStart: ext.start,
    externalEnd: extEnd,
    internalStart: int?.start,
    internalEnd: int ? (intEnd ?? int.end) : undefined,
    ip,
    enabled: values.enabled !== undefined ? parseEnabled(values.enabled) : undefined,
  };
}

const rowWidth = (r: Grid['rows'][number]) => r.cells.reduce((n, c) => Math.max(n, c.index + 1), 0);

/** How many levels up from a to the nearest element that also holds b. */
function levelsToCommon(a: Element, b: Element): number {
  let n = 0;
  for (let cur: Element | null = a; cur; cur = cur.parentElement, n++) if (cur.contains(b)) return n;
  return Infinity;
}

/**
 * A table of rows without a header of its own, right below a table whose header fits it (ASUS
 * draws the header and editor row in one table and the list in the next): it borrows those
 * columns. Only a close neighbour with the same number of columns counts.
 */
function borrowedLayout(grid: Grid, before: Array<{ grid: Grid; layout: Layout }>): Layout | null {
  const prev = before[before.length - 1];
  if (!prev || levelsToCommon(grid.el, prev.grid.el) > 3) return null;
  const header = prev.grid.rows[prev.layout.header];
  const width = header ? rowWidth(header) : 0;
  const rows = grid.rows.filter((r) => r.cells.length > 1);
  if (!rows.length || rows.some((r) => rowWidth(r) !== width)) return null;
  return { header: -1, columns: prev.layout.columns };
}

/** Every visible rules table under root, with its rules, free slots and our own rows. */
export function readRulesTables(root: ParentNode): RulesTable[] {
  const out: RulesTable[] = [];
  const laidOut: Array<{ grid: Grid; layout: Layout }> = [];
  for (const grid of gridsOf(root)) {
    const layout = layoutOf(grid) ?? borrowedLayout(grid, laidOut);
    if (!layout) continue;
    laidOut.push({ grid, layout });
    const body = grid.rows.slice(layout.header + 1);
    const headerRow = layout.header >= 0 ? grid.rows[layout.header] : undefined;
    const headers = headerRow ? headerRow.cells.map(({ cell, index }) => ({ index, text: textOf(cell) })) : [];
    const table: RulesTable = { el: grid.el, columns: layout.columns, rules: [], emptySlots: [], ownRows: [], bodyRows: body.length, blankRows: [], headers };
    let n = 0;
    for (const { row, cells } of body) {
      const boxes = Array.from(row.querySelectorAll(EDITABLE)).filter((b) => !isHiddenElement(b));
      if (boxes.some(wasWritten)) {
        table.ownRows.push(row);
        continue;
      }
      const values: Partial<Record<Column, string>> = {};
      for (const { cell, index } of cells) {
        const col = layout.columns.find((c) => c.index === index)?.column;
        if (col) values[col] = cellReading(cell);
      }
      const portsBlank = isBlankValue(values.ext ?? values.extStart ?? '');
      if (boxes.length && portsBlank) {
        table.emptySlots.push(row);
        continue;
      }
      // A slot list's free row: no ports, no device (its number or "N/A" name says nothing).
      if (!boxes.length && portsBlank && isBlankValue(values.ip ?? '')) {
        table.blankRows.push(row);
        continue;
      }
      const rule = readRow(values);
      if (!rule) continue;
      n++;
      table.rules.push({ ...rule, where: `row ${n} of the list`, inBoxes: boxes.length > 0 });
    }
    out.push(table);
  }
  return out;
}

/** Every rule shown in the page's visible rules tables (the router's own rows only). */
export function readExistingRules(root: ParentNode): ExistingRule[] {
  return readRulesTables(root).flatMap((t) => t.rules.map(({ where: _w, inBoxes: _b, ...rule }) => rule));
}

/** Whether the page shows a rules table at all (so "no row" can be read as "not saved"). */
export function hasRulesTable(root: ParentNode): boolean {
  return gridsOf(root).some((g) => layoutOf(g) !== null);
}
