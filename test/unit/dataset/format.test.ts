import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, PROTOCOLS, VERIFICATION, CATEGORIES } from '../../../data/schema.ts';
import { canonicalText, stringifyCanonical } from '../../../scripts/lib/canonical.ts';
import { formatProblem } from '../../../scripts/lib/problem.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';
import { readFixture, TODAY } from './helpers.ts';

/** Random order from random sort keys (only .map, no .chain: chains make generation ~100× slower here). */
const order = fc.array(fc.integer(), { minLength: 12, maxLength: 12 });
const permute = <T>(items: T[], keys: number[]) =>
  items
    .map((v, i) => ({ v, k: keys[i % keys.length]! + i / 100 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.v);
const permuteObject = (obj: Record<string, unknown>, keys: number[]) =>
  Object.fromEntries(permute(Object.entries(obj).filter(([, v]) => v !== undefined), keys));

const NEVER_FORWARDED = new Set([53, 137, 138, 139, 445, 1900, 5353]);

/** Rules of one platform: distinct sorted numbers, paired into ranges or kept single, spread over up to 3 rules, so no rules overlap. */
const rules = fc
  .record({
    nums: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }).filter((n) => !NEVER_FORWARDED.has(n)), { minLength: 1, maxLength: 10 }),
    asRange: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    owner: fc.array(fc.nat(2), { minLength: 10, maxLength: 10 }),
    protocol: fc.array(fc.constantFrom(...PROTOCOLS), { minLength: 3, maxLength: 3 }),
    purpose: fc.array(fc.stringMatching(/^[a-z]{3}[a-z ]{0,20}[a-z]$/), { minLength: 3, maxLength: 3 }),
    hostOnly: fc.array(fc.option(fc.boolean(), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    order,
  })
  .map(({ nums, asRange, owner, protocol, purpose, hostOnly, order }) => {
    // Valid also by the forwarding policy: no never-forwarded port, no range over 1,000 ports.
    const sorted = [...nums].filter((n) => !NEVER_FORWARDED.has(n)).sort((a, b) => a - b);
    const specs: string[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const rangeOk = i + 1 < sorted.length && sorted[i + 1]! - sorted[i]! < 1000 && ![...NEVER_FORWARDED].some((n) => n > sorted[i]! && n < sorted[i + 1]!);
      if (asRange[i] && rangeOk) specs.push(`${sorted[i]}-${sorted[++i]}`);
      else specs.push(String(sorted[i]));
    }
    const groups = [0, 1, 2].map((g) => specs.filter((_, i) => owner[i] === g)).filter((g) => g.length > 0);
    const built = groups.map((ports, g) =>
      permuteObject({ protocol: protocol[g], ports: permute(ports, order.slice(g)), purpose: purpose[g], hostOnly: hostOnly[g] }, order.slice(g + 1)),
    );
    return permute(built, order);
  });

const source = fc
  .record({
    url: fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((p) => `https://example.com/support/${p}`),
    checked: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2025, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10)),
    order,
  })
  .map(({ order, ...s }) => permuteObject(s, order));

/** A valid preset input, laid out in random order, sometimes with an alias repeated in other case. */
export const validPresetInput = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/),
    name: fc.stringMatching(/^[A-Z][a-z]{2,12}(?: [A-Z0-9][a-z0-9]{0,8}){0,2}$/),
    aliases: fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9 ]{0,10}[a-z0-9]$/), { maxLength: 5 }),
    shout: fc.boolean(),
    category: fc.constantFrom(...CATEGORIES),
    platformNames: fc.uniqueArray(fc.constantFrom(...PLATFORMS), { minLength: 1, maxLength: 4 }),
    platformRules: fc.array(rules, { minLength: 4, maxLength: 4 }),
    verification: fc.constantFrom(...VERIFICATION),
    sources: fc.uniqueArray(source, { minLength: 1, maxLength: 2, selector: (s) => String(s.url) }),
    notes: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,60}$/), { nil: undefined }),
    schemaRef: fc.boolean(),
    order,
  })
  .map(({ shout, schemaRef, aliases, name, platformNames, platformRules, order, ...p }) => {
    const unique = aliases.filter((a) => a.trim().toLowerCase() !== name.toLowerCase());
    const withCaseDup = shout && unique.length > 0 ? [...unique, unique[0]!.toUpperCase()] : unique;
    const platforms = Object.fromEntries(platformNames.map((pl, i) => [pl, { forward: platformRules[i] }]));
    return permuteObject(
      { ...p, name, aliases: permute(withCaseDup, order), platforms, $schema: schemaRef ? '../preset.schema.json' : undefined },
      order.slice(3),
    ) as { id: string } & Record<string, unknown>;
  });

describe('format', () => {
  it('is idempotent, and validate accepts whatever it produces from a valid preset', () => {
    fc.assert(
      fc.property(validPresetInput, fc.constantFrom(0, 2, 4, '\t'), (preset, indent) => {
        const messy = JSON.stringify(preset, null, indent);
        const formatted = canonicalText(JSON.parse(messy));
        expect(canonicalText(JSON.parse(formatted))).toBe(formatted);
        const file = `data/presets/${preset.id}.json`;
        expect(validateDataset([{ file, text: formatted }], { today: TODAY }).map(formatProblem)).toEqual([]);
        // Before formatting, only formatting is wrong.
        expect(validateDataset([{ file, text: messy }], { today: TODAY }).filter((p) => p.check !== 'format').map(formatProblem)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('writes 2-space JSON with arrays of strings on one line and a trailing newline', () => {
    expect(stringifyCanonical({ a: ['1', '2'], b: [{ c: [] }], d: {} })).toBe('{\n  "a": ["1", "2"],\n  "b": [\n    {\n      "c": []\n    }\n  ],\n  "d": {}\n}\n');
    expect(stringifyCanonical({ s: 'a ["x",\n"y"] b' })).toBe('{\n  "s": "a [\\"x\\",\\n\\"y\\"] b"\n}\n');
  });

  it('sorts aliases, platforms, rules and ports and orders keys as the schema does', () => {
    const out = JSON.parse(canonicalText(JSON.parse(readFixture('bad/unsorted.json'))));
    expect(out.aliases).toEqual(['Alpha', 'beta']);
    expect(Object.keys(out.platforms)).toEqual(['pc', 'ps5']);
    expect(out.platforms.ps5.forward.map((r: { ports: string[] }) => r.ports)).toEqual([['60'], ['80', '443']]);
    const keyOrder = JSON.parse(canonicalText(JSON.parse(readFixture('bad/key-order.json'))));
    expect(Object.keys(keyOrder)).toEqual(['$schema', 'id', 'name', 'aliases', 'category', 'platforms', 'verification', 'sources']);
  });

  it('keeps unknown keys (after the known ones) for the validator to report', () => {
    const out = JSON.parse(canonicalText({ zzz: 1, id: 'x', $schema: 's' }));
    expect(Object.keys(out)).toEqual(['$schema', 'id', 'zzz']);
  });
});
