/**
 * npm run new-preset -- "Game Name" --tcp 1234,2000-2010 --udp 3074 [--platform pc[,ps5]] [--category game]
 *   [--purpose "online play"] [--dir data/presets]
 * Creates data/presets/<kebab-id>.json with "verification": "unverified", valid as it stands;
 * then you add sources and raise the verification level. Never overwrites a file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, PLATFORMS, type PresetInput } from '../data/schema.ts';
import { canonicalText } from './lib/canonical.ts';
import { displayPath, readDataset, resolvePresetsDir } from './lib/dataset-fs.ts';
import { buildPreset, NewPresetError } from './lib/new-preset.ts';
import { formatProblem, validateDataset } from './lib/validate-dataset.ts';

function fail(message: string): never {
  console.error(`new-preset: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    tcp: { type: 'string' },
    udp: { type: 'string' },
    both: { type: 'string' },
    platform: { type: 'string', default: 'pc' },
    category: { type: 'string', default: 'game' },
    purpose: { type: 'string' },
    dir: { type: 'string' },
  },
});

const name = positionals.join(' ').trim();
if (!name) {
  fail(`usage: npm run new-preset -- "Game Name" --tcp 1234,2000-2010 --udp 3074 [--platform ${PLATFORMS.join('|')}] [--category ${CATEGORIES.slice(0, 3).join('|')}|…]`);
}

const dir = resolvePresetsDir(values.dir);
if (!existsSync(dir)) fail(`no such directory: ${dir}`);
const existing = readDataset(dir);
let preset: PresetInput;
try {
  preset = buildPreset(
    { name, tcp: values.tcp, udp: values.udp, both: values.both, platform: values.platform, category: values.category, purpose: values.purpose },
    existing,
  );
} catch (e) {
  if (e instanceof NewPresetError) fail(e.message);
  throw e;
}

const abs = join(dir, `${preset.id}.json`);
if (existsSync(abs)) fail(`${displayPath(abs)} already exists; edit it instead`);
const text = canonicalText(preset);
const file = displayPath(abs);
const problems = validateDataset([...existing, { file, text }]).filter((p) => p.file === file);
if (problems.length > 0) fail(`the new preset would not validate:\n${problems.map(formatProblem).join('\n')}`);
writeFileSync(abs, text);
console.log(`created ${file}

Next:
  1. Compare the ports with the publisher's support page; add aliases people search for.
  2. Cite it: "sources": [{ "url": "https://…", "checked": "YYYY-MM-DD" }] and set "verification".
  3. npm run format && npm run validate`);
