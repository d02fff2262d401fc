/**
 * A router adapter is mostly data: markers that recognise the page, the flow of its form,
 * and the texts of the buttons the flow needs. The generic finder does the field work.
 */

/**
 * in-page: Save adds a row to a table on the same page.
 * reload: Save posts the form and the router answers with a new page.
 * multi-row: a grid of rule rows; one Apply saves them all.
 * app-only: no local port forwarding at all (managed in a phone app).
 */
export type FlowKind = 'in-page' | 'reload' | 'multi-row' | 'app-only';

export interface Markers {
  /** Matched against location.hostname. */
  hostnames?: RegExp[];
  /** Matched against the full URL. */
  urls?: RegExp[];
  titles?: RegExp[];
  /** Matched against the page's visible text. */
  text?: RegExp[];
  /** CSS selectors that exist on the page. */
  selectors?: string[];
}

export interface PageInfo {
  url: string;
  hostname: string;
  title: string;
  /** Visible text, whitespace collapsed. */
  text: string;
  /** What the page says about itself in <meta> model/hostname tags and data-hostname. */
  selfName?: string;
  doc: Document;
}

export interface RouterAdapter {
  id: string;
  name: string;
  flow: FlowKind;
  markers: Markers;
  /** Points needed before this adapter is chosen over generic. */
  minScore?: number;
  /** Button or link that opens the add-rule form (e.g. Netgear "Add Custom Service"). */
  addButton?: RegExp;
  /** Button that saves the rule. */
  saveButton?: RegExp;
  /** Extra explanation for the popup, e.g. the My Spectrum app steps. */
  note?: string;
  /** Where this router keeps its port-forwarding page, when public sources show it. */
  forwardingPath?: string;
}
