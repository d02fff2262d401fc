/**
 * The documents of a page: the top document and every same-origin frame inside it (iframes
 * and framesets, nested), each with its path of frame indexes. A frame from another origin
 * cannot be read from here and is listed as unreadable, so the model can say so instead of
 * taking an unreadable list for an empty one.
 */
export interface PageDocument {
  doc: Document;
  /** Frame indexes from the top document down: [] is the top, [1, 0] the first frame of its second frame. */
  path: number[];
}

export interface UnreadableFrame {
  path: number[];
  src: string;
}

const FRAME_SELECTOR = 'iframe, frame';

function contentOf(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

export function pageDocuments(top: Document, maxDepth = 4): { docs: PageDocument[]; unreadable: UnreadableFrame[] } {
  const docs: PageDocument[] = [];
  const unreadable: UnreadableFrame[] = [];
  const visit = (doc: Document, path: number[]) => {
    docs.push({ doc, path });
    if (path.length >= maxDepth) return;
    Array.from(doc.querySelectorAll(FRAME_SELECTOR)).forEach((frame, i) => {
      const inner = contentOf(frame);
      if (inner?.documentElement) visit(inner, [...path, i]);
      else unreadable.push({ path: [...path, i], src: frame.getAttribute('src') ?? '' });
    });
  };
  visit(top, []);
  return { docs, unreadable };
}

/** The document at a frame path, or null when that frame is gone or unreadable now. */
export function documentAt(top: Document, path: number[]): Document | null {
  let doc: Document | null = top;
  for (const i of path) {
    const frame: Element | undefined = doc ? Array.from(doc.querySelectorAll(FRAME_SELECTOR))[i] : undefined;
    doc = frame ? contentOf(frame) : null;
    if (!doc) return null;
  }
  return doc;
}

/** The frame path of a document inside top ([] for top itself), or null when it is not inside. */
export function framePathOf(top: Document, doc: Document): number[] | null {
  return pageDocuments(top).docs.find((d) => d.doc === doc)?.path ?? null;
}
