/**
 * data/sources.json itself: valid JSON, the registry's shape, and its house style (sorted keys,
 * one entry per line). Returns the lookup the verification check uses, when the file is usable.
 */
import { parseJsonDocument, type JsonDocument } from '../json-source.ts';
import type { JsonPath, Problem } from '../problem.ts';
import { registryText, sourceRegistrySchema, SourceLookup } from '../source-registry.ts';
import { problemAt } from './context.ts';

export interface RegistryFile {
  file: string;
  /** null when the file does not exist. */
  text: string | null;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const part of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[part] : undefined;
  return v;
}

export function checkRegistryFile({ file, text }: RegistryFile): { lookup?: SourceLookup; problems: Problem[] } {
  const at = (doc: JsonDocument, path: JsonPath, message: string, fix: string) => problemAt('sources-registry', file, doc.locate(path), path, message, fix);
  if (text === null) {
    return { problems: [problemAt('sources-registry', file, { line: 1, col: 1, offset: 0 }, [], 'is missing: verification levels cannot be checked', 'restore data/sources.json from git')] };
  }
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) {
    const e = parsed.errors[0]!;
    return { problems: [problemAt('sources-registry', file, e, [], `invalid JSON: ${e.message}`, 'correct the syntax here (a rebase conflict marker?)')] };
  }
  const { doc } = parsed;
  const result = sourceRegistrySchema.safeParse(doc.value);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => {
        const path = issue.path as JsonPath;
        if (issue.code === 'unrecognized_keys') return at(doc, path, `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`, 'entries hold only class, owner, presets and note');
        if (issue.code === 'invalid_value') return at(doc, path, `${JSON.stringify(valueAt(doc.value, path))} is not allowed here`, `use one of: ${issue.values.map(String).join(', ')}`);
        return at(doc, path, issue.message, 'see scripts/lib/source-registry.ts for the expected shape');
      }),
    };
  }
  const expected = registryText(result.data);
  const problems: Problem[] = [];
  if (expected !== text) {
    const lines = text.split('\n');
    const want = expected.split('\n');
    let i = 0;
    while (i < lines.length && lines[i] === want[i]) i++;
    problems.push(
      problemAt('sources-registry', file, { line: i + 1, col: 1, offset: 0 }, [], `not in house style from here (keys sorted, one entry per line); expected: ${want[i]?.trim() ?? 'end of file'}`, 'npm run format'),
    );
  }
  return { lookup: new SourceLookup(result.data), problems };
}
