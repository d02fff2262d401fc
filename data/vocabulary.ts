/**
 * The preset format's words and port syntax, without zod: the popup imports these, and
 * keeping zod out of its bundle keeps it small. schema.ts builds the zod schema on top.
 */
export const PLATFORMS = [
  'pc',
  'mac',
  'linux',
  'ps5',
  'ps4',
  'xbox-series',
  'xbox-one',
  'switch',
  'switch-2',
  'steam-deck',
  'android',
  'ios',
  'server',
] as const;
export const PLATFORM_LABELS: Record<Platform, string> = {
  pc: 'PC',
  mac: 'Mac',
  linux: 'Linux',
  ps5: 'PlayStation 5',
  ps4: 'PlayStation 4',
  'xbox-series': 'Xbox Series X|S',
  'xbox-one': 'Xbox One',
  switch: 'Nintendo Switch',
  'switch-2': 'Nintendo Switch 2',
  'steam-deck': 'Steam Deck',
  android: 'Android',
  ios: 'iPhone / iPad',
  server: 'Server / host machine',
};

export const CATEGORIES = [
  'game',
  'console-network',
  'launcher',
  'game-server',
  'media-server',
  'remote-access',
  'game-streaming',
  'voice-chat',
  'video-call',
  'vpn',
  'file-sharing',
  'web-server',
  'smart-home',
  'camera',
  'nas',
  'dns',
  'home-lab',
] as const;

/** The categories in words, capitalised for forms (bundle.ts keeps its lower-case search words). */
export const CATEGORY_NAMES: Record<Category, string> = {
  game: 'Game',
  'console-network': 'Console network',
  launcher: 'Launcher or store',
  'game-server': 'Game server',
  'media-server': 'Media server',
  'remote-access': 'Remote access',
  'game-streaming': 'Game streaming',
  'voice-chat': 'Voice chat',
  'video-call': 'Video calls',
  vpn: 'VPN',
  'file-sharing': 'File sharing',
  'web-server': 'Web server',
  'smart-home': 'Smart home',
  camera: 'Camera',
  nas: 'NAS (network storage)',
  dns: 'DNS',
  'home-lab': 'Home lab',
};

/** How the ports were checked: the strongest kind of source behind the preset. */
export const VERIFICATION = ['publisher', 'platform', 'community', 'unverified'] as const;

export const PROTOCOLS = ['tcp', 'udp', 'both'] as const;
/** What people see: never "both". */
export const PROTOCOL_LABELS: Record<Protocol, string> = { tcp: 'TCP', udp: 'UDP', both: 'TCP+UDP' };

/**
 * The NAT type a forward should bring the console or PC to, in the words each platform's
 * network test shows: Xbox and PC say Open/Moderate, PlayStation Type 1/2, Nintendo Type A/B.
 */
export const NAT_GOALS = ['open', 'moderate', 'type-1', 'type-2', 'type-a', 'type-b'] as const;
export const NAT_GOAL_LABELS: Record<NatGoal, string> = {
  open: 'NAT type Open',
  moderate: 'NAT type Moderate',
  'type-1': 'NAT Type 1',
  'type-2': 'NAT Type 2',
  'type-a': 'NAT Type A',
  'type-b': 'NAT Type B',
};

/** Does turning on UPnP on the router make manual forwarding unnecessary? */
export const UPNP_ADVICE = ['sufficient', 'helps', 'not-used'] as const;
export const UPNP_LABELS: Record<UpnpAdvice, string> = {
  sufficient: 'UPnP on the router is enough: try it before forwarding by hand.',
  helps: 'UPnP on the router helps, but some ports still need a manual forward.',
  'not-used': 'This does not use UPnP: only a manual forward helps.',
};

export type Platform = (typeof PLATFORMS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Protocol = (typeof PROTOCOLS)[number];
export type Verification = (typeof VERIFICATION)[number];
export type NatGoal = (typeof NAT_GOALS)[number];
export type UpnpAdvice = (typeof UPNP_ADVICE)[number];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** "3074" or "27015-27030". Strings keep ranges readable in review diffs. */
export const PORT_SPEC_PATTERN = /^(\d{1,5})(?:-(\d{1,5}))?$/;

export interface PortRange {
  start: number;
  end: number;
}

/** Parses "N" or "N-M"; returns null when it is not a port spec at all. */
export function parsePortSpec(spec: string): PortRange | null {
  const m = PORT_SPEC_PATTERN.exec(spec);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return { start, end };
}

export function formatPortRange({ start, end }: PortRange): string {
  return start === end ? String(start) : `${start}-${end}`;
}
