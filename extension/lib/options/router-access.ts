/**
 * The router addresses PortPilot may currently read and fill (granted at the first Apply on
 * each), and "Forget" to give that access back. The permissions API is passed in so tests can
 * stand in for it (fake-browser has none).
 */
import { browser } from 'wxt/browser';

export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

const defaultApi = (): PermissionsApi => browser.permissions;

/** "http://192.168.1.1/*" → "http://192.168.1.1"; anything that is not a web origin pattern is left out. */
export function originOfPattern(pattern: string): string | null {
  const m = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern);
  return m ? m[1]! : null;
}

export async function grantedRouterOrigins(api: PermissionsApi = defaultApi()): Promise<string[]> {
  const { origins = [] } = await api.getAll();
  const out = origins.map(originOfPattern).filter((o): o is string => o !== null);
  return [...new Set(out)].sort();
}

/** Gives back access to one origin. Returns a sentence for the user when it could not be done. */
export async function forgetRouterOrigin(origin: string, api: PermissionsApi = defaultApi()): Promise<string | null> {
  try {
    const removed = await api.remove({ origins: [`${origin}/*`] });
    return removed ? null : `${origin} could not be forgotten: this build of PortPilot needs it.`;
  } catch (e) {
    return `${origin} could not be forgotten: ${(e as Error).message}`;
  }
}
