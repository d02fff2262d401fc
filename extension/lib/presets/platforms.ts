import { PLATFORMS, type Platform } from '../../../data/vocabulary';

/** The popup's platform filter groups the schema's platforms the way people think of them. */
export const PLATFORM_GROUPS = {
  all: { label: 'All platforms', platforms: PLATFORMS },
  pc: { label: 'PC', platforms: ['pc', 'mac', 'linux', 'steam-deck'] },
  playstation: { label: 'PlayStation', platforms: ['ps5', 'ps4'] },
  xbox: { label: 'Xbox', platforms: ['xbox-series', 'xbox-one'] },
  switch: { label: 'Switch', platforms: ['switch', 'switch-2'] },
  mobile: { label: 'Mobile', platforms: ['android', 'ios'] },
  server: { label: 'Server', platforms: ['server'] },
} as const satisfies Record<string, { label: string; platforms: readonly Platform[] }>;

export type PlatformGroup = keyof typeof PLATFORM_GROUPS;

export function isPlatformGroup(value: unknown): value is PlatformGroup {
  return typeof value === 'string' && Object.hasOwn(PLATFORM_GROUPS, value);
}

/** Bit per platform, so a filter test is one AND in the search hot path. */
export function platformBit(platform: Platform): number {
  return 1 << PLATFORMS.indexOf(platform);
}

export function groupMask(group: PlatformGroup): number {
  return PLATFORM_GROUPS[group].platforms.reduce((mask, p) => mask | platformBit(p), 0);
}

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** A filter by group ("playstation") or by one platform ("ps5"); a group wins where both exist ("pc"). */
export function filterMask(filter: PlatformGroup | Platform | undefined): number {
  if (filter === undefined) return groupMask('all');
  return isPlatformGroup(filter) ? groupMask(filter) : platformBit(filter);
}

/** Extra words a platform is searched by, beyond its label. */
export const PLATFORM_SEARCH_TERMS: Record<Platform, string> = {
  pc: 'pc windows computer',
  mac: 'mac macos apple computer',
  linux: 'linux computer',
  ps5: 'ps5 playstation',
  ps4: 'ps4 playstation',
  'xbox-series': 'xbox series',
  'xbox-one': 'xbox one',
  switch: 'switch nintendo',
  'switch-2': 'switch 2 nintendo',
  'steam-deck': 'steam deck',
  android: 'android phone tablet mobile',
  ios: 'ios iphone ipad mobile',
  server: 'server dedicated host',
};
