/** Canonical form: says what `npm run format` would change, at the place it would change. */
import type { Problem } from '../problem.ts';
import { presetProblem, problemAt, type Check } from './context.ts';

const FIX = 'npm run format';

export const formattingCheck: Check = {
  name: 'format',
  run({ presets }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      const { text: expected, changes } = preset.canonical;
      if (expected === preset.text) continue;
      for (const change of changes) problems.push(presetProblem('format', preset, change.path, change.message, FIX));
      // Repeated keys are already reported, and explain the difference.
      if (changes.length > 0 || preset.duplicateKeys > 0) continue;
      // Same structure, different layout: point at the first character that differs.
      const text = preset.text;
      if (text.trimEnd() === expected.trimEnd()) {
        const at = preset.doc.lines.position(text.trimEnd().length);
        const message = text.endsWith('\n') ? 'would end the file with exactly one newline' : 'would add a newline at the end of the file';
        problems.push(problemAt('format', preset.file, at, [], message, FIX));
        continue;
      }
      let i = 0;
      while (i < text.length && text[i] === expected[i]) i++;
      const what = text.includes('\r\n') ? 'would use \\n line endings and 2-space JSON layout' : 'would lay this out as 2-space JSON (objects one key per line, arrays of strings on one line)';
      problems.push(problemAt('format', preset.file, preset.doc.lines.position(i), [], what, FIX));
    }
    return problems;
  },
};
