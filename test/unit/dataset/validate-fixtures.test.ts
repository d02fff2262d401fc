/**
 * One fixture per class of bad input (test/fixtures/presets/bad/), each asserting the message,
 * the JSON path and the line:col of the offending node. The whole directory is validated in one
 * run, which also shows that one run reports every problem, not the first only.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../scripts/lib/problem.ts';
import { todayAnywhere, validateDataset } from '../../../scripts/lib/validate-dataset.ts';
import { validateFixtureDir } from './helpers.ts';

interface Expected {
  file: string;
  at: string;
  path: string;
  message: string | RegExp;
  fix: string | RegExp;
}

const EXPECTED: Expected[] = [
  { file: 'invalid-json', at: '5:3', path: '$', message: 'invalid JSON: expected "," (a missing comma?)', fix: 'correct the syntax here' },
  { file: 'trailing-comma', at: '14:9', path: '$', message: 'invalid JSON: expected a "quoted" property name (a trailing comma?)', fix: 'correct the syntax' },
  { file: 'duplicate-key', at: '7:3', path: 'category', message: 'duplicate key "category" (also at line 6); JSON keeps only the last one', fix: 'keep one of them' },
  { file: 'unknown-field', at: '24:3', path: 'alias', message: 'unknown field "alias"', fix: 'remove it or check the spelling (did you mean "aliases"?)' },
  { file: 'unknown-platform', at: '17:5', path: 'platforms.playstation', message: 'unknown platform "playstation"', fix: /^use one of: pc, mac, linux, ps5, ps4/ },
  { file: 'bad-category', at: '6:15', path: 'category', message: '"gam" is not a valid category', fix: /did you mean "game"\?/ },
  { file: 'missing-field', at: '1:1', path: 'verification', message: 'missing required field "verification"', fix: 'add "verification" with one of: publisher, platform, community, unverified' },
  { file: 'id-mismatch', at: '3:9', path: 'id', message: 'id "id-mismatch-typo" does not match the file name "id-mismatch.json"', fix: 'rename the file to id-mismatch-typo.json or set "id": "id-mismatch"' },
  { file: 'duplicate-id-a', at: '3:9', path: 'id', message: 'duplicate id "duplicate-id-a" (also in test/fixtures/presets/bad/duplicate-id-b.json)', fix: 'give each preset its own id' },
  { file: 'duplicate-id-b', at: '3:9', path: 'id', message: 'duplicate id "duplicate-id-a" (also in test/fixtures/presets/bad/duplicate-id-a.json)', fix: 'give each preset its own id' },
  { file: 'duplicate-id-b', at: '3:9', path: 'id', message: 'id "duplicate-id-a" does not match the file name "duplicate-id-b.json"', fix: /rename the file/ },
  { file: 'collision-a', at: '5:15', path: 'aliases[0]', message: 'alias "Shared Search Term" collides with the name of test/fixtures/presets/bad/collision-b.json', fix: /remove the alias/ },
  { file: 'collision-b', at: '4:11', path: 'name', message: 'name "Shared search term" collides with the alias of test/fixtures/presets/bad/collision-a.json', fix: /make the names distinct/ },
  { file: 'port-out-of-range', at: '12:29', path: 'platforms.pc.forward[0].ports[1]', message: 'port out of range 1-65535 in "70000"', fix: /ports are 1-65535/ },
  { file: 'port-range-reversed', at: '12:34', path: 'platforms.pc.forward[0].ports[1]', message: 'range start is greater than its end in "5000-4000"', fix: 'write the range low to high: "4000-5000"' },
  {
    file: 'port-overlap',
    at: '17:21',
    path: 'platforms.pc.forward[1].ports[0]',
    message: '"3075-3090" (tcp) overlaps "3070-3080" (both) at platforms.pc.forward[0].ports[0]',
    fix: 'the "both" rule at platforms.pc.forward[0] already covers tcp 3075-3080: make the tcp rule {"protocol":"tcp","ports":["3081-3090"],"purpose":"matchmaking"}',
  },
  {
    file: 'port-duplicate',
    at: '17:21',
    path: 'platforms.pc.forward[1].ports[0]',
    message: 'duplicate port "3074" (udp), already at platforms.pc.forward[0].ports[0]',
    fix: 'merge the two rules into one: {"protocol":"udp","ports":["3074","3478"],"purpose":"game traffic"}',
  },
  { file: 'missing-sources', at: '19:14', path: 'sources', message: /a "publisher" preset needs at least one source/, fix: /add \{"url": "https:\/\/…", "checked": "YYYY-MM-DD"\}/ },
  { file: 'http-source', at: '21:14', path: 'sources[0].url', message: 'source URL must use https:// (got "http://example.com/support")', fix: /use "https:\/\/example.com\/support"/ },
  { file: 'bad-date', at: '22:18', path: 'sources[0].checked', message: '"2025-02-30" is not a real date YYYY-MM-DD', fix: /write the day you checked the page/ },
  { file: 'future-date', at: '22:18', path: 'sources[0].checked', message: 'checked date 2999-01-01 is in the future (today is 2026-11-25)', fix: /the day you actually compared/ },
  { file: 'key-order', at: '1:1', path: '$', message: 'would reorder keys to: $schema, id, name, aliases, category, platforms, verification, sources', fix: 'npm run format' },
  { file: 'layout', at: '2:3', path: '$', message: /would lay this out as 2-space JSON/, fix: 'npm run format' },
  { file: 'unsorted', at: '5:14', path: 'aliases', message: 'would sort aliases (case-insensitive)', fix: 'npm run format' },
  { file: 'unsorted', at: '5:32', path: 'aliases[2]', message: 'would remove duplicate alias "alpha"', fix: 'npm run format' },
  { file: 'unsorted', at: '7:16', path: 'platforms', message: 'would reorder platforms to: pc, ps5', fix: 'npm run format' },
  { file: 'unsorted', at: '9:18', path: 'platforms.ps5.forward', message: 'would sort rules by first port, then protocol: 60/udp, 80/tcp', fix: 'npm run format' },
  { file: 'unsorted', at: '12:20', path: 'platforms.ps5.forward[0].ports', message: 'would sort ports numerically: 80, 443', fix: 'npm run format' },
  // v2 format rules (zod)
  { file: 'internal-width', at: '13:24', path: 'platforms.pc.forward[0].internal[0]', message: 'internal "9000-9004" is not the same width as external "8000-8009"', fix: /make the internal range as wide as the external one/ },
  { file: 'empty-platform', at: '8:11', path: 'platforms.pc', message: 'platform "pc" has neither "forward" rules nor "uses"', fix: /guidance\.nothingToForward/ },
  // what may be forwarded
  { file: 'refused-port', at: '12:21', path: 'platforms.server.forward[0].ports[0]', message: '"53" includes 53 (DNS; open resolvers are abused for attacks): never forwarded', fix: 'remove it; if the app serves 53 on the local network, say "never forward 53"' },
  { file: 'refused-port', at: '17:21', path: 'platforms.server.forward[1].ports[0]', message: '"440-450" includes 445 (SMB, Windows file sharing): never forwarded', fix: 'split the range around 445' },
  { file: 'wide-range', at: '12:21', path: 'platforms.pc.forward[0].ports[0]', message: '"10000-12000" forwards 2,001 ports: only one device in the home can have it', fix: 'add "exclusive": true to this rule, and say why the whole range is needed in "notes"' },
  { file: 'exclusive-no-note', at: '1:1', path: 'notes', message: 'a forward of more than 1,000 ports ("20000-22000") needs a note', fix: /explain in "notes"/ },
  // composition
  { file: 'uses-dangling', at: '9:16', path: 'platforms.ps5.uses[0]', message: 'no preset has the id "no-such-preset"', fix: /write the id of an existing preset/ },
  { file: 'uses-platform-missing', at: '16:16', path: 'platforms.pc.uses[0]', message: '"console-net" has no "pc" entry (it has: ps5)', fix: /reference it only on platforms it covers/ },
  { file: 'uses-cycle-a', at: '16:16', path: 'platforms.ps5.uses[0]', message: 'reference cycle on ps5: uses-cycle-a → uses-cycle-b → uses-cycle-a', fix: /remove one of these "uses" entries/ },
  { file: 'uses-cycle-b', at: '16:16', path: 'platforms.ps5.uses[0]', message: 'reference cycle on ps5: uses-cycle-b → uses-cycle-a → uses-cycle-b', fix: /remove one of these "uses" entries/ },
  { file: 'copies-platform', at: '9:18', path: 'platforms.ps5.forward', message: 'copies the ps5 rules of console-net (Console Network Case)', fix: 'use: console-net: remove the copied rules and add "uses": ["console-net"] to platforms.ps5' },
  { file: 'name-is-id', at: '5:15', path: 'aliases[0]', message: 'alias "console net" is the id of another preset (test/fixtures/presets/bad/console-net.json)', fix: /write "uses": \["console-net"\]/ },
  // sources against the registry (test/fixtures/presets/sources.json)
  { file: 'denied-source', at: '21:14', path: 'sources[0].url', message: 'pastebin.com may never be cited (paste site)', fix: 'remove this source' },
  { file: 'denied-source', at: '18:19', path: 'verification', message: '"community" needs at least one source that is not on the deny list of test/fixtures/presets/sources.json', fix: /or set "verification": "unverified"/ },
  {
    file: 'wrong-level',
    at: '18:19',
    path: 'verification',
    message: '"platform" needs a source on a site registered as "platform" for "wrong-level" in test/fixtures/presets/sources.json',
    fix: 'if wiki.example.net is run by the platform owner, register it in test/fixtures/presets/sources.json as "platform" with "presets": ["wrong-level"]; or set "verification": "community"',
  },
];

const problems = validateFixtureDir('bad');
const matches = (actual: string, expected: string | RegExp) => (typeof expected === 'string' ? actual === expected : expected.test(actual));
/** A fix given as a string is its beginning. */
const fixMatches = (actual: string, expected: string | RegExp) => (typeof expected === 'string' ? actual.startsWith(expected) : expected.test(actual));
const find = (e: Expected) =>
  problems.filter((p) => p.file === `test/fixtures/presets/bad/${e.file}.json` && p.path === e.path && matches(p.message, e.message));

describe('validate: one fixture per class of bad input', () => {
  it.each(EXPECTED.map((e) => [`${e.file} ${e.path}`, e] as const))('%s', (_, e) => {
    const found = find(e);
    expect(found, `no problem matching ${JSON.stringify(e)} in:\n${problems.map(formatProblem).join('\n')}`).toHaveLength(1);
    const p = found[0]!;
    expect(`${p.line}:${p.col}`).toBe(e.at);
    expect(fixMatches(p.fix, e.fix), `fix was: ${p.fix}`).toBe(true);
  });

  it('reports every problem in one run and nothing unexpected', () => {
    const unexpected = problems.filter((p: Problem) => !EXPECTED.some((e) => find(e).includes(p)));
    expect(unexpected.map(formatProblem)).toEqual([]);
    expect(problems).toHaveLength(EXPECTED.length);
  });

  it('prints problems as file:line:col  json.path  message  (fix: …)', () => {
    const line = formatProblem(problems.find((p) => p.file.endsWith('port-range-reversed.json'))!);
    expect(line).toBe(
      'test/fixtures/presets/bad/port-range-reversed.json:12:34  platforms.pc.forward[0].ports[1]  range start is greater than its end in "5000-4000"  (fix: write the range low to high: "4000-5000")',
    );
  });

  it('accepts the good fixtures', () => {
    expect(validateFixtureDir('good').map(formatProblem)).toEqual([]);
  });
});

describe('validate: edge cases', () => {
  const one = (text: string) => validateDataset([{ file: 'data/presets/x.json', text }], { today: '2026-11-25' }).map(formatProblem);

  it('names empty files, comments and a byte-order mark', () => {
    expect(one('')).toEqual(['data/presets/x.json:1:1  $  invalid JSON: empty file  (fix: correct the syntax here; other checks skip this file until it parses)']);
    expect(one('{\n  // note\n  "id": "x"\n}\n')[0]).toMatch(/^data\/presets\/x.json:2:3 {2}\$ {2}invalid JSON: comments are not allowed in JSON/);
    expect(one('\uFEFF{}\n')[0]).toMatch(/byte-order mark/);
  });

  it('asks for an object at the top level', () => {
    expect(one('[]\n')).toEqual(['data/presets/x.json:1:1  $  a preset file must be one JSON object, got array  (fix: start from npm run new-preset)']);
  });

  it('takes the latest date on Earth as today, so a local date is never in the future', () => {
    expect(todayAnywhere(Date.UTC(2026, 0, 1, 12))).toBe('2026-01-02');
    expect(todayAnywhere(Date.UTC(2026, 0, 1, 9))).toBe('2026-01-01');
  });
});
