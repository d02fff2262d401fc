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
/** "Saving…", "Please wait": the router is still at it, which says nothing yet. */
const BUSY_WORDS = /^\W*(saving|applying|loading|please wait|working|in progress|processing)\b[^.!]{0,30}\W*$/i;

export type MessageSnapshot = Map<Element, string>;

/** The visible messages now, to compare with after the save. */
export function messageTexts(top: Document): MessageSnapshot {
  const out: MessageSnapshot = new Map();
  for (const { doc } of pageDocuments(top).docs) {
    for (const el of Array.from(doc.querySelectorAll(ERROR_SELECTOR))) {
      // Cells of a data table (a rules list) are not messages; a page laid out in one big table is.
      const table = el.closest('table');
      if ((table && !table.querySelector('table')) || isOwnElement(el) || isHiddenElement(el)) continue;
      const t = textOf(el);
      if (t && t.length < 400) out.set(el, t);
    }
  }
  return out;
}

/** The router's message that appeared (or changed) since the snapshot, with what it seems to say. */
export function newMessage(top: Document, before: MessageSnapshot): { text: string; kind: 'error' | 'success' | 'neutral' } | null {
  let neutral: string | null = null;
  let success: string | null = null;
  for (const [el, text] of messageTexts(top)) {
    if (before.get(el) === text) continue;
    const cls = `${String(el.className)} ${el.id}`;
    if (BUSY_WORDS.test(text)) continue;
    if (/err|fail|danger|warn/i.test(cls) || ERROR_WORDS.test(text)) return { text, kind: 'error' };
    if (/\b(ok|success|info)\b/i.test(cls) || SUCCESS_WORDS.test(text)) success ??= text;
    else neutral ??= text;
  }
  if (success) return { text: success, kind: 'success' };
  return neutral ? { text: neutral, kind: 'neutral' } : null;
}

/** The router's own error text that appeared (or changed) since the snapshot. */
export function newErrorText(top: Document, before: MessageSnapshot): string | null {
  const m = newMessage(top, before);
  return m?.kind === 'error' ? m.text : null;
}

/** Error text, or a neutral message that has stood for graceMs without the rule appearing. */
export function answerWatcher(top: Document, before: MessageSnapshot, graceMs = 700, now = () => Date.now()) {
  return answerReader(top, before, graceMs, now).error;
}

/** Like answerWatcher, and also says when the router reported success. */
export function answerReader(top: Document, before: MessageSnapshot, graceMs = 700, now = () => Date.now()) {
  let succeeded: string | null = null;
  const error = answerErrors(top, before, graceMs, now, (t) => (succeeded = t));
  return { error, success: () => succeeded };
}

function answerErrors(top: Document, before: MessageSnapshot, graceMs: number, now: () => number, onSuccess: (text: string) => void) {
  let neutralSince = 0;
  let neutralText = '';
  return (): string | null => {
    const m = newMessage(top, before);
    if (!m) {
      neutralSince = 0;
      return null;
    }
    if (m.kind === 'error') return m.text;
    if (m.kind === 'success') {
      onSuccess(m.text);
      return null;
    }
    if (m.text !== neutralText || !neutralSince) {
      neutralText = m.text;
      neutralSince = now();
      return null;
    }
    return now() - neutralSince >= graceMs ? m.text : null;
  };
}

/** Whether a router's message reads as good news ("Settings saved."). */
export function isSuccessText(text: string): boolean {
  return SUCCESS_WORDS.test(text) && !ERROR_WORDS.test(text);
}
