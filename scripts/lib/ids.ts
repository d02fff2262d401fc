export { toKebabId } from '../../data/kebab-id.ts';

/** How names and aliases are compared for collisions. */
export const nameKey = (s: string) => s.trim().toLowerCase();
