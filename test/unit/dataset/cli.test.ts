/** The npm scripts end to end, on temporary copies of fixtures (never on data/presets). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../scripts/lib/canonical.ts';
import { REPO_ROOT } from '../../../scripts/lib/dataset-fs.ts';
import { buildPreset, NewPresetError } from '../../../scripts/lib/new-preset.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';
import { FIXTURES } from './helpers.ts';

const npm = (...args: string[]) => spawnSync('npm', ['run', '--silent', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
const PROBLEM_LINE = /^\S+\.json:\d+:\d+ {2}\S+ {2}.+ {2}\(fix: .+\)$/;

function tmpCopy(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'portpilot-presets-'));
  for (const f of files) copyFileSync(join(FIXTURES, f), join(dir, f.replace(/^.*\//, '')));
  return dir;
}

describe('npm run validate', () => {
  it('exits non-zero on a bad directory and prints one line per problem', () => {
    const r = npm('validate', '--', '--dir', 'test/fixtures/presets/bad', '--today', '2026-11-25');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const problems = lines.filter((l) => PROBLEM_LINE.test(l));
    expect(problems.length).toBeGreaterThanOrEqual(25);
    expect(lines).toContain('test/fixtures/presets/bad/port-out-of-range.json:12:29  platforms.pc.forward[0].ports[1]  port out of range 1-65535 in "70000"  (fix: ports are 1-65535; check the publisher page for the right number)');
    expect(lines.at(-2)).toMatch(/^✖ 37 presets, \d+ errors in 36 files/); // console-net.json is valid: others reference it
    expect(lines.at(-1)).toMatch(/^ {2}by verification: platform 1 · publisher \d+ · community 1 · unverified 0 · no valid level 3 · first-party (\d+)% \(\d+ of \d+\)$/); // 2 files are not JSON, 1 lacks the field
  }, 30_000);

  it('exits 0 with a one-line summary on a good directory (also via $PORTPILOT_PRESETS_DIR)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'validate'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PORTPILOT_PRESETS_DIR: 'test/fixtures/presets/good' },
    });
    expect(r.stdout.trim()).toBe('✔ 2 presets, 0 errors (test/fixtures/presets/good)\n  by verification: platform 0 · publisher 1 · community 0 · unverified 1 · first-party 50% (1 of 2)');
    expect(r.status).toBe(0);
  }, 30_000);
});

describe('npm run format', () => {
  it('rewrites to canonical form, is idempotent, and leaves invalid JSON alone naming the file', () => {
    const dir = tmpCopy('bad/unsorted.json', 'bad/invalid-json.json', 'bad/layout.json');
    const invalidBefore = readFileSync(join(dir, 'invalid-json.json'), 'utf8');
    const first = npm('format', '--', '--dir', dir);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/invalid-json\.json:5:3 {2}invalid JSON: .*left unchanged/);
    expect(readFileSync(join(dir, 'invalid-json.json'), 'utf8')).toBe(invalidBefore);
    for (const f of ['unsorted.json', 'layout.json']) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(canonicalText(JSON.parse(text))).toBe(text);
    }
    const second = npm('format', '--', '--dir', dir);
    expect(second.stdout).toMatch(/3 files, 0 changed/);
  }, 30_000);
});

describe('npm run new-preset', () => {
  it('creates a valid unverified preset from flags and refuses to overwrite it', () => {
    const dir = tmpCopy('good/alpha-strike.json');
    const r = npm('new-preset', '--', 'Zeta Force: Ünited', '--tcp', '1234,2000-2010', '--udp', '3074', '--platform', 'pc,ps5', '--dir', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const file = join(dir, 'zeta-force-united.json');
    const text = readFileSync(file, 'utf8');
    const preset = JSON.parse(text);
    expect(preset).toMatchObject({ id: 'zeta-force-united', name: 'Zeta Force: Ünited', category: 'game', verification: 'unverified' });
    expect(Object.keys(preset.platforms)).toEqual(['pc', 'ps5']);
    expect(preset.platforms.pc.forward).toEqual([
      { protocol: 'tcp', ports: ['1234', '2000-2010'], purpose: 'online play' },
      { protocol: 'udp', ports: ['3074'], purpose: 'online play' },
    ]);
    const files = readdirSync(dir).map((f) => ({ file: `x/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
    expect(validateDataset(files)).toEqual([]);

    const again = npm('new-preset', '--', 'Zeta Force: Ünited', '--tcp', '1', '--dir', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/id "zeta-force-united" is taken/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  }, 30_000);

  it('refuses names that collide, bad ports and missing ports', () => {
    const existing = [{ file: 'data/presets/alpha-strike.json', text: readFileSync(join(FIXTURES, 'good/alpha-strike.json'), 'utf8') }];
    expect(() => buildPreset({ name: 'Alpha Strike', tcp: '1' }, existing)).toThrow(/is taken by data\/presets\/alpha-strike.json/);
    expect(() => buildPreset({ name: 'AS', tcp: '1' }, existing)).toThrow(/already a name or alias in data\/presets\/alpha-strike.json/);
    expect(() => buildPreset({ name: 'New Game', tcp: '70000' }, existing)).toThrow(NewPresetError);
    expect(() => buildPreset({ name: 'New Game', udp: '20-10' }, existing)).toThrow(/low to high \(10-20\)/);
    expect(() => buildPreset({ name: 'New Game' }, existing)).toThrow(/--tcp/);
    expect(() => buildPreset({ name: 'New Game', tcp: '1', platform: 'pc9' }, existing)).toThrow(/--platform pc9/);
    expect(buildPreset({ name: 'New Game', tcp: '3074', udp: '3074' }, existing).platforms.pc).toEqual({ forward: [{ protocol: 'both', ports: ['3074'], purpose: 'online play' }] });
    expect(existsSync(join(REPO_ROOT, 'data/presets/new-game.json'))).toBe(false);
  });
});
