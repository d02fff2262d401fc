// @vitest-environment happy-dom
/**
 * Property: over generated port-forward forms (label synonyms, field order, wrappers, label
 * mechanism, option labels, single-port vs range fields, decoys), the generic finder either
 * maps every field to the right part of the rule or refuses with a reason, and filling
 * never writes into a field that is not the one it stands for.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findFields } from '../../../extension/lib/routers/generic/editors';
import type { FieldMap } from '../../../extension/lib/routers/generic/finder';
import { fillRule } from '../../../extension/lib/routers/generic/fill';
import type { RouterRule } from '../../../extension/lib/apply/types';

type Role = 'name' | 'extStart' | 'extEnd' | 'intStart' | 'intEnd' | 'ip' | 'protocol' | 'decoy';

const LABELS: Record<string, string[]> = {
  name: ['Service Name', 'Application', 'Description', 'Rule name', 'Name'],
  extStart: ['External Start Port', 'Public Port Start', 'WAN Start Port', 'Starting External Port', 'Ext. port from'],
  extEnd: ['External End Port', 'Public Port End', 'WAN End Port', 'Ending External Port', 'Ext. port to'],
  extSingle: ['External Port', 'Public Port', 'Port', 'WAN Port'],
  intStart: ['Internal Start Port', 'Private Port Start', 'LAN Start Port', 'Starting Internal Port'],
  intEnd: ['Internal End Port', 'Private Port End', 'LAN End Port', 'Ending Internal Port'],
  intSingle: ['Internal Port', 'Private Port', 'LAN Port', 'Forward to port'],
  ip: ['Server IP Address', 'Internal IP', 'Device IP', 'IP Address', 'LAN IP', 'Local IP Address', 'Host'],
  protocol: ['Protocol', 'Service Type', 'Proto', 'Type'],
  decoy: ['Remote IP', 'Trigger Port', 'Source IP', 'Schedule'],
};
const BOTH = ['Both', 'TCP/UDP', 'TCP+UDP', 'All', 'TCP & UDP', 'TCP / UDP'];
const MECHANISMS = ['label-for', 'aria-label', 'enclosing', 'cell', 'preceding', 'placeholder', 'title', 'labelledby'] as const;
type Mechanism = (typeof MECHANISMS)[number];

interface FieldSpec {
  role: Role;
  label: string;
  mech: Mechanism;
  wrap: number;
}

const field = (role: Role, key = role as string) =>
  fc.record({
    role: fc.constant(role),
    label: fc.constantFrom(...LABELS[key]!),
    mech: fc.constantFrom(...MECHANISMS),
    wrap: fc.integer({ min: 0, max: 2 }),
  });

const formSpec = fc.record({
  name: fc.option(field('name'), { nil: undefined }),
  ext: fc.oneof(
    fc.tuple(field('extStart'), field('extEnd')),
    fc.tuple(field('extStart', 'extSingle')),
  ),
  int: fc.oneof(
    fc.constant([] as FieldSpec[]),
    fc.tuple(field('intStart'), field('intEnd')),
    fc.tuple(field('intStart', 'intSingle')),
  ),
  ip: field('ip'),
  octets: fc.boolean(),
  protocol: field('protocol'),
  protoControl: fc.constantFrom('select', 'radio'),
  both: fc.option(fc.constantFrom(...BOTH), { nil: undefined }),
  decoy: fc.option(field('decoy'), { nil: undefined }),
  order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  table: fc.boolean(),
  rangeRule: fc.boolean(),
  proto: fc.constantFrom('tcp', 'udp', 'both') as fc.Arbitrary<RouterRule['protocol']>,
});

type Spec = typeof formSpec extends fc.Arbitrary<infer T> ? T : never;

let uid = 0;

/** Builds one field's markup; every control carries data-role (invisible to the finder's signals). */
function render(spec: FieldSpec, o: { octets: boolean; protoControl: string; both?: string; table: boolean }): string {
  const id = `f${++uid}`;
  const lid = `l${uid}`;
  const attrs = (extra = '') => {
    let a = `id="${id}" name="x${uid}" data-role="${spec.role}" ${extra}`;
    if (spec.mech === 'aria-label') a += ` aria-label="${spec.label}"`;
    if (spec.mech === 'placeholder') a += ` placeholder="${spec.label}"`;
    if (spec.mech === 'title') a += ` title="${spec.label}"`;
    if (spec.mech === 'labelledby') a += ` aria-labelledby="${lid}"`;
    return a;
  };
  let control: string;
  if (spec.role === 'protocol') {
    const opts = ['TCP', 'UDP', ...(o.both ? [o.both] : [])];
    control =
      o.protoControl === 'select'
        ? `<select ${attrs()}>${opts.map((x) => `<option value="v${x.length}${x.charCodeAt(0)}">${x}</option>`).join('')}</select>`
        : opts.map((x, i) => `<input type="radio" name="pr${uid}" value="${i}" data-role="protocol" id="${id}r${i}"><label for="${id}r${i}">${x}</label>`).join(' ');
  } else if (spec.role === 'ip' && o.octets) {
    control = `<span>${[1, 2, 3, 4].map((i) => `<input type="text" maxlength="3" data-role="ip" name="o${uid}${i}"${i === 1 ? ` id="${id}"` : ''}${spec.mech === 'aria-label' ? ` aria-label="${spec.label} ${i}"` : ''}${spec.mech === 'title' ? ` title="${spec.label}"` : ''}>`).join('.')}</span>`;
  } else {
    control = `<input type="text" ${attrs()}>`;
  }
  for (let i = 0; i < spec.wrap; i++) control = i % 2 ? `<span>${control}</span>` : `<div>${control}</div>`;
  const text = `<span id="${lid}">${spec.label}</span>`;
  const visible = spec.mech === 'label-for' ? `<label for="${id}">${spec.label}</label>` : spec.mech === 'preceding' || spec.mech === 'labelledby' || spec.mech === 'cell' ? text : '';
  if (spec.mech === 'enclosing' && !(spec.role === 'protocol' && o.protoControl === 'radio')) {
    return o.table ? `<tr><td colspan="2"><label>${spec.label} ${control}</label></td></tr>` : `<div class="row"><label>${spec.label} ${control}</label></div>`;
  }
  const lbl = visible || (spec.role === 'protocol' && o.protoControl === 'radio' ? text : '');
  return o.table ? `<tr><td>${lbl}</td><td>${control}</td></tr>` : `<div class="row">${lbl}${control}</div>`;
}

const EXPECT: Record<string, (f: FieldMap) => Element[]> = {
  name: (f) => (f.name ? [f.name] : []),
  extStart: (f) => [f.extStart],
  extEnd: (f) => (f.extEnd ? [f.extEnd] : []),
  intStart: (f) => (f.intStart ? [f.intStart] : []),
  intEnd: (f) => (f.intEnd ? [f.intEnd] : []),
  ip: (f) => f.ip,
  protocol: (f) => (f.protocol.kind === 'select' ? [f.protocol.el] : f.protocol.options.map((x) => x.el)),
};

function check(spec: Spec): { ok: boolean } {
  const specs: FieldSpec[] = [spec.name, ...spec.ext, ...spec.int, spec.ip, spec.protocol, spec.decoy].filter((x): x is FieldSpec => !!x);
  const order = specs.map((s, i) => ({ s, k: spec.order[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const html = order.map((s) => render(s, spec)).join('\n');
  document.body.innerHTML = spec.table ? `<form><table>${html}</table></form>` : `<form>${html}</form>`;
  const r = findFields(document);
  if (!r.ok) {
    expect(r.reason.length).toBeGreaterThan(0);
    return { ok: false };
  }
  // Every mapped control is the one generated for that role.
  for (const [role, get] of Object.entries(EXPECT)) {
    for (const el of get(r.fields)) expect(el.getAttribute('data-role'), `${role} mapped to ${el.outerHTML}\n${document.body.innerHTML}`).toBe(role);
  }
  // And every generated role (but decoys) was found.
  const found = new Set(Object.entries(EXPECT).flatMap(([role, get]) => (get(r.fields).length ? [role] : [])));
  for (const s of specs) if (s.role !== 'decoy') expect(found.has(s.role), `${s.role} not found\n${document.body.innerHTML}`).toBe(true);

  const port = 27015;
  const rule: RouterRule = {
    name: 'Game', protocol: spec.proto, externalStart: port, externalEnd: spec.rangeRule ? port + 5 : port,
    internalStart: port, internalEnd: spec.rangeRule ? port + 5 : port, ip: '192.168.1.20', enabled: true,
  };
  const filled = fillRule(r.fields, rule);
  const written = Array.from(document.querySelectorAll<HTMLInputElement>('input[type=text]')).filter((i) => i.value !== '');
  if (!filled.ok) {
    expect(filled.message.length).toBeGreaterThan(0);
    expect(written).toHaveLength(0);
    return { ok: true };
  }
  for (const el of written) expect(el.getAttribute('data-role'), el.outerHTML).not.toBe('decoy');
  const val = (role: string) => written.filter((e) => e.getAttribute('data-role') === role).map((e) => e.value);
  expect(val('extStart')).toEqual([String(port)]);
  if (r.fields.extEnd) expect(val('extEnd')).toEqual([String(rule.externalEnd)]);
  expect(val('ip').join('.')).toBe('192.168.1.20');
  return { ok: true };
}

describe('generic finder property', () => {
  test('maps every field right or refuses; never writes a wrong field', () => {
    let mapped = 0;
    let runs = 0;
    fc.assert(
      fc.property(formSpec, (spec) => {
        runs++;
        if (check(spec).ok) mapped++;
      }),
      { numRuns: 300 },
    );
    console.log(`property: ${mapped}/${runs} variants mapped, the rest refused`);
    // Refusing everything would pass the property trivially: most variants must map.
    expect(mapped / runs).toBeGreaterThan(0.6);
  }, 120_000);
});
