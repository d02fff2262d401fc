/**
 * "platform 4 · publisher 40 · community 60 · unverified 59 · first-party 27% (44 of 163)": the line
 * `npm run validate` ends with. First-party = platform or publisher, the share issue 8 sets a goal for.
 */
import type { DatasetFile } from './checks/context.ts';
import { datasetStats, LEVELS } from './dataset-stats.ts';

export function countByVerification(files: DatasetFile[]): string {
  const s = datasetStats(files);
  const parts = LEVELS.map((v) => `${v} ${s.byLevel.get(v) ?? 0}`);
  // Files that are not JSON, or whose level is missing or unknown (reported above).
  const known = LEVELS.reduce((n, v) => n + (s.byLevel.get(v) ?? 0), 0);
  const other = files.length - known;
  if (other > 0) parts.push(`no valid level ${other}`);
  if (files.length > 0) parts.push(`first-party ${Math.round((100 * s.firstParty) / files.length)}% (${s.firstParty} of ${files.length})`);
  return parts.join(' · ');
}
