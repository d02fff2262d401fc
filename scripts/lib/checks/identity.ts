/**
 * Identity: id must equal the file name, ids must be unique, and no name or alias of one preset
 * may equal (case-insensitively) a name or alias of another: search would not know which one you meant.
 * Nor may a name or alias spell another preset's id ("Steam" on a game): it reads as that preset.
 */
import { nameKey, toKebabId } from '../ids.ts';
import type { JsonPath, Problem } from '../problem.ts';
import { fileStem, isObj, presetProblem, type Check, type ParsedPreset } from './context.ts';

interface NameEntry {
  preset: ParsedPreset;
  path: JsonPath;
  text: string;
  kind: 'name' | 'alias';
}

/** Names and aliases of one parsed preset (whatever is a string; the schema reports the rest). */
export function namesOf(preset: ParsedPreset): NameEntry[] {
  const v = preset.value;
  if (!isObj(v)) return [];
  const out: NameEntry[] = [];
  if (typeof v.name === 'string' && v.name.trim()) out.push({ preset, path: ['name'], text: v.name, kind: 'name' });
  if (Array.isArray(v.aliases)) {
    v.aliases.forEach((a, i) => {
      if (typeof a === 'string' && a.trim()) out.push({ preset, path: ['aliases', i], text: a, kind: 'alias' });
    });
  }
  return out;
}

/** The id a name would spell; plain ASCII (nearly every name) skips the costly Unicode folding. */
const idKey = (text: string) => (/^[\x20-\x7e]*$/.test(text) && !/['&]/.test(text) ? text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') : toKebabId(text));

const idOf = (p: ParsedPreset) => (isObj(p.value) && typeof p.value.id === 'string' ? p.value.id : undefined);

export const identityCheck: Check = {
  name: 'identity',
  run({ presets }) {
    const problems: Problem[] = [];
    const byId = new Map<string, ParsedPreset[]>();
    const byName = new Map<string, NameEntry[]>();

    for (const preset of presets) {
      const id = idOf(preset);
      const stem = fileStem(preset.file);
      if (id !== undefined) {
        if (id !== stem) {
          problems.push(
            presetProblem('identity', preset, ['id'], `id "${id}" does not match the file name "${stem}.json"`, `rename the file to ${id}.json or set "id": "${stem}"`),
          );
        }
        byId.set(id, [...(byId.get(id) ?? []), preset]);
      }
      for (const entry of namesOf(preset)) {
        const key = nameKey(entry.text);
        const list = byName.get(key);
        if (list) list.push(entry);
        else byName.set(key, [entry]);
      }
    }

    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const preset of list) {
        const others = list.filter((p) => p !== preset).map((p) => p.file);
        problems.push(presetProblem('identity', preset, ['id'], `duplicate id "${id}" (also in ${others.join(', ')})`, 'give each preset its own id, or merge the two files'));
      }
    }

    for (const list of byName.values()) {
      for (const entry of list) {
        const owner = byId.get(idKey(entry.text))?.[0];
        if (!owner || owner === entry.preset) continue;
        const id = idOf(owner)!;
        problems.push(
          presetProblem('identity', entry.preset, entry.path, `${entry.kind} "${entry.text}" is the id of another preset (${owner.file})`, entry.kind === 'alias' ? `remove the alias or make it specific to this preset; if this preset includes ${id}'s ports, write "uses": ["${id}"]` : 'make the name specific to this preset, e.g. add the edition or what it is for'),
        );
      }

      if (list.length < 2) continue;
      for (const entry of list) {
        const others = list.filter((e) => e !== entry);
        const sameFile = others.filter((e) => e.preset === entry.preset);
        const otherFiles = others.filter((e) => e.preset !== entry.preset);
        if (otherFiles.length > 0) {
          const where = otherFiles.map((e) => `${e.kind} of ${e.preset.file}`).join(', ');
          problems.push(
            presetProblem('identity', entry.preset, entry.path, `${entry.kind} "${entry.text}" collides with the ${where}`, entry.kind === 'alias' ? 'remove the alias from one preset, or make it more specific' : 'make the names distinct, e.g. add the edition or year'),
          );
        } else if (entry.kind === 'alias' && sameFile.some((e) => e.kind === 'name')) {
          // An alias that repeats the preset's own name adds nothing to search.
          problems.push(presetProblem('identity', entry.preset, entry.path, `alias "${entry.text}" repeats the preset's name`, 'remove it: the name is searched already'));
        }
        // Two equal aliases in one file are a formatting change (npm run format removes the duplicate).
      }
    }
    return problems;
  },
};
