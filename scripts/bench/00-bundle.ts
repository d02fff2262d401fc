/** bundle.kb_gz: the gzipped data bundle the extension ships (presets + prebuilt search index). */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_FILES } from '../../extension/lib/presets/bundle';
import type { Bench } from './types';

const bench: Bench = {
  name: 'bundle',
  run() {
    const files = Object.values(BUNDLE_FILES).map((f) => join('build/public', f));
    execSync('npm run -s build:data', { stdio: 'ignore' }); // always from the current data/
    if (!files.every(existsSync)) throw new Error('build:data did not write the bundle');
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
    return [{ name: 'bundle.kb_gz', value: Math.round(gz / 102.4) / 10, unit: 'kB' }];
  },
};
export default bench;
