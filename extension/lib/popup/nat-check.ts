/**
 * "Did it work?": where each platform shows whether the forward helped. Consoles have a network
 * test that reports the NAT type; a server is checked from outside the home. Menu names are the
 * platforms' own; the sentences are ours.
 */
import { NAT_GOAL_LABELS, type NatGoal, type Platform } from '../../../data/vocabulary';

const FROM_OUTSIDE =
  'Check from outside your home: a friend joins, or a phone on mobile data (Wi‑Fi off) connects to your public address on the port. A test from inside your own network proves nothing: many routers do not loop back.';
const GAME_STATUS = 'Start the game and look at its network or multiplayer status; most games show the NAT type there.';

export const NAT_CHECK: Record<Platform, string> = {
  ps5: 'On the PS5: Settings › Network › Connection Status › Test Internet Connection, then read “NAT Type”.',
  ps4: 'On the PS4: Settings › Network › Test Internet Connection, then read “NAT Type”.',
  'xbox-series': 'On the Xbox: Settings › General › Network settings › Test NAT type.',
  'xbox-one': 'On the Xbox: Settings › General › Network settings › Test NAT type.',
  switch: 'On the Switch: System Settings › Internet › Test Connection, then read “NAT Type”.',
  'switch-2': 'On the Switch 2: System Settings › Internet › Test Connection, then read “NAT Type”.',
  pc: `${GAME_STATUS} For Xbox network games, Settings › Gaming › Xbox Networking shows the NAT type.`,
  mac: GAME_STATUS,
  linux: GAME_STATUS,
  'steam-deck': GAME_STATUS,
  android: GAME_STATUS,
  ios: GAME_STATUS,
  server: FROM_OUTSIDE,
};

export interface NatCheck {
  /** The one step to take now. */
  step: string;
  /** What a good result reads, when the preset says. */
  goal?: string;
}

export function natCheck(platform: Platform, natGoal: NatGoal | undefined, hostOnly: boolean): NatCheck {
  const step = hostOnly && platform !== 'server' ? `${NAT_CHECK[platform]} ${FROM_OUTSIDE}` : NAT_CHECK[platform];
  return { step, ...(natGoal ? { goal: `It should read ${NAT_GOAL_LABELS[natGoal]} (or better).` } : {}) };
}
