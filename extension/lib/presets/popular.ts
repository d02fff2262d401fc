/**
 * What the first screen offers before anything is typed: the console networks (the usual cure
 * for a Strict NAT), then the games and servers people forward ports for most.
 */
export const POPULAR_PRESETS = [
  'xbox-network',
  'playstation-network',
  'nintendo-switch-online',
  'minecraft-java',
  'minecraft-bedrock',
  'call-of-duty-warzone',
  'valheim-server',
  'plex-media-server',
  'steam',
] as const;
