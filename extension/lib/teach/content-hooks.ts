/**
 * The content script's side of teaching: the mappings kept for this page come from the
 * extension (its database is not the page's), and what the person confirms goes back there.
 * The page never sees any of it: messages go between PortPilot's own parts only.
 */
import { browser } from 'wxt/browser';
import { pageDocuments } from '../routers/generic/frames';
import type { TeachHooks } from './gate';
import type { RouterMapping } from './mapping';
import type { TeachPanel } from './panel';

export type TeachRequest =
  | { type: 'mapping:find'; paths: string[] }
  | { type: 'mapping:save'; mapping: RouterMapping }
  | { type: 'mapping:used'; mapping: Pick<RouterMapping, 'origin' | 'path' | 'fingerprint'> }
  /** From the popup: the person's decision on the preview shown in a tab. */
  | { type: 'review:decide'; tabId: number; decision: 'apply' | 'cancel' };


/** The paths of the page and its same-origin frames: a taught form may sit in any of them. */
function pagePaths(doc: Document): string[] {
  const paths = pageDocuments(doc).docs.map((d) => {
    try {
      return new URL(d.doc.location?.href ?? '').pathname;
    } catch {
      return '';
    }
  });
  return [...new Set(paths.filter((p) => p.startsWith('/')))].slice(0, 20);
}

/** The mappings the extension keeps for this page (and its frames). */
export async function keptMappings(doc: Document): Promise<RouterMapping[]> {
  const found = (await browser.runtime.sendMessage({ type: 'mapping:find', paths: pagePaths(doc) } satisfies TeachRequest).catch(() => [])) as RouterMapping[] | undefined;
  return Array.isArray(found) ? found : [];
}

export async function teachHooks(doc: Document, panel: TeachPanel): Promise<TeachHooks> {
  return {
    mappings: await keptMappings(doc),
    ask: (proposal, onChange) => panel.ask(proposal, onChange),
    async remember(mapping) {
      const answer = (await browser.runtime.sendMessage({ type: 'mapping:save', mapping } satisfies TeachRequest)) as { ok: boolean; error?: string } | undefined;
      if (!answer?.ok) throw new Error(answer?.error ?? 'the extension did not answer');
    },
    used(mapping) {
      const { origin, path, fingerprint } = mapping;
      void browser.runtime.sendMessage({ type: 'mapping:used', mapping: { origin, path, fingerprint } } satisfies TeachRequest).catch(() => undefined);
    },
  };
}
