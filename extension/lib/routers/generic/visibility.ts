/**
 * Whether a person can see an element: the element and every ancestor, not just its own style.
 * A control inside a class-hidden modal keeps `display: block` itself (display is not
 * inherited), so only a walk up the tree catches it. Hidden dialogs, templates, `hidden`,
 * `inert`, zero opacity, zero size and off-screen parking all count as hidden; a frame's
 * content is hidden when the frame element is.
 *
 * Geometry is only consulted where the page has a layout (a real browser); happy-dom lays
 * nothing out, so there the style and attribute checks decide alone.
 */

/** Containers that hide their content while closed. */
function closedContainer(el: Element, child: Element | null): boolean {
  if (el.tagName === 'DIALOG' && !el.hasAttribute('open')) return true;
  if (el.tagName === 'DETAILS' && !el.hasAttribute('open')) {
    // The summary of a closed <details> stays visible; the rest does not.
    return !(child && child.tagName === 'SUMMARY');
  }
  return false;
}

function hasLayout(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const r = root.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

let cache: WeakMap<Element, boolean> | null = null;

/** Runs fn with ancestor results memoised: one page read asks about the same ancestors often. */
export function withVisibilityCache<T>(fn: () => T): T {
  if (cache) return fn();
  cache = new WeakMap();
  try {
    return fn();
  } finally {
    cache = null;
  }
}

/** Whether this element itself (not its ancestors) is hidden by attribute or style. */
function hidesItself(el: Element, child: Element | null, view: Window | null, self: boolean): boolean {
  const h = el as HTMLElement;
  if (h.hidden || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && el !== el.ownerDocument.body) return true;
  if (el.tagName === 'TEMPLATE' || closedContainer(el, child)) return true;
  if (!view) return false;
  const cs = view.getComputedStyle(el);
  if (cs.display === 'none') return true;
  // visibility is inherited and a child may turn it back on: only the element's own counts.
  if (self && (cs.visibility === 'hidden' || cs.visibility === 'collapse')) return true;
  if (cs.opacity !== '' && Number(cs.opacity) === 0) return true;
  if (cs.getPropertyValue('content-visibility') === 'hidden' && !self) return true;
  return false;
}

/** Whether el or one of its ancestors hides what is inside it (child: the element asking). */
function ancestorsHide(el: Element | null, child: Element, view: Window | null): boolean {
  if (!el) return false;
  // A closed <details> hides all but its summary, so its answer depends on the child asking.
  const memo = el.tagName !== 'DETAILS';
  const known = memo ? cache?.get(el) : undefined;
  if (known !== undefined) return known;
  const hidden = hidesItself(el, child, view, false) || ancestorsHide(el.parentElement, el, view);
  if (memo) cache?.set(el, hidden);
  return hidden;
}

function offScreen(el: Element, view: Window): boolean {
  const rects = el.getClientRects();
  if (rects.length === 0) return true;
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return true;
  const doc = el.ownerDocument;
  const left = r.left + view.scrollX;
  const top = r.top + view.scrollY;
  const width = Math.max(doc.documentElement.scrollWidth, view.innerWidth);
  return left + r.width <= 0 || top + r.height <= 0 || left >= width;
}

export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (hidesItself(el, null, view, true)) return false;
  if (ancestorsHide(el.parentElement, el, view)) return false;
  const check = (el as HTMLElement & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: false })) return false;
  if (view && hasLayout(doc) && offScreen(el, view)) return false;
  // Content of a frame is only as visible as the frame element in its parent page.
  let frame: Element | null = null;
  try {
    frame = view?.frameElement ?? null;
  } catch {
    frame = null; // a cross-origin parent: nothing more to check from here
  }
  return frame ? isVisible(frame) : true;
}

export const isHiddenElement = (el: Element): boolean => !isVisible(el);
