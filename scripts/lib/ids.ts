/** "Call of Duty®: Black Ops 6" → "call-of-duty-black-ops-6" */
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

/** How names and aliases are compared for collisions. */
export const nameKey = (s: string) => s.trim().toLowerCase();
