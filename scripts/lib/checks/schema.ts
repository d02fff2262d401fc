/** Schema violations and unknown fields, from presetSchema in data/schema.ts, with a fix per issue kind. */
import type { z } from 'zod';
import { CATEGORIES, NAT_GOALS, PLATFORMS, PROTOCOLS, UPNP_ADVICE, VERIFICATION, presetSchema } from '../../../data/schema.ts';
import { isV1Preset } from '../../../data/migrate.ts';
import { ENTRY_KEYS, GUIDANCE_KEYS, OUTBOUND_KEYS, PRESET_KEYS, RULE_KEYS, SOURCE_KEYS } from '../canonical.ts';
import { toKebabId } from '../ids.ts';
import type { JsonPath, Problem } from '../problem.ts';
import { closest } from '../suggest.ts';
import { presetProblem, type Check, type ParsedPreset } from './context.ts';

type Issue = z.core.$ZodIssue;

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

/** Which keys are allowed in the object at `path`. */
function knownKeysAt(path: JsonPath): readonly string[] {
  if (path.length === 0) return PRESET_KEYS;
  if (path[path.length - 2] === 'sources') return SOURCE_KEYS;
  if (path[0] === 'guidance') return GUIDANCE_KEYS;
  if (path[0] !== 'platforms') return [];
  if (path.length === 1) return PLATFORMS;
  if (path.length === 2) return ENTRY_KEYS;
  return path[2] === 'outbound' ? OUTBOUND_KEYS : RULE_KEYS;
}

const didYouMean = (word: string, candidates: readonly string[]) => {
  const c = closest(word, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
};

function unknownKeyProblems(preset: ParsedPreset, issue: Extract<Issue, { code: 'unrecognized_keys' }>): Problem[] {
  const objPath = issue.path as JsonPath;
  const known = knownKeysAt(objPath);
  return issue.keys.map((key) => {
    const isPlatform = objPath.length === 1 && objPath[0] === 'platforms';
    const message = isPlatform ? `unknown platform "${key}"` : `unknown field "${key}"`;
    const fix = isPlatform
      ? `use one of: ${PLATFORMS.join(', ')}${didYouMean(key, known)}`
      : `remove it or check the spelling${didYouMean(key, known)}`;
    return presetProblem('schema', preset, [...objPath, key], message, fix, { key: true });
  });
}

const ENUMS: [string, readonly string[]][] = [
  ['category', CATEGORIES],
  ['verification', VERIFICATION],
  ['protocol', PROTOCOLS],
  ['natGoal', NAT_GOALS],
  ['upnp', UPNP_ADVICE],
];

/** Message and fix for one zod issue (other than unknown keys). */
function explain(issue: Issue, value: unknown, path: JsonPath, missing: boolean): { message: string; fix: string } {
  const field = String(path[path.length - 1] ?? 'value');
  if (missing && issue.code !== 'custom') {
    const what = issue.code === 'invalid_value' ? `one of: ${issue.values.map(String).join(', ')}` : issue.code === 'invalid_type' ? `a ${issue.expected}` : 'a value';
    return { message: `missing required field "${field}"`, fix: `add "${field}" with ${what}` };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0) return { message: `a preset file must be one JSON object, got ${describe(value)}`, fix: 'start from npm run new-preset' };
      return { message: `expected ${issue.expected}, got ${describe(value)}`, fix: `make "${field}" ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}` };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      const name = ENUMS.find(([k]) => k === field)?.[0] ?? field;
      return { message: `${JSON.stringify(value)} is not a valid ${name}`, fix: `use one of: ${allowed.join(', ')}${hint}` };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const unit = issue.origin === 'array' ? (bound === 1 ? 'item' : 'items') : 'characters';
      const message = `${small ? 'too short' : 'too long'}: ${small ? 'at least' : 'at most'} ${bound} ${unit}`;
      const fix =
        issue.origin === 'array'
          ? small
            ? `add at least ${bound} ${unit}, or remove "${field}"`
            : `keep at most ${bound} ${unit}`
          : small
            ? `write at least ${bound} ${unit} (surrounding spaces do not count)`
            : `shorten it to ${bound} ${unit} or fewer`;
      return { message, fix };
    }
    case 'invalid_format':
      if (field === 'id' && typeof value === 'string') {
        return { message: `id ${issue.message}`, fix: `use "${toKebabId(value) || 'my-game'}" and rename the file to match` };
      }
      if (path.includes('ports')) return { message: `${JSON.stringify(value)}: ${issue.message}`, fix: 'write one port "3074" or one range "27015-27030" per string' };
      if (issue.format === 'url') return { message: `not a valid URL: ${JSON.stringify(value)}`, fix: 'paste the full https:// address of the page' };
      return { message: issue.message, fix: 'see data/schema.ts for the expected format' };
    case 'custom':
      return explainCustom(issue.message, value, field);
    default:
      return { message: issue.message, fix: 'see data/schema.ts for what is expected here' };
  }
}

function explainCustom(message: string, value: unknown, field: string): { message: string; fix: string } {
  if (message.startsWith('port out of range')) return { message, fix: 'ports are 1-65535; check the publisher page for the right number' };
  if (message.startsWith('range start is greater')) {
    const [a, b] = String(value).split('-');
    return { message, fix: `write the range low to high: "${b}-${a}"` };
  }
  if (message.includes('https://')) {
    const https = typeof value === 'string' ? value.replace(/^[a-z]+:\/\//i, 'https://') : 'https://…';
    return { message: `source URL must use https:// (got ${JSON.stringify(value)})`, fix: `use "${https}" if the page serves it, or find an https page` };
  }
  if (message.includes('real date')) return { message: `"${String(value)}" is not a real date YYYY-MM-DD`, fix: 'write the day you checked the page, e.g. "2026-01-31"' };
  if (message.includes('needs at least one source')) {
    return { message, fix: 'add {"url": "https://…", "checked": "YYYY-MM-DD"} to "sources", or set "verification": "unverified"' };
  }
  if (message.includes('at least one platform')) return { message, fix: 'add a platform such as "pc" with "forward" rules or "uses"' };
  if (message.includes('neither "forward" rules nor "uses"')) {
    return { message, fix: 'add "forward": [ … ] or "uses": ["<preset id>"], or remove the platform; an app that needs no forward says so in "guidance.nothingToForward"' };
  }
  if (message.startsWith('internal has')) return { message, fix: 'give one internal port or range per external one, in the same order, or remove "internal" when they are equal' };
  if (message.startsWith('internal "')) return { message, fix: 'make the internal range as wide as the external one, e.g. external "8000-8009" → internal "9000-9009"' };
  return { message, fix: `see data/schema.ts for the rules on "${field}"` };
}

export const schemaCheck: Check = {
  name: 'schema',
  run({ presets }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      if (isV1Preset(preset.value)) {
        // One clear problem instead of one per platform: the whole file is in the old format.
        problems.push(
          presetProblem('schema', preset, ['platforms'], 'is in the v1 format (a list of rules per platform)', `npm run migrate -- ${preset.file}, then npm run validate`),
        );
        continue;
      }
      const result = presetSchema.safeParse(preset.value);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          problems.push(...unknownKeyProblems(preset, issue));
          continue;
        }
        const path = issue.path as JsonPath;
        const missing = path.length > 0 && !preset.doc.has(path);
        const { message, fix } = explain(issue, valueAt(preset.value, path), path, missing);
        problems.push(presetProblem('schema', preset, path, message, fix));
      }
    }
    return problems;
  },
};
