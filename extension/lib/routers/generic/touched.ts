/**
 * The controls PortPilot typed into in this document, with what it typed. A row holding one
 * of them is our own editing, never the router's list: "applied" is only read from what the
 * router rendered. Kept per document in memory; a reload starts a new, untouched document.
 */
const written = new WeakMap<Element, string>();

export function recordWrite(el: Element, value: string): void {
  written.set(el, value);
}

export function wasWritten(el: Element): boolean {
  return written.has(el);
}

/** The control still holds exactly what PortPilot typed (our own leftover, not a rule of the user's). */
export function holdsOurValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): boolean {
  return written.has(el) && written.get(el) === el.value;
}
