import type { RouterAdapter } from '../types';

/**
 * Arris gateways (e.g. TG862) that cable providers supplied, reached at http://10.0.0.1
 * with a "Gateway > At a Glance" menu. Public facts only; fields come from the generic
 * finder. The add button ("Add Virtual Server") adds the row to the list on the same page.
 */
export const arrisGateway: RouterAdapter = {
  id: 'arris-gateway',
  name: 'Arris gateway (TG862 style)',
  flow: 'in-page',
  // "At a Glance" alone is also the RDK-B (XB3) gateway's menu: one marker is not enough.
  minScore: 4,
  markers: {
    hostnames: [/^10\.0\.0\.1$/],
    titles: [/arris|touchstone|tg\d{3}/i],
    text: [/\barris\b/i, /\btouchstone\b/i, /\btg\d{3,4}\w*\b/i, /at a glance/i],
  },
};
