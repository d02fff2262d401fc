/** Staleness of the generated data/preset.schema.json. */
import { generateJsonSchemaText } from '../json-schema.ts';
import { LineMap } from '../json-source.ts';
import type { Problem } from '../problem.ts';
import { problemAt } from './context.ts';

const FIX = 'npm run schema';

/** `schemaFile` is the committed file, or `{ file, text: null }` when it does not exist. */
export function checkJsonSchemaFile(schemaFile: { file: string; text: string | null }, expected = generateJsonSchemaText()): Problem[] {
  const { file, text } = schemaFile;
  if (text === null) return [problemAt('json-schema', file, { line: 1, col: 1, offset: 0 }, [], 'is missing (it gives editors completion and checks)', FIX)];
  if (text === expected) return [];
  let i = 0;
  while (i < text.length && text[i] === expected[i]) i++;
  const at = new LineMap(text).position(i);
  return [problemAt('json-schema', file, at, [], 'is out of date with data/schema.ts (first difference here)', FIX)];
}
