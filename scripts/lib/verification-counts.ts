/**
 * "platform 4 · publisher 40 · community 60 · unverified 59 · first-party 27% (44 of 163)": the line
 * `npm run validate` ends with. First-party = platform or publisher, the share issue 8 sets a goal for.
 */
import { VERIFICATION } from '../../data/vocabulary.ts';
import type { DatasetFile } from './checks/context.ts';

export function countByVerification(files: DatasetFile[]): string {
  const counts = new Map<string, number>(VERIFICATION.map((v) => [v, 0]));
  let other = 0;
  for (const f of files) {
    let level: unknown;
    try {
      level = (JSON.parse(f.text) as { verification?: unknown }).verification;
    } catch {
      // invalid JSON is reported above
    }
    if (typeof level === 'string' && counts.has(level)) counts.set(level, counts.get(level)! + 1);
    else other++;
  }
  const order = ['platform', 'publisher', 'community', 'unverified'] as const;
  const parts = order.map((v) => `${v} ${counts.get(v)}`);
  if (other > 0) parts.push(`no valid level ${other}`);
  const firstParty = counts.get('platform')! + counts.get('publisher')!;
  if (files.length > 0) parts.push(`first-party ${Math.round((100 * firstParty) / files.length)}% (${firstParty} of ${files.length})`);
  return parts.join(' · ');
}
