/**
 * Which device a preset's Apply goes to: chosen per platform, never the device used last for
 * something else. Pure, so the rules are unit-tested without a page.
 */
import type { Platform } from '../../../data/vocabulary';
import type { Device } from '../store/db';
import { checkLanIp } from '../store/lan-ip';

export interface DeviceChoice {
  device: Device | undefined;
  /** The devices of this platform first, then the others. */
  ordered: Device[];
}

/**
 * The device the user chose for this platform before (by address), else the only device of this
 * platform; with none or several and no earlier choice, nothing: the user picks.
 */
export function chooseDevice(devices: readonly Device[], platform: Platform, chosenBefore: Partial<Record<Platform, string>>): DeviceChoice {
  const own = devices.filter((d) => d.platform === platform);
  const ordered = [...own, ...devices.filter((d) => d.platform !== platform)];
  const remembered = chosenBefore[platform];
  const device = (remembered ? devices.find((d) => d.ip === remembered) : undefined) ?? (own.length === 1 ? own[0] : undefined);
  return { device, ordered };
}

const octets = (ip: string) => ip.split('.').map(Number);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A warning when the device is not on the router's network. Home routers hand out a /24
 * almost always, so the first three numbers must match. Null when they do, or when the
 * router's address is unknown (a host name, or no router tab).
 */
export function subnetWarning(deviceIp: string, routerHost: string | undefined): string | null {
  // Only a router on a home network says anything about its devices' addresses.
  if (!routerHost || !IPV4.test(routerHost) || !IPV4.test(deviceIp) || !checkLanIp(routerHost).ok) return null;
  const [a, b, c] = octets(routerHost);
  const [x, y, z] = octets(deviceIp);
  if (a === x && b === y && c === z) return null;
  return `${deviceIp} is not on your router’s network: the router is ${routerHost}, so its devices have addresses like ${a}.${b}.${c}.x. Check the address on the device.`;
}
