import type { Platform } from '../../../data/vocabulary';
import { db, type Device } from './db';
import { UserDataError } from './errors';
import { checkLanIp } from './lan-ip';

/** Adding a device at an address another device has: the caller asks before renaming it. */
export class DeviceAddressTaken extends UserDataError {
  constructor(readonly existing: Device) {
    super([`${existing.ip} is already “${existing.name}”. Rename that device, or check the address.`]);
    this.name = 'DeviceAddressTaken';
  }
}

export interface SaveDeviceOptions {
  platform?: Platform;
  /** Adding at an address another device has renames that device (after the user said so). */
  replaceAtAddress?: boolean;
}

export async function listDevices(): Promise<Device[]> {
  return (await db().devices.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Adds a device (no id) or edits one. One device per IP: adding at a taken address throws
 * DeviceAddressTaken unless `replaceAtAddress`, so nobody's device is renamed silently.
 */
export async function saveDevice(name: string, ipInput: string, id?: number, opts: SaveDeviceOptions = {}): Promise<Device> {
  const problems: string[] = [];
  const trimmed = name.trim();
  if (!trimmed) problems.push('Give the device a name, e.g. "PS5" or "Gaming PC".');
  if (trimmed.length > 40) problems.push('Keep the device name under 40 characters.');
  const ip = checkLanIp(ipInput);
  if (!ip.ok) problems.push(ip.error);
  if (problems.length > 0 || !ip.ok) throw new UserDataError(problems);

  const table = db().devices;
  return db().transaction('rw', table, async () => {
    const sameIp = await table.where('ip').equals(ip.ip).first();
    if (sameIp && sameIp.id !== id && id !== undefined) {
      throw new UserDataError([`${ip.ip} already belongs to "${sameIp.name}".`]);
    }
    if (sameIp && id === undefined && !opts.replaceAtAddress) throw new DeviceAddressTaken(sameIp);
    const previous = id !== undefined ? await table.get(id) : sameIp;
    const platform = opts.platform ?? previous?.platform;
    const device: Device = { name: trimmed, ip: ip.ip, id: id ?? sameIp?.id, ...(platform ? { platform } : {}) };
    device.id = await table.put(device);
    return device;
  });
}

export async function removeDevice(id: number): Promise<void> {
  await db().devices.delete(id);
}
