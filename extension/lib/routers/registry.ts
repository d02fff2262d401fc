/**
 * All adapters, and the choice of the most specific one for a page: each marker that matches
 * adds points (hostname 5, title 3, selector 2, URL 2, text 2 each); the best adapter at or
 * above its minScore wins, else generic.
 */
import { arrisGateway } from './adapters/arris-gateway';
import { generic } from './adapters/generic';
import { netgearCharter } from './adapters/netgear-charter';
import { spectrumAppOnly } from './adapters/spectrum-app-only';
import { spectrumRac2v1a } from './adapters/spectrum-rac2v1a';
import { spectrumRac2v1k } from './adapters/spectrum-rac2v1k';
import { spectrumRac2v1s } from './adapters/spectrum-rac2v1s';
import type { PageInfo, RouterAdapter } from './types';

export const ADAPTERS: readonly RouterAdapter[] = [
  spectrumRac2v1k,
  spectrumRac2v1a,
  spectrumRac2v1s,
  netgearCharter,
  arrisGateway,
  spectrumAppOnly,
  generic,
];

export const GENERIC = generic;

export function adapterById(id: string | undefined): RouterAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

export type MarkerKind = 'hostname' | 'title' | 'url' | 'text' | 'selector';

export interface Score {
  adapter: RouterAdapter;
  score: number;
  /** For developers: each marker that matched, with its pattern. */
  matched: string[];
  /** The same matches as data: which kind of marker, and the marker itself. */
  hits: Array<{ kind: MarkerKind; marker: RegExp | string }>;
}

export function scoreAdapter(adapter: RouterAdapter, page: PageInfo): Score {
  const matched: string[] = [];
  const hits: Score['hits'] = [];
  let score = 0;
  const m = adapter.markers;
  const add = (points: number, kind: MarkerKind, marker: RegExp | string) => {
    score += points;
    matched.push(`${kind === 'selector' ? 'element' : kind} ${typeof marker === 'string' ? marker : marker.source}`);
    hits.push({ kind, marker });
  };
  for (const re of m.hostnames ?? []) if (re.test(page.hostname)) add(5, 'hostname', re);
  for (const re of m.titles ?? []) if (re.test(page.title)) add(3, 'title', re);
  for (const re of m.urls ?? []) if (re.test(page.url)) add(2, 'url', re);
  for (const re of m.text ?? []) if (re.test(page.text)) add(2, 'text', re);
  for (const sel of m.selectors ?? []) if (page.doc.querySelector(sel)) add(2, 'selector', sel);
  return { adapter, score, matched, hits };
}

/** The most specific adapter for the page; ties go to the one listed first. */
export function pickAdapter(page: PageInfo): Score {
  let best: Score = { adapter: generic, score: 0, matched: [], hits: [] };
  for (const adapter of ADAPTERS) {
    if (adapter === generic) continue;
    const s = scoreAdapter(adapter, page);
    if (s.score >= (adapter.minScore ?? 2) && s.score > best.score) best = s;
  }
  return best;
}
