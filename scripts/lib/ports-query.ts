/**
 * npm run ports: the popup's search (extension/lib/presets/search.ts) on the shipped dataset,
 * from a terminal. Pure apart from reading the presets, so tests call it directly.
 */
import { parseArgs } from 'node:util';
import { PLATFORM_LABELS, PLATFORMS } from '../../data/vocabulary';
import { buildSearchIndex, CATEGORY_LABELS } from '../../extension/lib/presets/bundle';
import { isPlatform, isPlatformGroup, PLATFORM_GROUPS } from '../../extension/lib/presets/platforms';
import { ruleSummary } from '../../extension/lib/presets/rule-text';
import { PresetSearch, type MatchedRule, type SearchHit } from '../../extension/lib/presets/search';
import { resolvePresetsDir } from './dataset-fs';
import { loadShippedDataset } from './shipped-presets';

export const PORTS_USAGE = 'usage: npm run ports -- <query> [--platform ps5] [--limit N] [--json] [--dir <presets dir>]';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What --json prints per result: stable field names for scripts. */
export interface PortsJsonHit {
  id: string;
  name: string;
  score: number;
  matched: MatchedRule[];
}

export function toJsonHit(hit: SearchHit): PortsJsonHit {
  return { id: hit.preset.id, name: hit.preset.name, score: Math.round(hit.score * 1000) / 1000, matched: hit.matched };
}

function humanLines(query: string, hits: readonly SearchHit[]): string[] {
  if (hits.length === 0) return [`No preset for "${query}" yet.`];
  return hits.flatMap((hit, n) => [
    `${String(n + 1).padStart(2)}. ${hit.preset.name} (${hit.preset.id}) · ${CATEGORY_LABELS[hit.preset.category]}`,
    ...hit.matched.map((m) => `      ${ruleSummary({ ...m, ports: [m.ports] })} [${m.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')}]${m.from ? ` (from ${m.from})` : ''}`),
  ]);
}

const fail = (message: string): CommandResult => ({ code: 2, stdout: '', stderr: `ports: ${message}\n${PORTS_USAGE}\n` });

export async function portsCommand(argv: readonly string[]): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { platform: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false }, dir: { type: 'string' } },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  const query = positionals.join(' ').trim();
  if (!query) return fail('give a game, an app or a port to look for');
  const platform = values.platform?.toLowerCase();
  if (platform !== undefined && !isPlatformGroup(platform) && !isPlatform(platform)) {
    return fail(`unknown platform "${values.platform}"; use one of ${[...PLATFORMS, ...Object.keys(PLATFORM_GROUPS)].filter((p, i, all) => all.indexOf(p) === i).join(', ')}`);
  }
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return fail(`--limit must be a whole number from 1 to 1000, not "${values.limit}"`);

  const { presets } = await loadShippedDataset(resolvePresetsDir(values.dir));
  const search = new PresetSearch(presets, buildSearchIndex(presets));
  const hits = search.search(query, { platform, limit });
  const stdout = values.json ? `${JSON.stringify(hits.map(toJsonHit), null, 2)}\n` : `${humanLines(query, hits).join('\n')}\n`;
  return { code: 0, stdout, stderr: '' };
}
