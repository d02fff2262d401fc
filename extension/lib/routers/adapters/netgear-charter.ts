import type { RouterAdapter } from '../types';

/**
 * Netgear routers that Charter/Spectrum supplied (WNDR3800, WNDR4300, R6300), reached at
 * routerlogin.net. Public facts from Netgear's and Spectrum's guides: ADVANCED > Advanced
 * Setup > Port Forwarding/Port Triggering lists the rules; "Add Custom Service" opens a form
 * with Service Name, Service Type (TCP / UDP / TCP/UDP), External Starting/Ending Port, a
 * "use the same port range for Internal port" checkbox, Internal Starting/Ending Port and
 * the Internal IP address in four octet boxes; Apply saves and the router reloads the list.
 */
export const netgearCharter: RouterAdapter = {
  id: 'netgear-charter',
  name: 'Netgear (Charter/Spectrum)',
  flow: 'reload',
  // Other firmware names Netgear hardware too ("FreshTomato on Netgear R7000"): one word is not enough.
  minScore: 4,
  markers: {
    hostnames: [/(^|\.)routerlogin\.(net|com)$/i],
    titles: [/netgear/i],
    text: [/\bnetgear\b/i, /\b(wndr3800|wndr4300|r6300)\b/i, /port forwarding\s*\/\s*port triggering/i, /add custom service/i, /\bgenie\b/i],
  },
  // genie's menu script opens Port Forwarding / Port Triggering as FW_forward.htm (public genie sources).
  forwardingPath: '/FW_forward.htm',
  addButton: /^\s*(\+\s*)?add custom service\s*$/i,
  saveButton: /^\s*apply\s*$/i,
};
