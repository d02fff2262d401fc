/**
 * The router's own internet (WAN) address, when the page shows it: a status page lists it as
 * "WAN IP Address 100.72.4.9", "Internet IP: …" or "Public IPv4 …", in a table row, a label and
 * its value, or one line of text. The popup warns when it is no public address (double NAT,
 * carrier-grade NAT): then no forward on this router can be reached from the internet.
 */
import { isHiddenElement, textOf } from './signals';

const IPV4 = /\b((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})\b/;
const WAN_LABEL = /\b(?:wan|internet|public|external)\b(?:\s+(?:ipv4|ip))?(?:\s+address)?|\bwan\b/i;
/** Rows about something else than the router's own address. */
const NOT_THE_ADDRESS = /gateway|dns|mask|subnet|netmask|\blan\b|\bmac\b|server|lease|remote|client|device/i;

/** One row's label and value as text: "WAN IP Address 100.72.4.9". */
function rowText(el: Element): string {
  const own = textOf(el);
  const tag = el.tagName.toLowerCase();
  // A label cell or term whose value sits in the next element.
  if (['dt', 'th', 'td', 'span', 'label', 'b', 'strong'].includes(tag) && !IPV4.test(own)) return `${own} ${textOf(el.nextElementSibling)}`;
  return own;
}

export function readWanAddress(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll('tr, li, dt, th, td, p, div, span, label, b, strong'))) {
    if ((el.textContent?.length ?? 0) > 400) continue; // cheap first: big containers are no row
    const text = rowText(el);
    if (text.length > 160) continue; // a whole section, not one row
    const ip = IPV4.exec(text);
    if (!ip) continue;
    const label = text.slice(0, ip.index);
    if (label.length > 60 || !WAN_LABEL.test(label) || NOT_THE_ADDRESS.test(label)) continue;
    if (ip[1] === '0.0.0.0' || isHiddenElement(el)) continue;
    return ip[1]!;
  }
  return null;
}
