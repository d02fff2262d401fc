/**
 * The preset format's words and port syntax, without zod: the popup imports these, and
 * keeping zod out of its bundle keeps it small. schema.ts builds the zod schema on top.
 */
export const PLATFORMS = ['pc', 'ps5', 'ps4', 'xbox-series', 'xbox-one', 'switch', 'steam-deck', 'server'] as const;
export const PLATFORM_LABELS: Record<Platform, string> = {
  pc: 'PC',
  ps5: 'PlayStation 5',
  ps4: 'PlayStation 4',
  'xbox-series': 'Xbox Series X|S',
  'xbox-one': 'Xbox One',
  switch: 'Nintendo Switch',
  'steam-deck': 'Steam Deck',
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
  'vpn',
  'file-sharing',
  'web-server',
  'smart-home',
  'camera',
  'nas',
] as const;

/** How the ports were checked: the strongest kind of source behind the preset. */
export const VERIFICATION = ['publisher', 'platform', 'community', 'unverified'] as const;

export const PROTOCOLS = ['tcp', 'udp', 'both'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Protocol = (typeof PROTOCOLS)[number];
export type Verification = (typeof VERIFICATION)[number];

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
