/**
 * A router page that has just loaded may still be drawing its form or its list by script (it
 * fetches the rules first). Asked about such a page, look again for a moment before saying
 * "not recognised"; a page loaded a while ago is answered at once.
 */
import { detectPage, type PageDetection } from './detect';

/** How long after its load a page may still be drawing itself. */
const SETTLE_MS = 3000;
const STEP_MS = 250;

export async function detectSettled(doc: Document, url: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<PageDetection> {
  let found = detectPage(doc, url);
  const sinceLoad = () => doc.defaultView?.performance.now() ?? Infinity;
  while (found.detection.kind === 'unknown' && sinceLoad() < SETTLE_MS) {
    await sleep(STEP_MS);
    found = detectPage(doc, url);
  }
  return found;
}
