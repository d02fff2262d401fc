import { db, type Device } from './db';
import { UserDataError } from './errors';
import { checkLanIp } from './lan-ip';

export async function listDevices(): Promise<Device[]> {
  return (await db().devices.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/** Adds a device, or renames the one already at that address: one device per IP. */
export async function saveDevice(name: string, ipInput: string, id?: number): Promise<Device> {
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
    const device: Device = { name: trimmed, ip: ip.ip, id: id ?? sameIp?.id };
    device.id = await table.put(device);
    return device;
  });
}

export async function removeDevice(id: number): Promise<void> {
  await db().devices.delete(id);
}
