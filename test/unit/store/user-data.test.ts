import { beforeEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../extension/lib/presets/shipped-catalog';
import { clearUserData, exportUserData, importUserData } from '../../../extension/lib/store/backup';
import { listCustomPresets } from '../../../extension/lib/store/custom-presets';
import { saveCustomPreset } from '../../../extension/lib/store/custom-preset-input';
import { db } from '../../../extension/lib/store/db';
import { DeviceAddressTaken, listDevices, saveDevice } from '../../../extension/lib/store/devices';
import { UserDataError } from '../../../extension/lib/store/errors';
import { favoriteIds, toggleFavorite } from '../../../extension/lib/store/favorites';
import { MAX_RECENTS, recentIds, recordRecent } from '../../../extension/lib/store/recents';
import { getSetting, setSetting } from '../../../extension/lib/store/settings';
import { preset } from '../../support/preset-factory';
import { resetDb } from '../../support/reset-db';

const shipped = shippedCatalog([{ id: 'fortnite', name: 'Fortnite' }, { id: 'minecraft-java', name: 'Minecraft: Java Edition' }]);

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserDataError);
  return (error as UserDataError).problems;
}

beforeEach(resetDb);

describe('devices', () => {
  it('saves, lists and keeps one device per IP', async () => {
    await saveDevice('PS5', '192.168.1.50');
    await saveDevice('Gaming PC', '192.168.1.20');
    // Same address: never a second device, and never a silent rename: the caller asks first.
    const taken = await saveDevice('PlayStation 5', '192.168.1.50').catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(DeviceAddressTaken);
    expect((taken as DeviceAddressTaken).existing).toMatchObject({ name: 'PS5', ip: '192.168.1.50' });
    expect((taken as DeviceAddressTaken).problems).toEqual(['192.168.1.50 is already “PS5”. Rename that device, or check the address.']);
    expect((await listDevices()).map((d) => `${d.name} ${d.ip}`)).toEqual(['Gaming PC 192.168.1.20', 'PS5 192.168.1.50']);
    await saveDevice('PlayStation 5', '192.168.1.50', undefined, { replaceAtAddress: true });
    expect((await listDevices()).map((d) => `${d.name} ${d.ip}`)).toEqual(['Gaming PC 192.168.1.20', 'PlayStation 5 192.168.1.50']);
  });

  it('remembers what a device is, and keeps it through a rename', async () => {
    await saveDevice('PS5', '192.168.1.50', undefined, { platform: 'ps5' });
    await saveDevice('Living room', '192.168.1.50', undefined, { replaceAtAddress: true });
    expect(await listDevices()).toEqual([expect.objectContaining({ name: 'Living room', platform: 'ps5' })]);
  });

  it('rejects a bad address and an empty name, listing both, writing nothing', async () => {
    const problems = await problemsOf(saveDevice(' ', '8.8.8.8'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/name/);
    expect(problems[1]).toMatch(/public internet address/);
    expect(await listDevices()).toEqual([]);
  });

  it('refuses to move a device onto an address another device has', async () => {
    const pc = await saveDevice('PC', '192.168.1.20');
    await saveDevice('Xbox', '192.168.1.30');
    expect(await problemsOf(saveDevice('PC', '192.168.1.30', pc.id))).toEqual(['192.168.1.30 already belongs to "Xbox".']);
  });
});

describe('favorites, recents, settings', () => {
  it('toggles favorites', async () => {
    expect(await toggleFavorite('fortnite')).toBe(true);
    expect(await favoriteIds()).toEqual(new Set(['fortnite']));
    expect(await toggleFavorite('fortnite')).toBe(false);
    expect(await favoriteIds()).toEqual(new Set());
  });

  it('keeps the most recent presets first, capped', async () => {
    for (let i = 0; i < MAX_RECENTS + 5; i++) await recordRecent(`p${i}`, 1000 + i);
    await recordRecent('p3', 5000);
    const recents = await recentIds();
    expect(recents).toHaveLength(MAX_RECENTS);
    expect(recents.slice(0, 2)).toEqual(['p3', `p${MAX_RECENTS + 4}`]);
  });

  it('reads defaults and ignores malformed stored values', async () => {
    expect(await getSetting('routerAddresses')).toEqual(['192.168.1.1', '192.168.0.1']);
    await setSetting('platformFilter', 'xbox');
    expect(await getSetting('platformFilter')).toBe('xbox');
    await db().settings.put({ key: 'platformFilter', value: 'gameboy' });
    expect(await getSetting('platformFilter')).toBe('all');
  });
});

describe('custom presets', () => {
  it('validates with the dataset schema', async () => {
    const problems = await problemsOf(saveCustomPreset({ ...preset('my-game'), platforms: { pc: [] } }, shipped));
    expect(problems.join('\n')).toMatch(/platforms\.pc/);
    expect(await listCustomPresets()).toEqual([]);
  });

  const v1Preset = { ...preset('old-game'), platforms: { pc: [{ protocol: 'udp', ports: ['3074'], purpose: 'online play' }] } };

  it('takes a preset written in the v1 format and saves it as v2', async () => {
    const { preset: saved } = await saveCustomPreset(v1Preset, shipped);
    expect(saved.platforms).toEqual({ pc: { forward: [{ protocol: 'udp', ports: ['3074'], purpose: 'online play' }] } });
    expect((await db().customPresets.get('old-game'))?.preset.platforms).toEqual(saved.platforms);
  });

  it('reads presets stored before v2 in the v2 format', async () => {
    await db().customPresets.put({ id: 'old-game', preset: v1Preset as never, updatedAt: 1 });
    expect((await listCustomPresets())[0]?.platforms).toEqual({ pc: { forward: v1Preset.platforms.pc } });
  });

  it('may use shipped presets and the user\'s own, nothing else', async () => {
    const using = (id: string, uses: string[]) => ({ ...preset(id), platforms: { ps5: { uses } } });
    await saveCustomPreset(using('my-game', ['fortnite']), shipped);
    await saveCustomPreset(using('my-other-game', ['my-game']), shipped);
    expect(await problemsOf(saveCustomPreset(using('third', ['no-such', 'third']), shipped))).toEqual([
      'platforms.ps5.uses.0: "no-such" is neither a preset PortPilot ships nor one of yours',
      'platforms.ps5.uses.1: a preset cannot use itself',
    ]);
    expect((await listCustomPresets()).map((p) => p.id)).toEqual(['my-game', 'my-other-game']);
  });

  it('cannot shadow a shipped preset id', async () => {
    const problems = await problemsOf(saveCustomPreset(preset('fortnite'), shipped));
    expect(problems[0]).toMatch(/"fortnite" is a preset PortPilot ships.*fortnite-custom/);
  });

  it('saves, refuses a duplicate, and renames while editing', async () => {
    await saveCustomPreset(preset('my-game'), shipped);
    expect(await problemsOf(saveCustomPreset(preset('my-game'), shipped))).toEqual([
      expect.stringMatching(/already have a custom preset "my-game"/),
    ]);
    await saveCustomPreset(preset('my-game-2'), shipped, 'my-game');
    expect((await listCustomPresets()).map((p) => p.id)).toEqual(['my-game-2']);
  });
});

describe('export and import', () => {
  async function seed() {
    await saveDevice('PS5', '192.168.1.50');
    await toggleFavorite('fortnite');
    await recordRecent('minecraft-java', 42);
    await saveCustomPreset(preset('my-game'), shipped);
    await setSetting('platformFilter', 'playstation');
    await db().history.add({
      at: 7,
      routerOrigin: 'http://127.0.0.1:8080',
      presetId: 'fortnite',
      presetName: 'Fortnite',
      platform: 'pc',
      deviceIp: '192.168.1.50',
      mode: 'apply',
      outcomes: [],
    });
  }

  it('round-trips everything through a file', async () => {
    await seed();
    const file = JSON.stringify(await exportUserData());
    await clearUserData();
    expect(await listDevices()).toEqual([]);
    await importUserData(file, shipped);
    const again = await exportUserData(new Date(0));
    const original = JSON.parse(file);
    expect({ ...again, exportedAt: original.exportedAt }).toEqual(original);
  });

  it('importing twice does not duplicate anything', async () => {
    await seed();
    const file = JSON.stringify(await exportUserData());
    await importUserData(file, shipped);
    const after = await exportUserData();
    expect(after.devices).toHaveLength(1);
    expect(after.history).toHaveLength(1);
  });

  it('imports custom presets from a backup made before v2 through the same migration', async () => {
    const file = { ...(await exportUserData()), customPresets: [{ ...preset('old-game'), platforms: { ps5: [{ protocol: 'tcp', ports: ['3480'], purpose: 'online play' }] } }] };
    await importUserData(JSON.stringify(file), shipped);
    const [imported] = await listCustomPresets();
    expect(imported?.platforms).toEqual({ ps5: { forward: [{ protocol: 'tcp', ports: ['3480'], purpose: 'online play' }] } });
    expect((await db().customPresets.get('old-game'))?.preset.platforms).toEqual(imported?.platforms);
  });

  const bad: [string, (b: Record<string, any>) => unknown, RegExp][] = [
    ['not JSON', () => '{oops', /not JSON/],
    ['another format', (b) => ({ ...b, format: 'something-else' }), /format/],
    ['an unknown field', (b) => ({ ...b, passwords: ['hunter2'] }), /passwords/],
    ['a public device IP', (b) => ({ ...b, devices: [{ name: 'X', ip: '1.2.3.4' }] }), /devices\.0\.ip: .*public/],
    ['an invalid custom preset', (b) => ({ ...b, customPresets: [{ ...preset('x-y'), category: 'toaster' }] }), /customPresets\.0\.category/],
    ['an unknown setting', (b) => ({ ...b, settings: { theme: 'pink' } }), /settings\.theme/],
  ];

  it.each(bad)('rejects a file with %s and changes nothing', async (_label, mutate, message) => {
    await seed();
    const before = await exportUserData(new Date(0));
    const valid = { ...before, devices: [...before.devices, { name: 'New', ip: '192.168.1.77' }] };
    const mutated = mutate(valid);
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    const problems = await problemsOf(importUserData(text, shipped));
    expect(problems.join('\n')).toMatch(message);
    expect(await exportUserData(new Date(0))).toEqual(before);
  });

  it('lists every problem of a bad file at once', async () => {
    const file = { ...(await exportUserData()), devices: [{ name: 'A', ip: '8.8.8.8' }, { name: 'B', ip: '127.0.0.1' }] };
    expect(await problemsOf(importUserData(JSON.stringify(file), shipped))).toHaveLength(2);
  });
});
