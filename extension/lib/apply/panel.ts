/**
 * The in-page progress panel: one host element (data-portpilot="panel") with a shadow root,
 * so the router page's styles and scripts neither see nor disturb it. Fixed in a corner,
 * no inputs, removed by its close button.
 */
import type { ApplyJob, RuleOutcome, RuleStatus } from './types';

const STATUS_TEXT: Record<RuleStatus, string> = {
  pending: 'waiting',
  saving: 'saving…',
  applied: 'applied',
  present: 'already present',
  conflict: 'conflict',
  failed: 'failed',
  filled: 'filled: press Save',
};

const STATUS_COLOR: Record<RuleStatus, string> = {
  pending: '#666',
  saving: '#0b6bcb',
  applied: '#1e7d32',
  present: '#1e7d32',
  conflict: '#b35c00',
  failed: '#b3261e',
  filled: '#0b6bcb',
};

const CSS = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 320px; max-height: 60vh; overflow: auto;
  background: #fff; color: #1b1b1b; border: 1px solid #c9ced6; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.18);
  font: 13px/1.4 system-ui, sans-serif; padding: 10px 12px; }
h2 { font-size: 14px; margin: 0 0 6px; display: flex; justify-content: space-between; }
button { all: unset; cursor: pointer; color: #666; padding: 0 4px; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 4px 0; border-top: 1px solid #eef0f3; }
.st { font-weight: 600; }
.msg { color: #444; font-size: 12px; }
.note { margin: 6px 0 0; padding: 6px 8px; background: #fff6e0; border-radius: 4px; }
`;

function ports(o: RuleOutcome): string {
  const r = o.rule;
  const range = r.externalStart === r.externalEnd ? `${r.externalStart}` : `${r.externalStart}-${r.externalEnd}`;
  return `${r.protocol.toUpperCase()} ${range}`;
}

export function panelHost(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('[data-portpilot="panel"]');
}

/** Shows or updates the panel for this job. Returns the host element. */
export function renderPanel(doc: Document, job: ApplyJob): HTMLElement {
  let host = panelHost(doc);
  if (!host) {
    host = doc.createElement('div');
    host.setAttribute('data-portpilot', 'panel');
    host.attachShadow({ mode: 'open' });
    (doc.body ?? doc.documentElement).appendChild(host);
  }
  const root = host.shadowRoot!;
  root.innerHTML = '';
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  const h = doc.createElement('h2');
  const title = doc.createElement('span');
  title.textContent = `PortPilot: ${job.presetName}`;
  const close = doc.createElement('button');
  close.textContent = '×';
  close.title = 'Hide';
  close.addEventListener('click', () => host?.remove());
  h.append(title, close);
  box.append(h);
  const list = doc.createElement('ul');
  for (const o of job.rules) {
    const li = doc.createElement('li');
    li.setAttribute('data-status', o.status);
    const st = doc.createElement('span');
    st.className = 'st';
    st.style.color = STATUS_COLOR[o.status];
    st.textContent = STATUS_TEXT[o.status];
    li.append(`${o.rule.name} (${ports(o)}): `, st);
    if (o.message) {
      const m = doc.createElement('div');
      m.className = 'msg';
      m.textContent = o.message;
      li.append(m);
    }
    list.append(li);
  }
  box.append(list);
  if (job.message) {
    const note = doc.createElement('p');
    note.className = 'note';
    note.setAttribute('data-state', job.state);
    note.textContent = job.message;
    box.append(note);
  }
  root.append(style, box);
  return host;
}
