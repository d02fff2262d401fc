import type { BundledPreset, BundledRule } from './bundle';

/**
 * The forward rules a person chose on one platform: optional ones only when ticked (by position).
 * The popup's warnings and the background's check of a wide forward read the same list.
 */
export function chosenForwards(preset: BundledPreset, platform: string, optional: ReadonlySet<number>): BundledRule[] {
  const forward = Object.hasOwn(preset.platforms, platform) ? (preset.platforms[platform as keyof BundledPreset['platforms']]?.forward ?? []) : [];
  return forward.filter((spec, i) => !spec.optional || optional.has(i));
}
