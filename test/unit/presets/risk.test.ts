import { expect, it } from 'vitest';
import { riskNotes } from '../../../extension/lib/presets/risk';
import { rule } from '../../support/preset-factory';

it('warns about risky services, also inside ranges, once each', () => {
  const notes = riskNotes([rule('tcp', '22'), rule('both', '3380-3390'), rule('tcp', '22')]);
  expect(notes.map((n) => n.text)).toEqual([
    expect.stringMatching(/^Port 22 is SSH/),
    expect.stringMatching(/^Port 3389 is Windows Remote Desktop/),
  ]);
});

it('cautions about wide ranges and stays quiet for ordinary game ports', () => {
  expect(riskNotes([rule('udp', '27000-27200')])).toEqual([
    { level: 'caution', text: expect.stringMatching(/27000-27200 opens 201 ports/) },
  ]);
  expect(riskNotes([rule('udp', '3074', '27015-27030')])).toEqual([]);
});

it('flags database ports only when named exactly', () => {
  expect(riskNotes([rule('tcp', '27017')])[0]?.text).toMatch(/MongoDB/);
  expect(riskNotes([rule('udp', '27015-27030')])).toEqual([]);
});
