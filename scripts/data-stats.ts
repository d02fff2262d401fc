/**
 * npm run stats [-- --dir <presets dir>]
 * The dataset figures issue 8 asks for, from the files as they are: presets by category and
 * verification level, the first-party share (platform + publisher), presets that keep client-only
 * ports in `outbound`, presets that reference a platform preset with `uses`, and "nothing to forward".
 * Read-only; invalid files are skipped here (`npm run validate` reports them).
 */
import { parseArgs } from 'node:util';
import { readDataset, resolvePresetsDir } from './lib/dataset-fs.ts';
import { datasetStats, formatStats } from './lib/dataset-stats.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
console.log(formatStats(datasetStats(readDataset(resolvePresetsDir(values.dir)))));
