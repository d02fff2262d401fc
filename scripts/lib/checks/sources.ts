/**
 * Sources beyond the schema: dates in the future and the same page cited twice.
 * (Missing sources, non-https URLs and impossible dates are schema issues with their own fixes.)
 */
import type { Problem } from '../problem.ts';
import { isObj, presetProblem, type Check } from './context.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const sourcesCheck: Check = {
  name: 'sources',
  run({ presets, today }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      const sources = isObj(preset.value) ? preset.value.sources : undefined;
      if (!Array.isArray(sources)) continue;
      const seen = new Map<string, number>();
      sources.forEach((source, i) => {
        if (!isObj(source)) return;
        const { checked, url } = source;
        if (typeof checked === 'string' && DATE.test(checked) && checked > today) {
          problems.push(
            presetProblem('sources', preset, ['sources', i, 'checked'], `checked date ${checked} is in the future (today is ${today})`, 'write the day you actually compared the ports with the page'),
          );
        }
        if (typeof url === 'string') {
          const key = url.replace(/\/+$/, '').toLowerCase();
          const first = seen.get(key);
          if (first !== undefined) {
            problems.push(presetProblem('sources', preset, ['sources', i, 'url'], `the same page is already cited at sources[${first}]`, 'remove this entry; keep the one with the latest "checked" date'));
          } else seen.set(key, i);
        }
      });
    }
    return problems;
  },
};
