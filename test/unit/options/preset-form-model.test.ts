// The preset form's state maps to preset JSON and back without losing what the form does not show.
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../extension/lib/presets/shipped-catalog';
import { checkCustomPreset } from '../../../extension/lib/store/custom-preset-input';
import { emptyRule, fieldFor, formFromPreset, idForName, newPresetForm, portList, presetFromForm, type PresetForm } from '../../../extension/lib/options/preset-form-model';

const full = {
  $schema: '../preset.schema.json',
  id: 'lantern-valley',
  name: 'Lantern Valley',
  shortName: 'Lantern',
  aliases: ['lantern', 'lv server'],
  category: 'game-server',
  platforms: {
    pc: {
      forward: [
        { protocol: 'udp', ports: ['7777-7778'], internal: ['17777-17778'], purpose: 'game traffic', hostOnly: true },
        { protocol: 'tcp', ports: ['27015'], purpose: 'server list', optional: 'Only for the public list', exclusive: true },
      ],
      outbound: [{ protocol: 'tcp', ports: ['443'], purpose: 'sign-in' }],
      natGoal: 'open',
    },
    ps5: { uses: ['playstation-network'] },
  },
  guidance: { upnp: 'helps' },
  verification: 'unverified',
  sources: [{ url: 'https://example.org/ports', checked: '2026-01-01' }],
  notes: 'Host on the PC.',
};

function form(): PresetForm {
  const shown = formFromPreset(full);
  if (!('form' in shown)) throw new Error(shown.problem);
  return shown.form;
}

describe('preset ⇄ form', () => {
  it('round-trips every field, including the ones only the JSON view shows', () => {
    expect(presetFromForm(form()).preset).toEqual(full);
  });

  it('reads ports as people type them', () => {
    expect(portList(' 3074,27015 - 27030;  9000–9010\n88 ')).toEqual(['3074', '27015-27030', '9000-9010', '88']);
  });

  it('leaves wholly blank rows out and still finds the row a problem is about', () => {
    const f = form();
    f.platforms.pc.rules.splice(0, 0, emptyRule());
    f.platforms.pc.rules[2]!.ports = '70000';
    const mapping = presetFromForm(f);
    expect((mapping.preset.platforms as { pc: { forward: unknown[] } }).pc.forward).toHaveLength(2);
    const shipped = shippedCatalog([]);
    const [problem] = checkCustomPreset(mapping.preset, shipped).problems;
    expect(problem?.path).toEqual(['platforms', 'pc', 'forward', 1, 'ports', 0]);
    expect(fieldFor(problem!.path, mapping.rowOf)).toEqual({ kind: 'rule', platform: 'pc', row: 2, column: 'ports', rest: [0] });
  });

  it('gives a new preset a free id from its name', () => {
    const f = newPresetForm();
    f.name = 'Fortnite';
    expect(presetFromForm(f, (id) => id === 'fortnite').preset.id).toBe('fortnite-2');
    expect(idForName('  ', () => false)).toBe('my-preset');
  });

  it('sends preset JSON the form cannot show to the JSON view, saying why', () => {
    expect(formFromPreset([full])).toEqual({ problem: expect.stringMatching(/a preset is one object/) });
    expect(formFromPreset({ ...full, platforms: { wii: {} } })).toEqual({ problem: expect.stringMatching(/"wii" is not a platform the form offers/) });
    expect(formFromPreset({ ...full, platforms: { pc: { forward: [{ protocol: 'BOTH', ports: ['1'] }] } } })).toEqual({
      problem: expect.stringMatching(/platforms\.pc\.forward\.0\.protocol must be "tcp", "udp" or "both"/),
    });
    expect(formFromPreset({ ...full, aliases: ['a, b'] })).toEqual({ problem: expect.stringMatching(/without commas/) });
  });

  it('opens presets in the v1 format', () => {
    const v1 = { ...full, platforms: { pc: [{ protocol: 'udp', ports: ['3074'], purpose: 'online play' }] } };
    const shown = formFromPreset(v1);
    expect('form' in shown && shown.form.platforms.pc.rules.map((r) => r.ports)).toEqual(['3074']);
  });
});

describe('where a problem shows', () => {
  const rowOf = (_: string, i: number) => i;
  it('puts each path at its field, and an id problem at the name the id is made from', () => {
    expect(fieldFor(['id'], rowOf)).toEqual({ kind: 'top', field: 'name' });
    expect(fieldFor(['aliases', 3], rowOf)).toEqual({ kind: 'top', field: 'aliases' });
    expect(fieldFor(['platforms'], rowOf)).toEqual({ kind: 'top', field: 'platforms' });
    expect(fieldFor(['platforms', 'ps5'], rowOf)).toEqual({ kind: 'platform', platform: 'ps5', rest: [] });
    expect(fieldFor(['platforms', 'pc', 'forward', 0, 'sources', 0, 'url'], rowOf)).toEqual({ kind: 'platform', platform: 'pc', rest: ['forward', 0, 'sources', 0, 'url'] });
    expect(fieldFor(['platforms', 'pc', 'forward', 1, 'purpose'], rowOf)).toEqual({ kind: 'rule', platform: 'pc', row: 1, column: 'purpose', rest: [] });
    expect(fieldFor(['sources', 0, 'url'], rowOf)).toBeNull();
  });
});
