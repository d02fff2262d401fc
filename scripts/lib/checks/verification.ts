/**
 * Sources against data/sources.json: denied sites are never cited (preset or rule sources), and
 * `verification` must be what the cited sites support:
 *   platform  → a site registered as "platform" that lists this preset,
 *   publisher → a site registered as "publisher" or "project-repo" that lists this preset (or a
 *               "platform" site that lists it: Microsoft's pages are first-party for Teams too),
 *   community → any source that is not denied,
 *   unverified otherwise.
 */
import type { SourceLookup, SourceMatch } from '../source-registry.ts';
import type { Problem } from '../problem.ts';
import { isObj, presetProblem, sourceLists, type Check, type ParsedPreset } from './context.ts';

type Level = 'platform' | 'publisher' | 'community' | 'unverified';

interface Cited {
  url: string;
  match: SourceMatch;
}

const listsPreset = (m: SourceMatch, id: string) => m.kind === 'registered' && (m.entry.presets ?? []).includes(id);
const isPlatformFor = (m: SourceMatch, id: string) => m.kind === 'registered' && m.entry.class === 'platform' && listsPreset(m, id);
const isPublisherFor = (m: SourceMatch, id: string) =>
  m.kind === 'registered' && (m.entry.class === 'publisher' || m.entry.class === 'project-repo' || m.entry.class === 'platform') && listsPreset(m, id);

/** The strongest level the cited (not denied) sources support. */
function supportedLevel(cited: Cited[], id: string): Level {
  if (cited.some((c) => isPlatformFor(c.match, id))) return 'platform';
  if (cited.some((c) => isPublisherFor(c.match, id))) return 'publisher';
  if (cited.some((c) => c.match.kind !== 'denied')) return 'community';
  return 'unverified';
}

const hostOf = (m: SourceMatch) => (m.kind === 'unregistered' ? m.host : m.key);

/** Why `claimed` is not supported, and what would fix it. */
function levelProblem(preset: ParsedPreset, id: string, claimed: Level, cited: Cited[], registryFile: string): Problem {
  const supported = supportedLevel(cited, id);
  const wantClass = claimed === 'platform' ? '"platform"' : '"publisher" or "project-repo"';
  const fallback = `or set "verification": "${supported}" (what the sources support)`;
  if (claimed === 'community') {
    return presetProblem('verification', preset, ['verification'], `"community" needs at least one source that is not on the deny list of ${registryFile}`, `cite a maintained wiki, a vendor's knowledge base or the publisher's page, ${fallback}`);
  }
  // A registered first-party site that does not list this preset: the likely fix is the registry.
  const sameClass = cited.find((c) =>
    c.match.kind === 'registered' && (claimed === 'platform' ? c.match.entry.class === 'platform' : c.match.entry.class !== 'community-wiki' && c.match.entry.class !== 'vendor-kb'),
  );
  const unregistered = cited.find((c) => c.match.kind === 'unregistered');
  let fix: string;
  if (sameClass) {
    fix = `if ${hostOf(sameClass.match)} is the ${claimed === 'platform' ? 'platform owner' : 'publisher'} of this preset, add "${id}" to its "presets" in ${registryFile}; ${fallback}`;
  } else if (unregistered) {
    fix = `if ${hostOf(unregistered.match)} is run by the ${claimed === 'platform' ? 'platform owner' : 'publisher'}, register it in ${registryFile} as ${wantClass} with "presets": ["${id}"]; ${fallback}`;
  } else {
    fix = `cite the ${claimed === 'platform' ? "platform owner's" : "publisher's"} own page, ${fallback}`;
  }
  return presetProblem('verification', preset, ['verification'], `"${claimed}" needs a source on a site registered as ${wantClass} for "${id}" in ${registryFile}`, fix);
}

function checkPreset(preset: ParsedPreset, lookup: SourceLookup, registryFile: string, problems: Problem[]): void {
  const v = preset.value;
  if (!isObj(v)) return;
  const cited: Cited[] = [];
  for (const { path, sources } of sourceLists(v)) {
    sources.forEach((source, i) => {
      if (!isObj(source) || typeof source.url !== 'string') return;
      const match = lookup.match(source.url);
      if (!match) return;
      cited.push({ url: source.url, match });
      if (match.kind === 'denied') {
        problems.push(
          presetProblem('verification', preset, [...path, i, 'url'], `${match.key} may never be cited (${match.reason})`, "remove this source; cite the publisher's or platform owner's own page, and lower \"verification\" if nothing else backs the ports"),
        );
      }
    });
  }
  const id = typeof v.id === 'string' ? v.id : '';
  const claimed = v.verification;
  if (claimed !== 'platform' && claimed !== 'publisher' && claimed !== 'community') return;
  const ok =
    claimed === 'platform'
      ? cited.some((c) => isPlatformFor(c.match, id))
      : claimed === 'publisher'
        ? cited.some((c) => isPublisherFor(c.match, id))
        : cited.some((c) => c.match.kind !== 'denied');
  // No sources at all is the schema's problem ("needs at least one source").
  if (!ok && cited.length > 0) problems.push(levelProblem(preset, id, claimed, cited, registryFile));
}

export const verificationCheck: Check = {
  name: 'verification',
  run({ presets, sources }) {
    const problems: Problem[] = [];
    if (!sources) return problems;
    for (const preset of presets) checkPreset(preset, sources.lookup, sources.file, problems);
    return problems;
  },
};
