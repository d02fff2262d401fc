// The user's own presets meet the dataset's rules, bounded sizes, and cannot pose as shipped ones.
import { beforeEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../extension/lib/presets/shipped-catalog';
import { readBackup } from '../../../extension/lib/store/backup';
import { decodeBackupBytes } from '../../../extension/lib/store/backup-file';
import { checkCustomPreset, parsePresetText, saveCustomPreset } from '../../../extension/lib/store/custom-preset-input';
import { listCustomPresets } from '../../../extension/lib/store/custom-presets';
import { db } from '../../../extension/lib/store/db';
import { UserDataError } from '../../../extension/lib/store/errors';
import { formatProblem } from '../../../extension/lib/store/issue-words';
import { preset, rule } from '../../support/preset-factory';
import { resetDb } from '../../support/reset-db';

const shipped = shippedCatalog([
  { id: 'fortnite', name: 'Fortnite' },
  { id: 'xbox-network', name: 'Xbox network' },
]);
const mine = (overrides: Record<string, unknown> = {}) => ({ ...preset('my-game'), verification: 'unverified', sources: [], ...overrides });
const withRules = (...rules: unknown[]) => mine({ platforms: { pc: { forward: rules } } });
/** The problems as the user reads them: `path: message`. */
function thrownProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof UserDataError) return e.problems;
    throw e;
  }
  return [];
}
const problems = (input: unknown) => checkCustomPreset(input, shipped).problems.map((p) => formatProblem(p));

beforeEach(resetDb);

describe('sizes', () => {
  it('refuses more than 100 rules in all, counting every platform', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => rule('udp', String(10000 + i)));
    expect(problems(mine({ platforms: { pc: { forward: many(60) }, ps5: { forward: many(40) } } }))).toEqual([]);
    expect(problems(mine({ platforms: { pc: { forward: many(60) }, ps5: { forward: many(41) } } }))).toEqual([
      'platforms: 101 rules in all; one preset may hold at most 100: split it into two presets',
    ]);
  });

  it('refuses more than 50 ports in one rule, and says how to shorten the list', () => {
    const ports = (n: number) => Array.from({ length: n }, (_, i) => String(20000 + 2 * i));
    expect(problems(withRules(rule('tcp', ...ports(50))))).toEqual([]);
    expect(problems(withRules(rule('tcp', ...ports(51))))).toEqual([
      expect.stringMatching(/^platforms\.pc\.forward\.0\.ports: 51 ports or ranges in one rule; at most 50: join neighbouring ports into a range such as "27015-27030"/),
    ]);
  });

  it('refuses more than 20 search words, and over-long ids and source addresses', () => {
    expect(problems(mine({ id: 'x'.repeat(81), aliases: Array.from({ length: 21 }, (_, i) => `word ${i}`), sources: [{ url: `https://example.org/${'a'.repeat(300)}`, checked: '2026-01-01' }] }))).toEqual([
      'id: is too long: at most 80 characters (this has 81)',
      expect.stringMatching(/^aliases: 21 search words; at most 20/),
      'sources.0.url: is too long: at most 300 characters (this has 320)',
    ]);
  });

  it('answers a preset of 10,000 ports with one line, at once', () => {
    const huge = withRules(rule('udp', ...Array.from({ length: 10_000 }, (_, i) => String(i + 1))));
    const started = performance.now();
    expect(problems(huge)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses editor text too long to be a preset before parsing it', () => {
    expect(() => parsePresetText(' '.repeat(300 * 1024))).toThrow(/300 kB; a preset is at most 256 kB/);
    expect(() => parsePresetText('{"id": ')).toThrow(UserDataError);
  });
});

describe("the dataset's rules", () => {
  it('refuses a port listed twice in one platform, pointing at the first', () => {
    expect(problems(withRules(rule('udp', '7777'), rule('udp', '7777')))).toEqual([
      'platforms.pc.forward.1.ports.0: 7777 (UDP) is already forwarded in rule 1 (platforms.pc.forward.0.ports.0); list each port once',
    ]);
  });

  it('refuses overlapping ranges and suggests the joined one', () => {
    expect(problems(withRules(rule('udp', '3000-3010', '3005-3020')))).toEqual([
      'platforms.pc.forward.0.ports.1: 3005-3020 (UDP) overlaps 3000-3010 (UDP) earlier in this rule (platforms.pc.forward.0.ports.0); list each port once, e.g. as 3000-3020',
    ]);
  });

  it('counts TCP+UDP as both, but TCP and UDP on one port, or one port on two platforms, are fine', () => {
    expect(problems(withRules(rule('both', '3074'), rule('udp', '3074')))).toEqual([
      expect.stringMatching(/^platforms\.pc\.forward\.1\.ports\.0: 3074 \(UDP\) overlaps 3074 \(TCP\+UDP\) in rule 1 .*TCP\+UDP already covers TCP and UDP/),
    ]);
    expect(problems(withRules(rule('tcp', '3074'), rule('udp', '3074')))).toEqual([]);
    expect(problems(mine({ platforms: { pc: { forward: [rule('udp', '3074')] }, ps5: { forward: [rule('udp', '3074')] } } }))).toEqual([]);
  });

  it('never forwards DNS, NetBIOS, SMB, SSDP or mDNS', () => {
    expect(problems(withRules(rule('udp', '53'), rule('tcp', '440-450'), rule('udp', '5000-5400')))).toEqual([
      'platforms.pc.forward.0.ports.0: 53 includes 53 (DNS; open resolvers are abused for attacks), which PortPilot never forwards: remove it',
      'platforms.pc.forward.1.ports.0: 440-450 includes 445 (SMB, Windows file sharing), which PortPilot never forwards: split the range around 445',
      expect.stringMatching(/^platforms\.pc\.forward\.2\.ports\.0: 5000-5400 includes 5353 \(mDNS/),
    ]);
  });

  it('asks a whole-range forward to be marked for one device and explained', () => {
    const everything = { ...rule('both', '1-65535'), purpose: 'everything' };
    const found = problems(withRules(everything));
    expect(found).toContain(
      'platforms.pc.forward.0.ports.0: 1-65535 forwards 65,535 ports: only one device in the home can have that many. Mark the rule "one device only" (in JSON, "exclusive": true) and say in the notes why it needs them all',
    );
    expect(found.some((p) => /never forwards/.test(p))).toBe(true);
    expect(problems(mine({ notes: undefined, platforms: { pc: { forward: [{ ...everything, exclusive: true }] } } }))).toEqual([
      'notes: a rule forwards 65,535 ports (1-65535), more than 1,000: say here why it needs them all',
    ]);
    expect(problems(mine({ notes: 'The console wants every port: like a DMZ for it.', platforms: { pc: { forward: [{ ...everything, exclusive: true }] } } }))).toEqual([]);
  });
});

describe('posing as a shipped preset', () => {
  it('refuses a shipped name, however it is spelled', () => {
    for (const name of ['Fortnite', 'FORTNITE™', ' fort-nite! ', 'Fórtnite']) {
      expect(problems(mine({ name }))).toEqual([expect.stringMatching(/^name: ".*" is the name of a preset PortPilot ships \("Fortnite"\); give yours a name of its own/)]);
    }
    expect(problems(mine({ name: 'Fortnite server at home' }))).toEqual([]);
  });

  it('marks a preset that claims to be verified as unverified, and says so', async () => {
    const { preset: saved, notes } = await saveCustomPreset({ ...preset('my-game'), verification: 'publisher' }, shipped);
    expect(saved.verification).toBe('unverified');
    expect(notes).toEqual([expect.stringMatching(/^verification: PortPilot marks your own presets "unverified".*this one said "publisher"/)]);
    expect((await db().customPresets.get('my-game'))?.preset.verification).toBe('unverified');
  });

  it('shows presets stored before this rule as unverified', async () => {
    await db().customPresets.put({ id: 'old', preset: preset('old', { verification: 'publisher' }), updatedAt: 1 });
    expect((await listCustomPresets()).map((p) => p.verification)).toEqual(['unverified']);
  });

  it('renames an imported preset that has a shipped name, with a note, instead of refusing it', async () => {
    const frame = { format: 'portpilot-user-data', version: 2, exportedAt: '2026-01-01T00:00:00.000Z' };
    const plan = await readBackup({ ...frame, customPresets: [preset('my-fortnite', { name: 'Fortnite' })] }, shipped);
    expect(plan.problems).toEqual([]);
    expect(plan.presets.map((p) => p.preset.name)).toEqual(['Fortnite (custom)']);
    expect(plan.notes).toEqual([
      expect.stringMatching(/^customPresets\.0\.name: "Fortnite" is also the name of a preset PortPilot ships, so yours is called "Fortnite \(custom\)"/),
      expect.stringMatching(/^customPresets\.0\.verification: /),
    ]);
  });
});

describe('plain words', () => {
  it('says what is wrong with each field instead of the schema library messages', () => {
    expect(problems(mine({ name: 'x', category: 'games', oops: 1, platforms: { pc: { forward: [{ protocol: 'BOTH', ports: ['99999', 'abc'], purpose: '' }] }, wii: {} } }))).toEqual([
      'name: is too short: at least 2 characters',
      'category: "games" is not a choice here; it must be one of "game", "console-network", "launcher", "game-server", "media-server", "remote-access", "game-streaming", "voice-chat", "video-call", "vpn", "file-sharing", "web-server", "smart-home", "camera", "nas", "dns", "home-lab"',
      'platforms.pc.forward.0.protocol: "BOTH" is not a choice here; it must be one of "tcp", "udp", "both"',
      'platforms.pc.forward.0.ports.0: port out of range 1-65535 in "99999"',
      'platforms.pc.forward.0.ports.1: must be a port "3074" or a range "27015-27030"',
      'platforms.pc.forward.0.purpose: is empty',
      expect.stringMatching(/^platforms: "wii" is not a platform PortPilot knows; use "pc", "mac"/),
      '"oops" is not a field PortPilot knows here; check the spelling, or remove it',
    ]);
    expect(problems({ id: 'my-game' })).toEqual(expect.arrayContaining(['name: is missing', 'platforms: is missing']));
  });

  it('lists a shipped name, a schema problem and a never-forwarded port together, so a form shows them all at once', () => {
    expect(problems(mine({ name: 'Fortnite', platforms: { pc: { forward: [{ ...rule('udp', '53'), purpose: 'x' }] } } }))).toEqual([
      expect.stringMatching(/^name: "Fortnite" is the name of a preset PortPilot ships/),
      'platforms.pc.forward.0.purpose: is too short: at least 3 characters',
      expect.stringMatching(/^platforms\.pc\.forward\.0\.ports\.0: 53 includes 53 \(DNS/),
    ]);
  });

  it('tells a backup pasted into the preset editor where it belongs', () => {
    expect(problems({ format: 'portpilot-user-data', version: 2, devices: [], customPresets: [] })).toEqual([
      'This is a PortPilot backup, not a preset: import it under "Back up and restore" with "Import a backup"; it brings its presets along.',
    ]);
  });

  it('tells a preset file given to the backup importer where it belongs', async () => {
    const refusal = await readBackup(preset('my-game'), shipped).catch((e: UserDataError) => e.problems);
    expect(refusal).toEqual(['This file is a preset, not a backup. To use it, add it under "Your presets": choose "New preset", then "Open a preset file".']);
    const file = new TextEncoder().encode(JSON.stringify([preset('a-game'), preset('b-game')]));
    expect(thrownProblems(() => decodeBackupBytes('two.json', file))).toEqual([expect.stringMatching(/^This file is a list of 2 presets, not a backup\. Add each under "Your presets"/)]);
  });
});
