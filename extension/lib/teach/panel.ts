/**
 * The preview before the first write, and where the user teaches a page PortPilot is not sure
 * of. Each field PortPilot will fill is outlined on the page and labelled with its part
 * ("External port", "Device IP", …); the panel lists every candidate field and button with
 * what PortPilot read, what it could not find, and Apply / Cancel.
 *
 * The user confirms, or gives a field its part (click it on the page, or use its list in the
 * panel) and clicks the router's own save button to mark it. While the preview is open, no
 * click on the page's buttons or links reaches the page, and no form is submitted.
 *
 * The page can neither read nor fake it: everything is in a closed shadow root held only by
 * this closure; only trusted input (a person's click or key) counts; the decision goes to the
 * extension, which keeps the job. Keyboard: every part is a native button or list, in order,
 * and focus starts on Apply when PortPilot is sure, else on the first field to check.
 */
import { copyAssignment, changedFrom, partKey, partLabel, problemsOf, useClickedButton, type Assignment, type Part } from './assignment';
import { markOwnElement } from '../routers/generic/own-elements';
import { describeElement, frameDocuments } from './locator';
import { MAPPING_ROLES, PROTOCOL_CHOICES, ROLE_LABEL, type MappingRole } from './mapping';

export interface TeachProposal extends Assignment {
  /** "Spectrum RAC2V1K", or nothing. */
  router?: string;
  /** Whether PortPilot read the page itself (a preview to confirm) or could not (teach it). */
  sure: boolean;
}

export type TeachDecision =
  | { kind: 'apply'; assignment: Assignment; changed: boolean }
  | { kind: 'cancel' };

export interface TeachPanel {
  /** Shows the preview and waits for the person's decision; onChange hears every change they make. */
  ask(proposal: TeachProposal, onChange?: (now: Assignment) => void): Promise<TeachDecision>;
  /** A decision made in PortPilot's popup (a message from the extension, never from the page); false when it could not be taken. */
  decide(kind: 'apply' | 'cancel'): boolean;
  close(): void;
  readonly open: boolean;
  /** What the panel says, as text (tests: the shadow root is closed to everyone else). */
  readonly text: string;
}

export interface PanelOptions {
  /** Unit tests only: an open shadow root and synthetic events (happy-dom has no trusted input). */
  testing?: boolean;
}

const CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.mark { position: fixed; border: 2px solid #0b6bcb; border-radius: 3px; box-sizing: border-box; }
.mark.idle { border: 1px dashed #8a94a3; }
.mark.current { border: 3px solid #a15c00; }
.mark.button { border-color: #1e7d32; }
.chip { position: absolute; left: -2px; top: -20px; background: #0b6bcb; color: #fff; font: 600 11px/16px system-ui, sans-serif;
  padding: 1px 5px; border-radius: 3px; white-space: nowrap; }
.mark.button .chip { background: #1e7d32; }
.box { position: fixed; top: 16px; z-index: 2147483647; width: 380px; max-height: 55vh; overflow: auto;
  background: #fff; color: #1b1b1b; border: 1px solid #c9ced6; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.18);
  font: 13px/1.4 system-ui, sans-serif; padding: 10px 12px; }
h2 { font-size: 14px; margin: 0 0 6px; }
p { margin: 0 0 6px; }
.missing { color: #a15c00; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th { text-align: left; font-size: 12px; color: #555; font-weight: 600; padding: 2px 0; }
td { padding: 2px 4px 2px 0; vertical-align: middle; border-top: 1px solid #eef0f3; }
tr.current td { background: #e8f1fb; }
select { font: inherit; max-width: 170px; }
.actions { display: flex; gap: 8px; margin-top: 6px; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid #8a94a3; background: #f4f6f8; cursor: pointer; }
button.primary { background: #0b6bcb; border-color: #0b6bcb; color: #fff; }
button:disabled { opacity: .5; cursor: not-allowed; }
button:focus-visible, select:focus-visible { outline: 2px solid #0b6bcb; outline-offset: 1px; }
.note { font-size: 12px; color: #444; }
.box.left { left: 16px; } .box.right { right: 16px; }
`;

const BUTTON_USE = [
  ['', 'Not pressed'],
  ['submit', 'Saves the rule'],
  ['commit', 'Then stores the list'],
] as const;

/** The parts a field can be given, as list choices ("protocol:tcp" for a protocol button). */
function partChoices(el: Element): Array<[string, string]> {
  const radio = el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio';
  const box = el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox';
  const roles: MappingRole[] = MAPPING_ROLES.filter((r) => (box ? r === 'enable' || r === 'sameAsExternal' : radio ? r === 'protocol' : r !== 'enable' && r !== 'sameAsExternal'));
  const out: Array<[string, string]> = [['', 'Not used']];
  for (const role of roles) {
    if (role === 'protocol' && radio) for (const choice of PROTOCOL_CHOICES) out.push([`protocol:${choice}`, partLabel({ role, choice })]);
    else out.push([role, ROLE_LABEL[role]]);
  }
  return out;
}

function parsePart(value: string): Part | null {
  if (!value) return null;
  const [role, choice] = value.split(':') as [MappingRole, Part['choice']];
  return choice ? { role, choice } : { role };
}

/** The element's box on the screen, frames included. */
function screenRect(el: Element): DOMRect {
  const rect = el.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  for (let win = el.ownerDocument.defaultView; win && win.frameElement; win = win.parent as typeof win) {
    const frame = (win.frameElement as Element).getBoundingClientRect();
    x += frame.left + ((win.frameElement as HTMLElement).clientLeft || 0);
    y += frame.top + ((win.frameElement as HTMLElement).clientTop || 0);
  }
  return new DOMRect(x, y, rect.width, rect.height);
}

/** The panel goes on the side of the screen away from the fields, so it never hides them. */
function sideAwayFrom(a: Assignment): 'left' | 'right' {
  const rects = a.fields.map((f) => screenRect(f.el)).filter((r) => r.width || r.height);
  if (!rects.length) return 'right';
  const view = a.fields[0]!.el.ownerDocument.defaultView;
  const width = view?.top?.innerWidth ?? view?.innerWidth ?? 1024;
  const right = Math.max(...rects.map((r) => r.right));
  return right > width - 420 ? 'left' : 'right';
}

export function createTeachPanel(doc: Document, options: PanelOptions = {}): TeachPanel {
  const trusted = (e: Event) => options.testing === true || e.isTrusted;
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let current: { proposal: TeachProposal; before: Assignment; resolve: (d: TeachDecision) => void; onChange?: (now: Assignment) => void } | null = null;
  let assignment: Assignment = { fields: [], buttons: [] };
  let focusRow = -1;
  let timer: ReturnType<typeof setInterval> | null = null;
  const detach: Array<() => void> = [];
  /** The parts of the panel that change while it is open (built once per question, updated in place so focus and typing survive). */
  let view: {
    layer: HTMLElement;
    box: HTMLElement;
    status: HTMLElement;
    say: HTMLElement;
    go: HTMLButtonElement;
    fieldRows: HTMLTableRowElement[];
    fieldSelects: HTMLSelectElement[];
    buttonSelects: HTMLSelectElement[];
  } | null = null;

  const ensure = (): ShadowRoot => {
    if (!host || !root) {
      host = doc.createElement('div');
      host.setAttribute('data-portpilot', 'teach');
      root = host.attachShadow({ mode: options.testing ? 'open' : 'closed' });
      markOwnElement(host);
    }
    if (!host.isConnected) (doc.body ?? doc.documentElement).appendChild(host);
    return root;
  };

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const finish = (d: TeachDecision) => {
    const c = current;
    if (!c) return;
    current = null;
    close();
    c.resolve(d);
  };

  const apply = (): boolean => {
    if (!current || problemsOf(assignment).length) return false;
    finish({ kind: 'apply', assignment: copyAssignment(assignment), changed: changedFrom(assignment, current.before) });
    return true;
  };

  /** Outlines and labels on the page, redrawn as it scrolls or moves. */
  const drawMarks = () => {
    if (!view) return;
    const layer = view.layer;
    layer.replaceChildren();
    const mark = (target: Element, label: string | null, kind: 'field' | 'button' | 'idle', current = false) => {
      const r = screenRect(target);
      const m = el('div', { class: `mark ${kind === 'idle' ? 'idle' : kind === 'button' ? 'button' : ''}${current ? ' current' : ''}` });
      Object.assign(m.style, { left: `${r.left - 3}px`, top: `${r.top - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
      if (label) m.append(el('span', { class: 'chip' }, label));
      layer.append(m);
    };
    assignment.fields.forEach((f, i) => mark(f.el, f.part ? partLabel(f.part) : null, f.part ? 'field' : 'idle', i === focusRow));
    for (const b of assignment.buttons) if (b.use) mark(b.el, b.use === 'submit' ? 'Saves the rule' : 'Then stores the list', 'button');
  };

  /** Shows the assignment as it is now: the lists, what is missing, whether Apply can go, the marks. */
  const update = (said = '') => {
    if (!view) return;
    ensure();
    assignment.fields.forEach((f, i) => {
      const value = partKey(f.part);
      if (view!.fieldSelects[i]!.value !== value) view!.fieldSelects[i]!.value = value;
      view!.fieldRows[i]!.className = i === focusRow ? 'current' : '';
    });
    assignment.buttons.forEach((b, i) => {
      const value = b.use ?? '';
      if (view!.buttonSelects[i]!.value !== value) view!.buttonSelects[i]!.value = value;
    });
    const problems = problemsOf(assignment);
    view.status.className = problems.length ? 'missing' : 'note';
    view.status.textContent = problems.length ? problems.join(' ') : 'Ready: PortPilot fills the outlined fields and presses the outlined button.';
    view.say.textContent = said;
    view.say.hidden = !said;
    view.go.disabled = problems.length > 0;
    drawMarks();
  };

  /** The person changed something: show it, and tell whoever listens (the popup shows it too). */
  const changed = () => {
    update();
    current?.onChange?.(copyAssignment(assignment));
  };

  const build = () => {
    const shadow = ensure();
    const { proposal } = current!;
    const layer = el('div', { class: 'layer', 'aria-hidden': 'true' });
    const box = el('div', { class: `box ${sideAwayFrom(assignment)}`, role: 'dialog', 'aria-label': 'PortPilot: check before it writes' });
    box.append(el('h2', {}, proposal.sure ? 'PortPilot: check before it writes' : 'PortPilot: show me this page'));
    box.append(
      el(
        'p',
        {},
        proposal.sure
          ? `${proposal.router ? `This is your ${proposal.router}. ` : ''}PortPilot will type into the outlined fields and press the outlined button. Nothing has been written yet.`
          : "PortPilot cannot tell which field is which on this page. Click a field on the page and choose what it holds, then click the router's button that saves a rule.",
      ),
    );
    const status = el('p', { id: 'pp-status', role: 'status' });
    const say = el('p', { class: 'note', role: 'alert' });
    box.append(status, say);

    const fields = el('table');
    const fieldHead = el('tr');
    fieldHead.append(el('th', { scope: 'col' }, 'Field on the page'), el('th', { scope: 'col' }, 'Holds'));
    fields.append(fieldHead);
    const fieldRows: HTMLTableRowElement[] = [];
    const fieldSelects = assignment.fields.map((f, i) => {
      const row = el('tr');
      const select = el('select', { id: `pp-field-${i}`, 'aria-label': `What ${describeElement(f.el)} holds` });
      for (const [value, label] of partChoices(f.el)) select.append(el('option', { value }, label));
      select.addEventListener('change', (e) => {
        if (!trusted(e)) return;
        f.part = parsePart(select.value);
        focusRow = i;
        changed();
      });
      // Keyboard users see which field of the page this list is about.
      select.addEventListener('focus', () => {
        focusRow = i;
        (f.el as HTMLElement).scrollIntoView?.({ block: 'nearest' });
        update();
      });
      const cell = el('td');
      cell.append(select);
      row.append(el('td', {}, describeElement(f.el)), cell);
      fields.append(row);
      fieldRows.push(row);
      return select;
    });
    box.append(fields);

    const buttons = el('table');
    const buttonHead = el('tr');
    buttonHead.append(el('th', { scope: 'col' }, 'Button on the page'), el('th', { scope: 'col' }, 'PortPilot'));
    buttons.append(buttonHead);
    const buttonSelects = assignment.buttons.map((b, i) => {
      const row = el('tr');
      const select = el('select', { id: `pp-button-${i}`, 'aria-label': `What PortPilot does with ${describeElement(b.el)}` });
      for (const [value, label] of BUTTON_USE) select.append(el('option', { value }, label));
      select.addEventListener('change', (e) => {
        if (!trusted(e)) return;
        const use = (select.value || null) as 'submit' | 'commit' | null;
        if (use) for (const other of assignment.buttons) if (other !== b && other.use === use) other.use = null;
        b.use = use;
        changed();
      });
      const cell = el('td');
      cell.append(select);
      row.append(el('td', {}, describeElement(b.el)), cell);
      buttons.append(row);
      return select;
    });
    box.append(buttons);

    const actions = el('div', { class: 'actions' });
    const go = el('button', { type: 'button', class: 'primary', id: 'pp-apply', 'aria-describedby': 'pp-status' }, 'Apply with these fields');
    go.addEventListener('click', (e) => {
      if (trusted(e)) apply();
    });
    const cancel = el('button', { type: 'button', id: 'pp-cancel' }, 'Cancel');
    cancel.addEventListener('click', (e) => {
      if (trusted(e)) finish({ kind: 'cancel' });
    });
    actions.append(go, cancel);
    box.append(actions, el('p', { class: 'note' }, 'PortPilot remembers what you confirm for this router page and does not ask again.'));
    shadow.replaceChildren(el('style', {}, CSS), layer, box);
    view = { layer, box, status, say, go, fieldRows, fieldSelects, buttonSelects };
    update();
  };

  /** A person's click on the page while the preview is open. */
  const onPageClick = (e: Event) => {
    if (!current || !trusted(e)) return;
    const target = e.target as Element | null;
    // Our own panel: its events cross the shadow boundary on their way up.
    if (!target || (host && (e.composedPath().includes(host) || target.getRootNode() === root))) return;
    const field = assignment.fields.findIndex((f) => f.el === target || f.el.contains(target) || (target.tagName === 'LABEL' && (target as HTMLLabelElement).control === f.el));
    if (field >= 0) {
      focusRow = field;
      update();
      view?.fieldSelects[field]?.focus();
      return;
    }
    const pressable = target.closest('button, input[type=submit], input[type=button], input[type=image], input[type=reset], a, [role=button], [onclick]');
    if (!pressable) return;
    // Nothing on the page acts while PortPilot asks: the click only marks the button.
    e.preventDefault();
    e.stopImmediatePropagation();
    const button = assignment.buttons.findIndex((b) => b.el === pressable || b.el.contains(target));
    if (button >= 0) {
      useClickedButton(assignment, assignment.buttons[button]!.el);
      changed();
      view?.buttonSelects[button]?.focus();
    } else {
      update('PortPilot does not press that one (it is not a button of this form, or it deletes or resets something). Cancel to use the page yourself.');
    }
  };
  const onSubmit = (e: Event) => {
    if (!current) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  function close(): void {
    for (const off of detach.splice(0)) off();
    if (timer) clearInterval(timer);
    timer = null;
    view = null;
    root?.replaceChildren();
    host?.remove();
  }

  return {
    ask(proposal, onChange) {
      if (current) finish({ kind: 'cancel' });
      assignment = copyAssignment(proposal);
      const before = copyAssignment(proposal);
      focusRow = -1;
      return new Promise<TeachDecision>((resolve) => {
        current = { proposal, before, resolve, onChange };
        for (const { doc: d } of frameDocuments(doc)) {
          d.addEventListener('click', onPageClick, true);
          d.addEventListener('submit', onSubmit, true);
          detach.push(() => {
            d.removeEventListener('click', onPageClick, true);
            d.removeEventListener('submit', onSubmit, true);
          });
        }
        build();
        // Keep the marks on their fields as the page scrolls or reflows, and the panel in the page.
        const win = doc.defaultView;
        const redraw = () => {
          if (!current) return;
          ensure();
          drawMarks();
        };
        win?.addEventListener('scroll', redraw, true);
        win?.addEventListener('resize', redraw);
        detach.push(() => {
          win?.removeEventListener('scroll', redraw, true);
          win?.removeEventListener('resize', redraw);
        });
        timer = setInterval(redraw, 700);
        // Focus where the person starts: Apply when PortPilot is sure, else the first field.
        if (!problemsOf(assignment).length) view!.go.focus();
        else (view!.fieldSelects[0] ?? root!.getElementById('pp-cancel'))?.focus();
      });
    },
    decide(kind) {
      if (kind === 'apply') return apply();
      if (!current) return false;
      finish({ kind: 'cancel' });
      return true;
    },
    close() {
      if (current) finish({ kind: 'cancel' });
      else close();
    },
    get open() {
      return current !== null;
    },
    get text() {
      return view?.box.textContent ?? '';
    },
  };
}
