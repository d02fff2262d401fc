/** Parsing: invalid JSON (with line and column) and duplicate keys. */
import { canonicalizePreset, stringifyCanonical } from '../canonical.ts';
import { findDuplicateKeys, parseJsonDocument } from '../json-source.ts';
import type { Problem } from '../problem.ts';
import { problemAt, type DatasetFile, type ParsedPreset } from './context.ts';

export function parsePresetFiles(files: DatasetFile[]): { parsed: ParsedPreset[]; problems: Problem[] } {
  const parsed: ParsedPreset[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const result = parseJsonDocument(f.text);
    if (!result.ok) {
      // The first syntax error is the real one; the rest usually follow from it.
      const e = result.errors[0]!;
      problems.push(
        problemAt('json', f.file, e, [], `invalid JSON: ${e.message}`, 'correct the syntax here; other checks skip this file until it parses'),
      );
      continue;
    }
    const { doc } = result;
    const canonical = canonicalizePreset(doc.value);
    const canonicalText = stringifyCanonical(canonical.value);
    const preset: ParsedPreset = { ...f, doc, value: doc.value, canonical: { text: canonicalText, changes: canonical.changes }, duplicateKeys: 0 };
    parsed.push(preset);
    // A file equal to its canonical form (re-serialised from the parsed value) cannot repeat a key.
    if (canonicalText === f.text) continue;
    for (const dup of findDuplicateKeys(doc.root)) {
      preset.duplicateKeys++;
      const first = doc.lines.position(dup.firstOffset);
      problems.push(
        problemAt('json', f.file, doc.lines.position(dup.offset), dup.path, `duplicate key "${dup.key}" (also at line ${first.line}); JSON keeps only the last one`, 'keep one of them'),
      );
    }
  }
  return { parsed, problems };
}
