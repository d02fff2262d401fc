/**
 * The device a job forwards to: a private LAN address (checkLanIp), and, when the router is
 * reached at a private IPv4 address, on the router's own network. Home routers hand out a /24
 * under 192.168 and often larger networks under 10 and 172.16/12, so those are compared by
 * their private block only.
 */
import { checkLanIp } from '../store/lan-ip';

const octets = (ip: string) => ip.split('.').map(Number);

function privateBlock(ip: string): string | null {
  const [a, b, c] = octets(ip);
  if (a === 10) return '10';
  if (a === 172 && b! >= 16 && b! <= 31) return '172.16';
  if (a === 192 && b === 168) return `192.168.${c}`;
  return null;
}

export function checkDeviceForRouter(deviceIp: unknown, routerHost: string): { ok: true; ip: string } | { ok: false; error: string } {
  if (typeof deviceIp !== 'string') return { ok: false, error: 'no device address was given' };
  const lan = checkLanIp(deviceIp);
  if (!lan.ok) return lan;
  const routerBlock = /^\d+\.\d+\.\d+\.\d+$/.test(routerHost) ? privateBlock(routerHost) : null;
  const deviceBlock = privateBlock(lan.ip);
  if (routerBlock && deviceBlock !== routerBlock) {
    const example = routerBlock.startsWith('192.168') ? `${routerBlock}.x` : `${routerBlock}.x.x`;
    return { ok: false, error: `${lan.ip} is not on this router's network (the router is ${routerHost}; its devices have addresses like ${example})` };
  }
  return { ok: true, ip: lan.ip };
}
