/**
 * The in-page progress panel. Its host element and a closed shadow root are created once per
 * content-script instance and kept here, never looked up in the page: the page can neither
 * read nor rewrite what it shows, and a look-alike element it plants is simply not ours.
 * It only shows the job the background holds; nothing in it feeds back into the job.
 * Rendering never throws into the engine.
 */
import { markOwnElement } from '../routers/generic/own-elements';
import { PROTOCOL_LABELS } from '../presets/rule-text';
import { headline, jobTone, statusCounts, STATUS_TEXT, STATUS_TONE, type Tone } from './outcome';
import type { ApplyJob, RuleOutcome } from './types';

const TONE_COLOR: Record<Tone, string> = { ok: '#1e7d32', warn: '#a15c00', bad: '#b3261e', busy: '#0b6bcb', idle: '#666' };

const CSS = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 330px; max-height: 60vh; overflow: auto;
  background: #fff; color: #1b1b1b; border: 1px solid #c9ced6; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.18);
  font: 13px/1.4 system-ui, sans-serif; padding: 10px 12px; }
h2 { font-size: 14px; margin: 0 0 4px; display: flex; justify-content: space-between; }
button { all: unset; cursor: pointer; color: #666; padding: 0 4px; }
button:focus-visible { outline: 2px solid #0b6bcb; }
.head { font-weight: 600; margin: 0 0 6px; }
.bar { display: flex; height: 6px; border-radius: 3px; overflow: hidden; background: #e6e8eb; margin: 0 0 6px; }
.bar span { display: block; height: 100%; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 4px 0; border-top: 1px solid #eef0f3; }
.st { font-weight: 600; }
.msg { color: #444; font-size: 12px; }
.note { margin: 6px 0 0; padding: 6px 8px; background: #fff6e0; border-radius: 4px; }
.src { color: #666; font-size: 11px; margin: 6px 0 0; }
`;

function ports(o: RuleOutcome): string {
  const r = o.rule;
  const range = r.externalStart === r.externalEnd ? `${r.externalStart}` : `${r.externalStart}-${r.externalEnd}`;
  return `${PROTOCOL_LABELS[r.protocol]} ${range}`;
}

export interface Panel {
  show(job: ApplyJob): void;
  /** The host element, for tests that look for it; never consulted by PortPilot itself. */
  readonly host: HTMLElement | null;
  /** What the panel shows, as text (for tests: the shadow root is closed to everyone else). */
  readonly text: string;
}

/** A panel bound to one document; the shadow root is closed and only this closure holds it. */
export function createPanel(doc: Document): Panel {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let hiddenByUser = false;

  const ensure = (): ShadowRoot => {
    if (!host || !root) {
      host = doc.createElement('div');
      host.setAttribute('data-portpilot', 'panel');
      root = host.attachShadow({ mode: 'closed' });
      markOwnElement(host);
    }
    // The page may have moved or removed it: put our own element back.
    if (!host.isConnected) (doc.body ?? doc.documentElement).appendChild(host);
    return root;
  };

  const render = (job: ApplyJob) => {
    const shadow = ensure();
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
      const e = doc.createElement(tag);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    shadow.replaceChildren();
    const style = el('style', CSS);
    const box = el('div');
    box.className = 'box';
    box.setAttribute('role', 'status');
    const h = el('h2');
    const close = el('button', '×');
    close.title = 'Hide';
    close.setAttribute('aria-label', 'Hide PortPilot progress');
    close.addEventListener('click', () => {
      hiddenByUser = true;
      host?.remove();
    });
    h.append(el('span', `PortPilot: ${job.presetName}`), close);
    const head = el('p', headline(job));
    head.className = 'head';
    head.style.color = TONE_COLOR[jobTone(job.state, job.rules)];
    const bar = el('div');
    bar.className = 'bar';
    bar.setAttribute('aria-hidden', 'true');
    for (const c of statusCounts(job.rules)) {
      const seg = el('span');
      seg.style.width = `${(100 * c.count) / Math.max(1, job.rules.length)}%`;
      seg.style.background = TONE_COLOR[c.tone];
      bar.append(seg);
    }
    const list = el('ul');
    for (const o of job.rules) {
      const li = el('li');
      li.setAttribute('data-status', o.status);
      const st = el('span', STATUS_TEXT[o.status]);
      st.className = 'st';
      st.style.color = TONE_COLOR[STATUS_TONE[o.status]];
      li.append(`${o.rule.name} (${ports(o)}): `, st);
      if (o.message) {
        const m = el('div', o.message);
        m.className = 'msg';
        li.append(m);
      }
      list.append(li);
    }
    box.append(h, head, bar, list);
    if (job.message) {
      const note = el('p', job.message);
      note.className = 'note';
      box.append(note);
    }
    const src = el('p', 'As reported to PortPilot. The PortPilot popup shows the same.');
    src.className = 'src';
    box.append(src);
    shadow.append(style, box);
  };

  return {
    show(job) {
      if (hiddenByUser) return;
      try {
        render(job);
      } catch {
        /* the panel is a courtesy: a page that breaks it must not break the apply */
      }
    },
    get host() {
      return host;
    },
    get text() {
      return root?.textContent ?? '';
    },
  };
}
