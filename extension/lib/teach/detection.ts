/**
 * What the popup is told about a page, knowing what people taught: a page PortPilot cannot
 * read is still one to apply on when a person showed it the fields before, or when it lists
 * the router's rules and has a form PortPilot can be shown (the preview then asks first).
 */
import type { Detection } from '../apply/types';
import type { PageDetection } from '../routers/detect';
import type { RouterMapping } from './mapping';
import { proposalFor } from './proposal';
import { matchStored } from './use-mapping';

export function detectionWithTeaching(found: PageDetection, doc: Document, mappings: RouterMapping[]): Detection {
  const d = found.detection;
  if (d.kind === 'form') return matchStored(doc, found.model, mappings) ? { ...d, teach: 'known' } : d;
  if (d.kind !== 'unknown' || d.forwarding) return d;
  if (matchStored(doc, found.model, mappings)) return { ...d, kind: 'form', teach: 'known', reason: `${d.reason}; a person showed PortPilot this form` };
  // A page that lists the router's rules, with fields and a button: the person can show PortPilot which is which.
  if (found.model.listReadable && proposalFor(doc, found.model)) {
    return { ...d, kind: 'form', teach: 'needed', reason: `${d.reason}; the person can show PortPilot the fields` };
  }
  return d;
}
