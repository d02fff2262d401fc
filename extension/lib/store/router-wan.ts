/** The internet address each router showed on its status page, kept for its other pages. */
import { LIMITS } from './limits';
import { getSetting, setSetting } from './settings';

export async function rememberWan(origin: string, ip: string): Promise<void> {
  const known = { ...(await getSetting('wanByRouter')) };
  delete known[origin]; // re-inserted last: the oldest router is dropped first
  known[origin] = ip;
  const origins = Object.keys(known);
  for (const old of origins.slice(0, Math.max(0, origins.length - LIMITS.routerAddresses))) delete known[old];
  await setSetting('wanByRouter', known);
}

export async function wanOf(origin: string): Promise<string | undefined> {
  return (await getSetting('wanByRouter'))[origin];
}
