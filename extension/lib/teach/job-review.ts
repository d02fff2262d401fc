/**
 * The preview's state as a content script reports it in job:save: checked and cut to size
 * before the extension keeps it (a content script speaks for a page that may be hostile).
 */
import { clip } from '../store/limits';
import type { JobReview } from '../apply/types';

const MAX_ITEMS = 20;
const MAX_TEXT = 200;

const texts = (v: unknown, max: number): string[] | null =>
  Array.isArray(v) && v.length <= max && v.every((t) => typeof t === 'string') ? v.map((t: string) => clip(t, MAX_TEXT)) : null;

/** The review to keep, undefined when there is none, or null when what was sent is not one. */
export function reviewFrom(sent: unknown): JobReview | undefined | null {
  if (sent === undefined) return undefined;
  if (typeof sent !== 'object' || sent === null || Array.isArray(sent)) return null;
  const r = sent as Record<string, unknown>;
  if (r.state !== 'asked' && r.state !== 'confirmed') return null;
  const out: JobReview = { state: r.state };
  if (r.found !== undefined) {
    const found = texts(r.found, MAX_ITEMS);
    if (!found) return null;
    out.found = found;
  }
  if (r.missing !== undefined) {
    const missing = texts(r.missing, MAX_ITEMS);
    if (!missing) return null;
    out.missing = missing;
  }
  if (r.ready !== undefined) {
    if (typeof r.ready !== 'boolean') return null;
    out.ready = r.ready;
  }
  if (r.by !== undefined) {
    if (r.by !== 'person' && r.by !== 'remembered') return null;
    out.by = r.by;
  }
  return out;
}
