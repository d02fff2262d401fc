import { PLATFORM_LABELS, type Platform } from '../../../data/vocabulary';
import type { RouterRule } from '../apply/types';
import { PROTOCOL_LABELS } from '../presets/rule-text';

const span = (start: number, end: number) => (start === end ? String(start) : `${start}-${end}`);

const COLUMNS = ['Service name', 'Protocol', 'External port', 'Internal port', 'Device IP'];
const cells = (r: RouterRule) => [r.name, PROTOCOL_LABELS[r.protocol], span(r.externalStart, r.externalEnd), span(r.internalStart, r.internalEnd), r.ip];

/** Plain text a person can read aloud while typing rules into a router PortPilot cannot fill. */
export function rulesAsText(title: string, platform: Platform, rules: readonly RouterRule[]): string {
  const rows = rules.map(cells);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [`${title} (${PLATFORM_LABELS[platform]})`, line(COLUMNS), ...rows.map(line)].join('\n') + '\n';
}

/** Tab-separated: pastes into a spreadsheet, one cell per field. */
export function rulesAsTsv(rules: readonly RouterRule[]): string {
  return [COLUMNS, ...rules.map(cells)].map((r) => r.join('\t')).join('\n') + '\n';
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

export function rulesAsHtml(rules: readonly RouterRule[]): string {
  const row = (tag: string, r: string[]) => `<tr>${r.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return `<table>${row('th', COLUMNS)}${rules.map((r) => row('td', cells(r))).join('')}</table>`;
}
