// The dataset as an npm package: packed, installed into a scratch project from the tarball
// (offline), then used from JavaScript (ESM and CommonJS) and from TypeScript.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/dataset-fs';
import { packData } from '../../../scripts/lib/pack-data';

let scratch: string;
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'portpilot-package-'));
  const { tarball } = await packData(scratch);
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('imports from ESM with references expanded', () => {
  writeFileSync(
    path.join(scratch, 'esm.js'),
    `import { presets, presetById } from 'portpilot-presets';
const xbox = presetById('xbox-network');
console.log(JSON.stringify({ count: presets.length, hasForward: xbox.platforms['xbox-series'].forward.length > 0, sorted: presets.every((p, i) => i === 0 || presets[i - 1].id < p.id) }));`,
  );
  const out = JSON.parse(run('node', ['esm.js']));
  expect(out.count).toBeGreaterThan(150);
  expect(out).toMatchObject({ hasForward: true, sorted: true });
});

it('requires from CommonJS, and exposes the JSON, the schema and the source files', () => {
  writeFileSync(
    path.join(scratch, 'cjs.cjs'),
    `const { presets } = require('portpilot-presets');
const json = require('portpilot-presets/presets.json');
const schema = require('portpilot-presets/preset.schema.json');
const source = require('portpilot-presets/presets/xbox-network.json');
console.log(JSON.stringify({ same: json.length === presets.length, schema: schema.title, source: source.id }));`,
  );
  expect(JSON.parse(run('node', ['cjs.cjs']))).toEqual({ same: true, schema: 'PortPilot preset', source: 'xbox-network' });
});

it('type-checks TypeScript that uses it, and its types catch a wrong protocol', () => {
  const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
  const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false'];
  writeFileSync(
    path.join(scratch, 'good.ts'),
    `import { presets, presetById, type ExpandedPreset, type Platform } from 'portpilot-presets';
const first: ExpandedPreset = presets[0]!;
const platform: Platform = 'ps5';
const rules = presetById('xbox-network')?.platforms['xbox-series']?.forward ?? [];
const tcp = rules.filter((r) => r.protocol === 'tcp').map((r) => r.ports.join(','));
console.log(first.id, platform, tcp, rules[0]?.from);`,
  );
  run('node', [tsc, ...options, 'good.ts']);
  writeFileSync(
    path.join(scratch, 'bad.ts'),
    `import { presets } from 'portpilot-presets';
const sctp = presets.some((p) => p.platforms.pc?.forward.some((r) => r.protocol === 'sctp'));
console.log(sctp);`,
  );
  const failure = (() => {
    try {
      run('node', [tsc, ...options, 'bad.ts']);
      return '';
    } catch (e) {
      return String((e as { stdout?: string }).stdout);
    }
  })();
  expect(failure).toMatch(/bad\.ts\(2,\d+\): error TS2367/);
}, 60_000);
