/**
 * A router page that is not the port-forwarding form (its status page, its menu, its start
 * page): who the router is, when PortPilot is sure of it, and the way to its port-forwarding
 * page (the adapter's known path, or a link on the page). What this returns is shown to people
 * as it is: router names and the page's own link text, never patterns or element ids.
 */
import { pageDocuments } from './generic/frames';
import { isHiddenElement, textOf } from './generic/signals';
import type { Score } from './registry';
import type { PageInfo, RouterAdapter } from './types';

export interface ForwardingWay {
  /** link: a link or menu entry on this page; path: the adapter's known page. */
  via: 'link' | 'path';
  /** The link's own words ("Advanced › Port Forwarding"), or "Port Forwarding" for a known path. */
  text: string;
  /** Same-origin address it leads to, when it has one (menu entries run by script have none). */
  url?: string;
}

export interface RouterHome {
  /** "Spectrum RAC2V1K": only when the page names the router clearly. */
  router?: string;
  /** How to reach port forwarding; absent when this page already is it, or no way was found. */
  forwarding?: ForwardingWay;
  /** This page (or a frame of it) already shows the port-forwarding page. */
  onForwardingPage: boolean;
}

/** The adapter's name as a person says it: "Spectrum RAC2V1K (Askey)" → "Spectrum RAC2V1K". */
export function routerName(adapter: RouterAdapter): string {
  return adapter.name.replace(/\s*\([^)]*\)\s*$/, '').trim() || adapter.name;
}

/**
 * Sure enough to say "This is your …": the router's name, title, address or an element of its
 * own matched, or two of its words, or its model word is what the page calls itself in its
 * <meta> tags. One brand word in a page's text is not enough (FreshTomato says "on Netgear R7000").
 */
export function isSureOf(picked: Score, info: Pick<PageInfo, 'selfName'>): boolean {
  if (picked.adapter.id === 'generic' || !picked.hits.length) return false;
  if (picked.hits.some((h) => h.kind !== 'text')) return true;
  if (picked.hits.length >= 2) return true;
  const self = info.selfName ?? '';
  return !!self && picked.hits.some((h) => h.marker instanceof RegExp && h.marker.test(self));
}

/** Words of a link to the port-forwarding page, best first. */
const LINK_WORDS: Array<{ re: RegExp; rank: number }> = [
  { re: /\bport\s*forward(ing)?\b/i, rank: 3 },
  { re: /\bvirtual\s*servers?\b/i, rank: 3 },
  { re: /\bport\s*(range\s*)?(mapping|forwarding)\b/i, rank: 3 },
  { re: /\bnat\s*forwarding\b/i, rank: 2 },
  { re: /^\W*forwarding\W*$/i, rank: 1 },
];
/** Pages next to it that are not it. */
const NOT_IT = /\b(ipv6|trigger(ing)?|dmz|upnp|help)\b/i;
const BAD_SCHEME = /^\s*(data|file|blob|mailto|about|chrome|moz-extension|chrome-extension):/i;

/** The top document and the documents of its same-origin frames (others cannot be read). */
const readableDocs = (doc: Document): Document[] => pageDocuments(doc).docs.map((d) => d.doc);

function rankOf(text: string): number {
  if (!text || text.length > 80) return 0;
  const hit = LINK_WORDS.find((w) => w.re.test(text));
  if (!hit) return 0;
  // "Port Forwarding / Port Triggering" is the forwarding page; "Port Triggering" alone is not.
  if (hit.rank < 3 && NOT_IT.test(text)) return 0;
  if (/\bipv6\b/i.test(text)) return 0;
  return hit.rank;
}

const pathOf = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
};

/** Same-origin http(s) address of a link, or undefined for script links and "#". */
function linkUrl(a: Element, topOrigin: string): string | undefined | null {
  const href = a.getAttribute('href');
  if (href === null || /^\s*(#.*)?$/.test(href) || /^\s*javascript:/i.test(href)) return undefined;
  if (BAD_SCHEME.test(href)) return null;
  try {
    const u = new URL(href, a.ownerDocument.baseURI);
    if (!/^https?:$/.test(u.protocol)) return null;
    return u.origin === topOrigin ? u.href : null; // a link away from the router is never offered
  } catch {
    return null;
  }
}

export interface FoundLink {
  el: HTMLElement;
  text: string;
  url?: string;
}

/** The visible link or menu entry on the page (or its frames) that leads to port forwarding. */
export function findForwardingLink(doc: Document): FoundLink | null {
  let topOrigin = '';
  try {
    topOrigin = new URL(doc.location?.href ?? '').origin;
  } catch {
    /* no address */
  }
  let best: (FoundLink & { rank: number }) | null = null;
  for (const d of readableDocs(doc)) {
    for (const el of Array.from(d.querySelectorAll<HTMLElement>('a, [role=link], [role=menuitem], [role=tab]'))) {
      const text = (textOf(el) || el.getAttribute('title') || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
      const rank = rankOf(text);
      if (!rank || (best && best.rank >= rank)) continue;
      if (isHiddenElement(el)) continue;
      const url = linkUrl(el, topOrigin);
      if (url === null) continue;
      best = { el, text, ...(url ? { url } : {}), rank };
    }
  }
  if (!best) return null;
  const { rank: _rank, ...found } = best;
  return found;
}

/** Whether the page, or one of its frames, is already at this address. */
function showing(doc: Document, url: string): boolean {
  const want = pathOf(url);
  return !!want && readableDocs(doc).some((d) => pathOf(d.location?.href ?? '') === want);
}

/** Page words that say this page is the forwarding page itself. */
function titledForwarding(doc: Document): boolean {
  const heading = doc.querySelector('h1, h2');
  return [doc.title ?? '', heading ? textOf(heading) : ''].some((t) => rankOf(t) >= 3);
}

export function routerHome(doc: Document, info: PageInfo, picked: Score): RouterHome {
  const router = isSureOf(picked, info) ? routerName(picked.adapter) : undefined;
  const link = findForwardingLink(doc);
  const known = picked.adapter.forwardingPath && router ? new URL(picked.adapter.forwardingPath, info.url || 'http://router.invalid/').href : undefined;
  const onForwardingPage = (link?.url ? showing(doc, link.url) : false) || (known ? showing(doc, known) : false) || titledForwarding(doc);
  if (onForwardingPage) return { ...(router ? { router } : {}), onForwardingPage };
  const forwarding: ForwardingWay | undefined = link
    ? { via: 'link', text: link.text, ...(link.url ? { url: link.url } : {}) }
    : known
      ? { via: 'path', text: 'Port Forwarding', url: known }
      : undefined;
  return { ...(router ? { router } : {}), ...(forwarding ? { forwarding } : {}), onForwardingPage };
}

/**
 * Follows the way found: clicks the page's own link (so menus that load a frame or run a
 * script work as when the person clicks), or goes to the adapter's known page.
 */
export function openForwarding(doc: Document, way: ForwardingWay | undefined): { ok: true } | { ok: false; error: string } {
  if (!way) return { ok: false, error: 'PortPilot found no way to the port-forwarding page here. Open it from the router menu.' };
  if (way.via === 'link') {
    const link = findForwardingLink(doc);
    if (!link) return { ok: false, error: 'The link to the port-forwarding page is gone. Open it from the router menu.' };
    link.el.click();
    return { ok: true };
  }
  doc.defaultView?.location.assign(way.url!);
  return { ok: true };
}
