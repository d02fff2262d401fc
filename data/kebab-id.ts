/**
 * The id a preset name spells: "Call of Duty®: Black Ops 6" → "call-of-duty-black-ops-6".
 * Shared by `npm run new-preset`, the validator and the options page's preset form.
 */
export function toKebabId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
