/**
 * zod's own messages ("Too small: expected string to have >=3 characters") in plain words, each
 * with the JSON path it is about. Messages our schemas write themselves are kept as they are.
 */
import type { z } from 'zod';
import { PLATFORMS } from '../../../data/vocabulary';

export type JsonPath = (string | number)[];

/** One thing to fix, at a place in the preset or file. */
export interface PathProblem {
  path: JsonPath;
  message: string;
}

/** `platforms.pc.forward.0.ports: message`; `prefix` is where the object sits in a larger file. */
export function formatProblem({ path, message }: PathProblem, prefix = ''): string {
  const where = [prefix, ...path.map(String)].filter(Boolean).join('.');
  return where ? `${where}: ${message}` : message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' ? `the number ${value}` : `${typeof value} ${String(value)}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function plainMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      return `must be ${KIND_WORDS[issue.expected] ?? issue.expected}, not ${kindOf(value)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 || (typeof value === 'string' && !value.trim()) ? 'is empty' : `is too short: at least ${count(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'needs at least one entry' : `needs at least ${count(min, 'entry', 'entries')}`;
      return `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `is too long: at most ${count(max, 'character')}${typeof value === 'string' ? ` (this has ${value.length})` : ''}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has too many entries: at most ${max}${Array.isArray(value) ? ` (this has ${value.length})` : ''}`;
      return `must be at most ${max}`;
    }
    case 'invalid_value':
      return `${value === undefined ? 'is missing; it' : `${JSON.stringify(value)} is not a choice here; it`} must be one of ${quoted(issue.values)}`;
    case 'unrecognized_keys': {
      const last = issue.path[issue.path.length - 1];
      const keys = quoted(issue.keys);
      if (last === 'platforms') return `${keys} ${issue.keys.length === 1 ? 'is not a platform' : 'are not platforms'} PortPilot knows; use ${quoted(PLATFORMS)}`;
      return `${keys} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} PortPilot knows here; check the spelling, or remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    }
    case 'invalid_format':
      // Our patterns carry their own words; zod's default ("Invalid string: …") does not.
      return issue.message.startsWith('Invalid') ? 'is not written the way PortPilot expects' : issue.message;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'is not in a form PortPilot can read';
    default:
      return issue.message;
  }
}

/** Each issue of a failed parse of `input`, in plain words. */
export function plainIssues(error: z.ZodError, input: unknown): PathProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)), message: plainMessage(issue, input) }));
}
