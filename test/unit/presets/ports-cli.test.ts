/** npm run ports: the popup's search over the shipped dataset, from a terminal. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/dataset-fs';
import { portsCommand, type PortsJsonHit } from '../../../scripts/lib/ports-query';

const json = async (...args: string[]) => {
  const r = await portsCommand([...args, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as PortsJsonHit[];
};

describe('npm run ports', () => {
  it('puts the preset that owns a well-known port first', async () => {
    const expected: [string, string][] = [
      ['3074', 'xbox-network'],
      ['3478', 'playstation-network'],
      ['25565', 'minecraft-java'],
      ['27015', 'steam'],
      ['9987', 'teamspeak-3-server'],
      ['32400', 'plex-media-server'],
    ];
    for (const [port, id] of expected) expect((await json(port))[0]?.id, port).toBe(id);
  }, 30_000);

  it('prints [{id, name, score, matched}] with the rules that matched', async () => {
    const [first, ...rest] = await json('3074', '--limit', '3');
    expect(rest).toHaveLength(2);
    expect(Object.keys(first!).sort()).toEqual(['id', 'matched', 'name', 'score']);
    expect(first).toMatchObject({ id: 'xbox-network', name: 'Xbox network' });
    expect(first!.matched[0]).toMatchObject({ protocol: 'both', ports: '3074', platforms: expect.arrayContaining(['xbox-series', 'xbox-one']) });
    expect(first!.score).toBeGreaterThan(rest[0]!.score);
  }, 30_000);

  it('narrows to one platform or a group', async () => {
    const ps5 = await json('3074', '--platform', 'ps5', '--limit', '50');
    expect(ps5.length).toBeGreaterThan(0);
    expect(ps5.every((h) => h.matched.every((m) => m.platforms.every((p) => p === 'ps5')))).toBe(true);
    expect(ps5.map((h) => h.id)).not.toContain('xbox-network');
    expect((await json('3074', '--platform', 'xbox'))[0]!.id).toBe('xbox-network');
  }, 30_000);

  it('prints readable lines by default, and says when nothing matches', async () => {
    const r = await portsCommand(['3074', '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ 1\. Xbox network \(xbox-network\) · console network\n {6}TCP\+UDP 3074 · .+ \[Xbox Series X\|S, Xbox One\]\n$/);
    const none = await portsCommand(['qqqq', 'zzzz']);
    expect(none.stdout).toBe('No preset for "qqqq zzzz" yet.\n');
  }, 30_000);

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    for (const [args, message] of [
      [[], /give a game, an app or a port/],
      [['3074', '--platform', 'gameboy'], /unknown platform "gameboy"; use one of pc, .*ps5/],
      [['3074', '--limit', '0'], /--limit must be a whole number from 1 to 1000, not "0"/],
      [['3074', '--limit', 'ten'], /--limit must be a whole number/],
      [['3074', '--colour'], /Unknown option '--colour'/],
    ] as const) {
      const r = await portsCommand(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/usage: npm run ports -- <query>/);
    }
  });

  it('runs as an npm script', () => {
    const r = spawnSync('npm', ['run', '--silent', 'ports', '--', '25565', '--json', '--limit', '1'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: 'minecraft-java' })]);
  }, 30_000);
});
