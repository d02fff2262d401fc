/**
 * The router's own answer on the page after a save: an error banner, a success note, or a
 * neutral message that only counts as an error if the rule does not show up soon after.
 * Read in every same-origin frame of the page; PortPilot's own panel is never read.
 */
import { pageDocuments } from '../routers/generic/frames';
import { isOwnElement } from '../routers/generic/own-elements';
import { isHiddenElement, textOf } from '../routers/generic/signals';

const ERROR_SELECTOR =
  '[role=alert], [role=status], .error, .err, .alert, .warning, .banner, .msg, #err, #error, #msg, [class*=error], [id*=error], [id*=err], [class*=alert]';
const ERROR_WORDS =
  /\b(error|invalid|fail(ed|ure)?|conflict\w*|overlap\w*|already|cannot|can't|could not|unable|not allowed|must|please|in use|expired|timed? ?out|did not)\b/i;
const SUCCESS_WORDS = /\b(success\w*|added|saved|applied|complete[d]?|done)\b/i;

export type MessageSnapshot = Map<Element, string>;

/** The visible messages now, to compare with after the save. */
export function messageTexts(top: Document): MessageSnapshot {
  const out: MessageSnapshot = new Map();
  for (const { doc } of pageDocuments(top).docs) {
    for (const el of Array.from(doc.querySelectorAll(ERROR_SELECTOR))) {
      if (el.closest('table') || isOwnElement(el) || isHiddenElement(el)) continue;
      const t = textOf(el);
      if (t && t.length < 400) out.set(el, t);
    }
  }
  return out;
}

/** The router's message that appeared (or changed) since the snapshot, with what it seems to say. */
export function newMessage(top: Document, before: MessageSnapshot): { text: string; kind: 'error' | 'success' | 'neutral' } | null {
  let neutral: string | null = null;
  for (const [el, text] of messageTexts(top)) {
    if (before.get(el) === text) continue;
    const cls = `${String(el.className)} ${el.id}`;
    if (/err|fail|danger|warn/i.test(cls) || ERROR_WORDS.test(text)) return { text, kind: 'error' };
    if (/\b(ok|success|info)\b/i.test(cls) || SUCCESS_WORDS.test(text)) continue;
    neutral ??= text;
  }
  return neutral ? { text: neutral, kind: 'neutral' } : null;
}

/** The router's own error text that appeared (or changed) since the snapshot. */
export function newErrorText(top: Document, before: MessageSnapshot): string | null {
  const m = newMessage(top, before);
  return m?.kind === 'error' ? m.text : null;
}

/** Error text, or a neutral message that has stood for graceMs without the rule appearing. */
export function answerWatcher(top: Document, before: MessageSnapshot, graceMs = 700, now = () => Date.now()) {
  let neutralSince = 0;
  let neutralText = '';
  return (): string | null => {
    const m = newMessage(top, before);
    if (!m) {
      neutralSince = 0;
      return null;
    }
    if (m.kind === 'error') return m.text;
    if (m.kind === 'success') return null;
    if (m.text !== neutralText || !neutralSince) {
      neutralText = m.text;
      neutralSince = now();
      return null;
    }
    return now() - neutralSince >= graceMs ? m.text : null;
  };
}
