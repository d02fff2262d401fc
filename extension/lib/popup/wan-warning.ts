/**
 * When the router's own internet address is not public, forwarding on it cannot work alone:
 * another router sits in front (double NAT), or the provider shares one address between
 * customers (carrier-grade NAT, 100.64.0.0/10). Says so, and what to ask for.
 */
export type WanKind = 'public' | 'private' | 'cgnat';

export function wanKind(ip: string): WanKind {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  return 'public';
}

/** The warning for the router's WAN address, or null when it is public. */
export function wanWarning(ip: string): string | null {
  const kind = wanKind(ip);
  if (kind === 'cgnat') {
    return (
      `Your router’s internet address is ${ip}, a carrier-grade NAT address: your provider shares one public address between several customers, ` +
      'so a forward on this router cannot be reached from the internet. Ask your provider for a public IPv4 address (some call it a dedicated or static IP), then apply.'
    );
  }
  if (kind === 'private') {
    return (
      `Your router’s internet address is ${ip}, a private address: another router or modem sits in front of it (double NAT). ` +
      'Forward the same ports on that one to this router, put it in bridge mode, or ask your provider how; forwarding here alone will not be enough.'
    );
  }
  return null;
}
