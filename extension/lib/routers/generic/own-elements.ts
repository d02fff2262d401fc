/**
 * Elements PortPilot put into the page (the progress panel). Known by reference, never by an
 * attribute the page could copy: a page cannot hide its own text from the reader, or pose as
 * our panel, by planting a marker.
 */
const own = new WeakSet<Element>();

export function markOwnElement(el: Element): void {
  own.add(el);
}

export function isOwnElement(el: Element): boolean {
  return own.has(el);
}
