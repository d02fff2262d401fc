/**
 * The fields and buttons the user is checking in the preview: which part of a rule each field
 * plays and which button saves. Pure rules over element references: what is still missing,
 * whether it is complete enough to apply, and whether the user changed what PortPilot read.
 */
import { REQUIRED_ROLES, ROLE_LABEL, type MappingRole, type ProtocolChoiceName } from './mapping';

/** A field's part: a role, and for a protocol button the protocol it stands for. */
export interface Part {
  role: MappingRole;
  choice?: ProtocolChoiceName;
}

export interface Assignment {
  /** Candidate fields in page order, each with its part or null (not used). */
  fields: Array<{ el: Element; part: Part | null }>;
  /** Candidate buttons in page order. */
  buttons: Array<{ el: Element; use: 'submit' | 'commit' | null }>;
}

/** Roles a rule may have several fields for: an address in four boxes, protocol buttons. */
const MANY: readonly MappingRole[] = ['ip', 'protocol'];

export const partKey = (p: Part | null) => (p ? `${p.role}${p.choice ? `:${p.choice}` : ''}` : '');

export function partLabel(p: Part): string {
  return p.choice ? `${ROLE_LABEL[p.role]}: ${p.choice === 'both' ? 'TCP and UDP' : p.choice.toUpperCase()}` : ROLE_LABEL[p.role];
}

/** What keeps the preview from applying, in words; empty when it can apply. */
export function problemsOf(a: Assignment): string[] {
  const problems: string[] = [];
  const used = a.fields.filter((f) => f.part);
  const roles = new Set(used.map((f) => f.part!.role));
  const missing = REQUIRED_ROLES.filter((r) => !roles.has(r));
  if (missing.length) problems.push(`Not found yet: ${missing.map((r) => ROLE_LABEL[r]).join(', ')}.`);
  for (const role of roles) {
    const n = used.filter((f) => f.part!.role === role).length;
    if (n > 1 && !MANY.includes(role)) problems.push(`${ROLE_LABEL[role]} is given to ${n} fields: keep one.`);
  }
  const ips = used.filter((f) => f.part!.role === 'ip').length;
  if (ips !== 0 && ips !== 1 && ips !== 4) problems.push('Device IP is one box, or four boxes for the four numbers.');
  const protocols = used.filter((f) => f.part!.role === 'protocol');
  if (protocols.length > 1) {
    const choices = new Set(protocols.map((f) => f.part!.choice));
    if (protocols.some((f) => !f.part!.choice) || choices.size !== protocols.length || !choices.has('tcp') || !choices.has('udp')) {
      problems.push('Protocol is one list, or one choice each for TCP and UDP (and both).');
    }
  }
  const submits = a.buttons.filter((b) => b.use === 'submit').length;
  if (submits === 0) problems.push('Click the button on the page that saves a rule.');
  if (submits > 1) problems.push('Only one button saves the rule.');
  if (a.buttons.filter((b) => b.use === 'commit').length > 1) problems.push('Only one button stores the list afterwards.');
  return problems;
}

/** Whether the user changed anything PortPilot had read. */
export function changedFrom(a: Assignment, before: Assignment): boolean {
  const key = (x: Assignment) =>
    JSON.stringify([x.fields.map((f) => partKey(f.part)), x.buttons.map((b) => b.use ?? '')]);
  return key(a) !== key(before);
}

/** A page button clicked during the preview: the save button first, then the one that stores the list. */
export function useClickedButton(a: Assignment, el: Element): void {
  const row = a.buttons.find((b) => b.el === el);
  if (!row) return;
  const submit = a.buttons.find((b) => b.use === 'submit');
  if (!submit || submit === row) {
    for (const b of a.buttons) if (b.use === 'submit' && b !== row) b.use = null;
    row.use = 'submit';
    return;
  }
  for (const b of a.buttons) if (b.use === 'commit' && b !== row) b.use = null;
  row.use = 'commit';
}

export function copyAssignment(a: Assignment): Assignment {
  return { fields: a.fields.map((f) => ({ ...f })), buttons: a.buttons.map((b) => ({ ...b })) };
}
