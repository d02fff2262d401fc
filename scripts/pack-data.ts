/** npm run pack:data: the dataset as the portpilot-presets npm package, packed into .output/. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib/dataset-fs';
import { packData } from './lib/pack-data';

const { tarball, presets } = await packData(path.join(REPO_ROOT, '.output'));
console.log(`pack:data: ${presets} presets → ${path.relative(REPO_ROOT, tarball)} (${(statSync(tarball).size / 1024).toFixed(1)} kB)`);
