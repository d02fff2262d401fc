import { fingerprintOf, type MappedField, type RouterMapping } from '../../extension/lib/teach/mapping';

/** A taught mapping as the teach panel would save it (fingerprint computed, not made up). */
export function mapping(over: Partial<RouterMapping> = {}): RouterMapping {
  const fields: MappedField[] = over.fields ?? [
    { role: 'extStart', locator: { frame: [], tag: 'input', type: 'text', classes: ['fi4'], label: 'Ext Ports' } },
    { role: 'ip', locator: { frame: [], tag: 'input', type: 'text', classes: ['fi6'], label: 'Int Address' } },
    { role: 'protocol', locator: { frame: [], tag: 'select', classes: ['fi2'], label: 'Protocol' } },
    { role: 'name', locator: { frame: [], tag: 'input', type: 'text', classes: ['fi7'], label: 'Description' } },
  ];
  const base = {
    origin: 'http://192.168.1.1',
    path: '/forward-basic.asp',
    router: 'Generic router',
    fields,
    submit: { locator: { frame: [], tag: 'input', type: 'button', label: 'Add' }, text: 'Add' },
    commit: { locator: { frame: [], tag: 'input', type: 'button', id: 'save-button', label: 'Save' }, text: 'Save' },
    extRangeSeparator: '-',
    how: 'taught' as const,
    savedAt: 1_700_000_000_000,
    ...over,
  };
  return { ...base, fingerprint: over.fingerprint ?? fingerprintOf(base) };
}
