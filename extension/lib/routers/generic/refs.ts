/**
 * Serialisable pointers to elements: the frame path and a CSS path inside that frame. A page
 * model made of these can be stored (a taught mapping), sent between extension parts and
 * resolved again on the same page.
 */
import { documentAt, framePathOf } from './frames';

export interface ElementRef {
  /** Frame indexes from the top document ([] = top). */
  frame: number[];
  /** CSS selector inside that frame's document. */
  path: string;
}

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

function uniqueId(el: Element): string | null {
  if (!el.id || !SIMPLE_ID.test(el.id)) return null;
  return el.ownerDocument.querySelectorAll(`#${el.id}`).length === 1 ? `#${el.id}` : null;
}

/** A selector for el within its own document: the nearest unique id, then child positions. */
export function cssPath(el: Element): string {
  const parts: string[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const id = uniqueId(cur);
    if (id) {
      parts.unshift(id);
      break;
    }
    const parent: Element | null = cur.parentElement;
    const tag = cur.tagName.toLowerCase();
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const index = Array.from(parent.children).indexOf(cur) + 1;
    parts.unshift(`${tag}:nth-child(${index})`);
  }
  return parts.join(' > ');
}

export function refOf(top: Document, el: Element): ElementRef {
  return { frame: framePathOf(top, el.ownerDocument) ?? [], path: cssPath(el) };
}

export function resolveRef<T extends Element = Element>(top: Document, ref: ElementRef): T | null {
  const doc = documentAt(top, ref.frame);
  if (!doc) return null;
  try {
    return doc.querySelector<T>(ref.path as string) as T | null;
  } catch {
    return null;
  }
}
