/**
 * npm run format [-- --dir <presets dir>] [files…]
 * Rewrites preset files in canonical form (see scripts/lib/canonical.ts), and, without file
 * arguments, the source registry next to the presets (data/sources.json) in its house style. Idempotent.
 * Files that are not valid JSON are left alone and named in an error; the exit code is then 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalText } from './lib/canonical.ts';
import { displayPath, presetPaths, readIfExists, registryPathFor, resolvePresetsDir } from './lib/dataset-fs.ts';
import { registryText } from './lib/source-registry.ts';
import { parseJsonDocument } from './lib/json-source.ts';

const { values, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true });
const paths = positionals.length > 0 ? positionals.map((p) => resolve(p)) : presetPaths(resolvePresetsDir(values.dir));

let changed = 0;
let failed = 0;
for (const abs of paths) {
  const text = readFileSync(abs, 'utf8');
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) {
    const e = parsed.errors[0]!;
    console.error(`${displayPath(abs)}:${e.line}:${e.col}  invalid JSON: ${e.message}; left unchanged`);
    failed++;
    continue;
  }
  const formatted = canonicalText(parsed.doc.value);
  if (formatted !== text) {
    writeFileSync(abs, formatted);
    console.log(`formatted ${displayPath(abs)}`);
    changed++;
  }
}
if (positionals.length === 0) {
  const registryPath = registryPathFor(resolvePresetsDir(values.dir));
  const text = readIfExists(registryPath);
  let registry: { domains?: unknown; deny?: unknown } | undefined;
  try {
    registry = text === null ? undefined : JSON.parse(text);
  } catch {
    console.error(`${displayPath(registryPath)}: invalid JSON; left unchanged`);
    failed++;
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (registry && isRecord(registry.domains) && isRecord(registry.deny)) {
    const formatted = registryText({ domains: registry.domains, deny: registry.deny });
    if (formatted !== text) {
      writeFileSync(registryPath, formatted);
      console.log(`formatted ${displayPath(registryPath)}`);
      changed++;
    }
  }
}
console.log(`${paths.length} files, ${changed} changed${failed ? `, ${failed} left alone (invalid JSON)` : ''}`);
if (failed) process.exit(1);
