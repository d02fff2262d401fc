/**
 * How preset names are compared to tell whether one poses as another: case, accents, spaces,
 * punctuation and trademark signs do not count, so "FORTNITE™", "Fortnite!" and "fort-nite" are
 * all "fortnite". Plain code (no zod): the popup can rank with it too.
 */
export function presetNameKey(name: string): string {
  return name
    .replace(/[™®©℠]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
