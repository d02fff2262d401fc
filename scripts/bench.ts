/**
 * npm run bench: runs each module in scripts/bench/*.ts in file-name order and prints one
 * `name: value unit` line per figure. A bench module default-exports a Bench (see scripts/bench/types.ts).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './bench/types.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
  .sort();

let failed = false;
for (const file of modules) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)).default as Bench;
  if (only.length > 0 && !only.some((o) => file.includes(o) || bench.name.includes(o))) continue;
  try {
    for (const figure of await bench.run()) console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
  } catch (e) {
    failed = true;
    console.error(`${file}: ${(e as Error).stack ?? e}`);
  }
}
if (failed) process.exit(1);
