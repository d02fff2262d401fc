/**
 * How big each stored thing may get. One table for both sides: what the app writes is cut to
 * these sizes when it is written, and a backup is checked against the same sizes when it is
 * read, so anything PortPilot exports it can import again.
 */
export const LIMITS = {
  deviceName: 40,
  devices: 500,
  /** Router origins: a 253-character DNS name plus scheme and port fit. */
  origin: 300,
  /** A router's or the engine's message about one rule. */
  message: 400,
  /** Outcomes in one history entry (100 rules a preset, each possibly split in two, and room to spare). */
  outcomes: 1000,
  /** History entries kept: the oldest go first. */
  history: 1000,
  favorites: 5000,
  recents: 100,
  customPresets: 1000,
  presetId: 80,
  presetName: 120,
  /** The user's own presets: forward and outbound rules in all, entries of one rule's port list, search words. */
  presetRules: 100,
  rulePorts: 50,
  presetAliases: 20,
  presetSources: 20,
  sourceUrl: 300,
  presetUses: 20,
  /** Text in the preset's JSON editor. */
  presetJsonChars: 256 * 1024,
  routerAddresses: 10,
  routerAddress: 200,
  /** A backup file larger than this is refused before it is read. */
  backupBytes: 5 * 1024 * 1024,
  /** Problems listed at once; the rest are counted. */
  problemsShown: 50,
} as const;

/** No timestamp from the future (a clock a day fast is tolerated). */
export const latestTimestamp = (now = Date.now()) => now + 24 * 60 * 60 * 1000;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
