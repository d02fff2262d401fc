/**
 * Is this a device on a home network that a port forward can point at?
 * Home routers serve a /24 almost always, so .0 and .255 are treated as the network's own
 * address and its broadcast address.
 */
export type LanIpCheck = { ok: true; ip: string } | { ok: false; error: string };

const PRIVATE_HINT = 'a device on your home network has an address like 192.168.x.x, 10.x.x.x or 172.16–31.x.x';

export function checkLanIp(input: string): LanIpCheck {
  const ip = input.trim();
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) {
    return { ok: false, error: `"${ip}" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 192.168.1.50` };
  }
  const [a, b, , d] = parts.map(Number) as [number, number, number, number];
  if (a === 127) return { ok: false, error: `${ip} is a loopback address (this computer itself), not a device on your network` };
  if (a === 0 || a >= 224) return { ok: false, error: `${ip} is a reserved or multicast address, not a device; ${PRIVATE_HINT}` };
  if (a === 169 && b === 254) {
    return { ok: false, error: `${ip} is a link-local address the device picks when DHCP failed; give it a reserved address on your router first` };
  }
  const isPrivate = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  if (!isPrivate) return { ok: false, error: `${ip} is a public internet address; ${PRIVATE_HINT}` };
  if (d === 0) return { ok: false, error: `${ip} ends in .0, the network's own address, not a device` };
  if (d === 255) return { ok: false, error: `${ip} ends in .255, the network's broadcast address, not a device` };
  return { ok: true, ip };
}
