/**
 * Sources beyond the schema: dates in the future and the same page cited twice in one list
 * (the preset's own sources, or one rule's). Missing sources, non-https URLs and impossible
 * dates are schema issues with their own fixes; which sites may be cited is the verification check.
 */
import { formatJsonPath, type Problem } from '../problem.ts';
import { isObj, presetProblem, sourceLists, type Check } from './context.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const sourcesCheck: Check = {
  name: 'sources',
  run({ presets, today }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      for (const { path, sources } of sourceLists(preset.value)) {
        const seen = new Map<string, number>();
        sources.forEach((source, i) => {
          if (!isObj(source)) return;
          const { checked, url } = source;
          if (typeof checked === 'string' && DATE.test(checked) && checked > today) {
            problems.push(
              presetProblem('sources', preset, [...path, i, 'checked'], `checked date ${checked} is in the future (today is ${today})`, 'write the day you actually compared the ports with the page'),
            );
          }
          if (typeof url !== 'string') return;
          const key = url.replace(/\/+$/, '').toLowerCase();
          const first = seen.get(key);
          if (first === undefined) seen.set(key, i);
          else {
            problems.push(
              presetProblem('sources', preset, [...path, i, 'url'], `the same page is already cited at ${formatJsonPath([...path, first])}`, 'remove this entry; keep the one with the latest "checked" date'),
            );
          }
        });
      }
    }
    return problems;
  },
};
