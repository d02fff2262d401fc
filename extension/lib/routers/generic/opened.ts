/**
 * What PortPilot opened itself in this document: the Add button it pressed to get a form, and
 * the pop-up that appeared for it. The pop-up's own "OK" may then save the form PortPilot
 * filled; an "OK" in any other dialog is never pressed. The Add button itself is never taken for
 * the form's save button. Kept in memory for this document only.
 */
const pressedToOpen = new WeakSet<Element>();
const openedDialogs = new WeakSet<Element>();

export function recordOpenPress(el: Element): void {
  pressedToOpen.add(el);
}

export function wasPressedToOpen(el: Element): boolean {
  return pressedToOpen.has(el);
}

export function recordOpenedDialog(el: Element): void {
  openedDialogs.add(el);
}

export function wasOpenedByUs(el: Element): boolean {
  return openedDialogs.has(el);
}
