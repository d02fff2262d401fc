// Whatever the app itself writes, a backup of it restores into an empty database exactly.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { shippedCatalog } from '../../../extension/lib/presets/shipped-catalog';
import type { RuleOutcome } from '../../../extension/lib/apply/types';
import { PLATFORMS } from '../../../data/vocabulary';
import { PLATFORM_GROUPS } from '../../../extension/lib/presets/platforms';
import { clearUserData, exportUserData, importUserData } from '../../../extension/lib/store/backup';
import { saveCustomPreset } from '../../../extension/lib/store/custom-preset-input';
import { saveDevice } from '../../../extension/lib/store/devices';
import { toggleFavorite } from '../../../extension/lib/store/favorites';
import { recordApply } from '../../../extension/lib/store/history';
import { recordRecent } from '../../../extension/lib/store/recents';
import { saveMapping } from '../../../extension/lib/store/mappings';
import { setSetting } from '../../../extension/lib/store/settings';
import { mapping } from '../../support/mapping-factory';
import { preset } from '../../support/preset-factory';
import { resetDb } from '../../support/reset-db';

const shipped = shippedCatalog([{ id: 'fortnite', name: 'Fortnite' }, { id: 'minecraft-java', name: 'Minecraft: Java Edition' }]);
const STATUSES: RuleOutcome['status'][] = ['pending', 'saving', 'applied', 'present', 'conflict', 'failed', 'filled'];

const userData = fc.record({
  devices: fc.uniqueArray(fc.record({ octet: fc.integer({ min: 1, max: 254 }), name: fc.string({ minLength: 1, maxLength: 45 }), platform: fc.option(fc.constantFrom(...PLATFORMS), { nil: undefined }) }), { selector: (d) => d.octet, maxLength: 6 }),
  presets: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,4})?$/), { maxLength: 4 }),
  favorites: fc.array(fc.constantFrom('fortnite', 'minecraft-java'), { maxLength: 2 }),
  recents: fc.array(fc.record({ id: fc.constantFrom('fortnite', 'minecraft-java'), at: fc.integer({ min: 0, max: Date.now() }) }), { maxLength: 4 }),
  history: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: Date.now() }),
      host: fc.stringMatching(/^[a-z0-9.-]{1,400}$/),
      message: fc.option(fc.string({ maxLength: 1500 }), { nil: undefined }),
      status: fc.constantFrom(...STATUSES),
      rules: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 5 },
  ),
  mappings: fc.array(
    fc.record({
      host: fc.stringMatching(/^[a-z0-9.-]{1,60}$/),
      path: fc.stringMatching(/^\/[\w./-]{0,600}$/),
      label: fc.string({ maxLength: 200 }),
      id: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: undefined }),
      classes: fc.array(fc.string({ minLength: 1, maxLength: 80 }), { maxLength: 10 }),
      submit: fc.string({ maxLength: 200 }),
      commit: fc.boolean(),
      how: fc.constantFrom('taught' as const, 'confirmed' as const),
      savedAt: fc.integer({ min: 0, max: Date.now() }),
    }),
    { maxLength: 4 },
  ),
  filter: fc.constantFrom(...(Object.keys(PLATFORM_GROUPS) as (keyof typeof PLATFORM_GROUPS)[])),
  lastDevice: fc.nat(),
});

it('exports any data the app can write and imports it back unchanged into an empty database', async () => {
  await fc.assert(
    fc.asyncProperty(userData, async (data) => {
      await resetDb();
      const devices = [];
      for (const d of data.devices) {
        if (!d.name.trim() || d.name.trim().length > 40) continue; // the app refuses these at input
        devices.push(await saveDevice(d.name, `192.168.1.${d.octet}`, undefined, { platform: d.platform }));
      }
      for (const id of data.presets) await saveCustomPreset(preset(`my-${id}`), shipped);
      for (const id of data.favorites) await toggleFavorite(id);
      for (const r of data.recents) await recordRecent(r.id, r.at);
      for (const h of data.history) {
        const rule = { name: 'r', protocol: 'udp' as const, externalStart: 1, externalEnd: 1, internalStart: 1, internalEnd: 1, ip: '192.168.1.9', enabled: true };
        await recordApply({
          at: h.at, routerOrigin: `http://${h.host}`, presetId: 'fortnite', presetName: 'Fortnite', platform: 'pc', deviceIp: '192.168.1.9', mode: 'apply',
          outcomes: Array.from({ length: h.rules }, () => ({ rule, status: h.status, ...(h.message === undefined ? {} : { message: h.message }) })),
        });
      }
      const mappingKeys = new Set<string>();
      for (const m of data.mappings) {
        const fields = mapping().fields.map((f, i) => (i === 0 ? { ...f, locator: { ...f.locator, label: m.label, id: m.id, classes: m.classes } } : f));
        const saved = await saveMapping(
          mapping({ origin: `http://${m.host}`, path: m.path, fields, submit: { locator: { frame: [], tag: 'button', type: 'submit', label: m.submit }, text: m.submit }, commit: m.commit ? mapping().commit : undefined, how: m.how, savedAt: m.savedAt }),
        );
        mappingKeys.add(JSON.stringify([saved.origin, saved.path, saved.fingerprint]));
      }
      await setSetting('platformFilter', data.filter);
      if (devices.length) await setSetting('lastDeviceId', devices[data.lastDevice % devices.length]!.id!);
      const chosen = devices.filter((d) => d.platform);
      if (chosen.length) await setSetting('devicePerPlatform', Object.fromEntries(chosen.map((d) => [d.platform!, d.ip])));

      const before = await exportUserData(new Date(0));
      expect(before.mappings).toHaveLength(mappingKeys.size);
      const file = JSON.stringify(before);
      await clearUserData();
      const report = await importUserData(file, shipped);
      expect(report.skipped).toBe(0);
      expect(await exportUserData(new Date(0))).toEqual(before);
    }),
    { numRuns: 30 },
  );
});
