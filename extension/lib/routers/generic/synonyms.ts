/**
 * The synonym table: what routers call each field of a port-forwarding rule. Texts are
 * matched after normalize() (lowercase, camelCase and snake_case split into words).
 */

/**
 * Fields that are never ours to fill, even though they say "port" or "IP": triggers, source
 * filters, and page-level settings of the router's own services ("FTP Server Port").
 */
export const VETO =
  /\b(ipv ?6|trigger(ing|ed)?|source|src|remote|ftp|tftp|telnet|ssh|snmp|syslog|management|wan ip|external ip|public ip|schedule|mac|dns|gateway|subnet|mask|netmask|pass ?word|passwd|user ?name|login|search|ssid|lease|e ?mail|dmz|upnp|time|interval|mtu|filter)\b/;

export const PORT = /\b(ports?|port range|prt)\b/;
export const EXTERNAL = /\b(external|public|wan|outside|ext|global|incoming|inbound|internet|outer)\b/;
export const INTERNAL = /\b(internal|private|lan|local|inside|int|destination|dest|forward(ed|ing)? to|inner)\b/;
export const START = /\b(start|starting|begin|beginning|first|from|min|low|lower)\b/;
export const END = /\b(end|ending|last|to|max|high|upper|thru|through)\b/;
export const IP = /\b(ip|ipv ?4|ip ?addr(ess)?|address|addr)\b/;
export const DEVICE = /\b(server|host|device|computer|client|target|pc)\b/;
export const PROTOCOL = /\b(protocol|proto|service type|type|format)\b/;
export const NAME = /\b(names?|service|services|application|app|description|desc|rule|comment|label|title|nickname)\b/;
export const SAME = /\bsame\b/;
export const ENABLE = /\b(enable|enabled|active|activate|on|status|use rule)\b/;

/** Option labels for each protocol choice. */
export const PROTOCOL_OPTIONS = {
  tcp: /^tcp$/,
  udp: /^udp$/,
  both: /^(both|all|any|tcp ?(\/|&|\+|and|,| ) ?udp|udp ?(\/|&|\+|and|,| ) ?tcp|tcp\/udp)$/,
} as const;

/** Lowercase, collapsed spacing: "TCP / UDP" → "tcp/udp". */
export function normalizeOption(label: string): string {
  return label.toLowerCase().replace(/\s*([/&+,])\s*/g, '$1').replace(/\s+/g, ' ').trim();
}

export type ProtocolChoice = keyof typeof PROTOCOL_OPTIONS;

export function protocolOfLabel(label: string): ProtocolChoice | null {
  const n = normalizeOption(label);
  for (const key of ['tcp', 'udp', 'both'] as const) if (PROTOCOL_OPTIONS[key].test(n)) return key;
  return null;
}

/**
 * A column headed only "Start" / "End" (DD-WRT's Port Range Forwarding: Application | Start |
 * End | Protocol | IP Address) holds a port bound. Only read this way in column headers of a
 * rules grid, where nothing else starts or ends.
 */
export function bareBound(text: string): 'start' | 'end' | null {
  const t = text.toLowerCase().replace(/[^a-z ]+/g, ' ').trim();
  if (/^(start|starting|begin|from|first)$/.test(t)) return 'start';
  if (/^(end|ending|to|last)$/.test(t)) return 'end';
  return null;
}
