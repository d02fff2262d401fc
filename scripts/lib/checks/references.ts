/**
 * Composition: `uses` must name existing presets that have an entry for the same platform, and
 * must not loop. A console game must not copy a platform preset's rules (a console network or a
 * launcher): when its own forward rules on a console cover all of that preset's rules there, it
 * should reference it instead, so a fix to the platform preset reaches every game. (On PCs a
 * game's own port often equals a launcher's by coincidence, e.g. 3074, so PCs are not checked.)
 */
import { mergeRanges, rangesOf } from '../../../data/port-ranges.ts';
import type { PortRange } from '../../../data/vocabulary.ts';
import { formatJsonPath, type Problem } from '../problem.ts';
import { fileStem, isObj, presetProblem, type Check, type Obj, type ParsedPreset } from './context.ts';

/** Categories whose presets others build on. */
export const PLATFORM_PRESET_CATEGORIES = new Set(['console-network', 'launcher']);
export const CONSOLES = new Set(['ps5', 'ps4', 'xbox-series', 'xbox-one', 'switch', 'switch-2']);

interface Node {
  preset: ParsedPreset;
  value: Obj;
  platforms: Obj;
}

function usesOf(node: Node | undefined, platform: string): unknown[] {
  const entry = node?.platforms[platform];
  return isObj(entry) && Array.isArray(entry.uses) ? entry.uses : [];
}

function forwardOf(node: Node, platform: string): Obj[] {
  const entry = node.platforms[platform];
  return isObj(entry) && Array.isArray(entry.forward) ? entry.forward.filter(isObj) : [];
}

/** Merged port ranges per protocol of some forward rules ("both" counts for each). */
function coverage(rules: Obj[]): { tcp: PortRange[]; udp: PortRange[] } {
  const tcp: PortRange[] = [];
  const udp: PortRange[] = [];
  for (const rule of rules) {
    const ranges = rangesOf(rule.ports);
    if (rule.protocol !== 'udp') tcp.push(...ranges);
    if (rule.protocol !== 'tcp') udp.push(...ranges);
  }
  return { tcp: mergeRanges(tcp), udp: mergeRanges(udp) };
}

const covers = (merged: PortRange[], r: PortRange) => merged.some((m) => m.start <= r.start && r.end <= m.end);
function coversAll(outer: { tcp: PortRange[]; udp: PortRange[] }, inner: { tcp: PortRange[]; udp: PortRange[] }): boolean {
  return inner.tcp.every((r) => covers(outer.tcp, r)) && inner.udp.every((r) => covers(outer.udp, r));
}

/** The reference chain from `to` back to `from` on `platform`, if there is one (depth-first). */
function pathBack(nodes: Map<string, Node>, from: string, to: string, platform: string): string[] | null {
  const seen = new Set<string>();
  const stack: { id: string; path: string[] }[] = [{ id: to, path: [to] }];
  while (stack.length > 0) {
    const { id, path } = stack.pop()!;
    if (id === from) return path;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of usesOf(nodes.get(id), platform)) if (typeof next === 'string') stack.push({ id: next, path: [...path, next] });
  }
  return null;
}

export const referencesCheck: Check = {
  name: 'references',
  run({ presets }) {
    const problems: Problem[] = [];
    const nodes = new Map<string, Node>();
    for (const preset of presets) {
      const v = preset.value;
      if (!isObj(v) || !isObj(v.platforms)) continue;
      const id = typeof v.id === 'string' ? v.id : fileStem(preset.file);
      if (!nodes.has(id)) nodes.set(id, { preset, value: v, platforms: v.platforms });
    }
    // Per console, the platform presets with rules there, and what those rules cover.
    const platformRules = new Map<string, { id: string; node: Node; theirs: ReturnType<typeof coverage> }[]>();
    for (const [pid, n] of nodes) {
      if (!PLATFORM_PRESET_CATEGORIES.has(String(n.value.category))) continue;
      for (const platform of Object.keys(n.platforms)) {
        const theirs = coverage(forwardOf(n, platform));
        if (!CONSOLES.has(platform) || theirs.tcp.length + theirs.udp.length === 0) continue;
        platformRules.set(platform, [...(platformRules.get(platform) ?? []), { id: pid, node: n, theirs }]);
      }
    }

    for (const [id, node] of nodes) {
      const { preset } = node;
      for (const platform of Object.keys(node.platforms)) {
        usesOf(node, platform).forEach((used, i) => {
          if (typeof used !== 'string') return;
          const path = ['platforms', platform, 'uses', i];
          const target = nodes.get(used);
          if (used === id) {
            problems.push(presetProblem('references', preset, path, 'a preset cannot use itself', 'remove this entry'));
          } else if (!target) {
            problems.push(presetProblem('references', preset, path, `no preset has the id "${used}"`, 'write the id of an existing preset (its file name without .json), or remove this entry'));
          } else if (!isObj(target.platforms[platform])) {
            const has = Object.keys(target.platforms).join(', ');
            problems.push(presetProblem('references', preset, path, `"${used}" has no "${platform}" entry (it has: ${has})`, `reference it only on platforms it covers, or add "${platform}" to ${target.preset.file}`));
          } else {
            const back = pathBack(nodes, id, used, platform);
            if (back) {
              problems.push(presetProblem('references', preset, path, `reference cycle on ${platform}: ${[id, ...back].join(' → ')}`, 'remove one of these "uses" entries: a preset cannot include itself through others'));
            }
          }
        });

        // Copies of a platform preset's rules.
        const own = forwardOf(node, platform);
        if (own.length === 0 || !CONSOLES.has(platform) || PLATFORM_PRESET_CATEGORIES.has(String(node.value.category))) continue;
        const candidates = platformRules.get(platform) ?? [];
        if (candidates.length === 0) continue;
        const mine = coverage(own);
        const uses = new Set(usesOf(node, platform));
        for (const { id: pid, node: platformPreset, theirs } of candidates) {
          if (pid === id || !coversAll(mine, theirs)) continue;
          const name = typeof platformPreset.value.name === 'string' ? platformPreset.value.name : pid;
          const where: (string | number)[] = ['platforms', platform, 'forward'];
          problems.push(
            uses.has(pid)
              ? presetProblem('references', preset, where, `repeats the ${platform} rules of ${pid} (${name}), which "uses" already includes`, `remove the repeated rules from ${formatJsonPath(where)}; keep only this preset's own ports`)
              : presetProblem('references', preset, where, `copies the ${platform} rules of ${pid} (${name})`, `use: ${pid}: remove the copied rules and add "uses": ["${pid}"] to platforms.${platform}; keep only this preset's own ports`),
          );
        }
      }
    }
    return problems;
  },
};
