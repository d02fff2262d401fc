/**
 * What PortPilot understood of a router page, before it writes anything: the empty rule form
 * (each field's role with a confidence), the buttons of that form and the flow they imply,
 * the router's list of saved rules with its column mapping, and the frames they were found
 * in. Plain data with element references (frame path + CSS path): it can be stored, shown in
 * a preview, taught and sent between extension parts, and resolved again on the same page.
 */
import type { FieldRole } from '../routers/generic/finder';
import type { ElementRef } from '../routers/generic/refs';
import type { Column, ListedRule } from '../routers/generic/table';
import type { ProtocolChoice } from '../routers/generic/synonyms';
import type { EditorKind } from '../routers/generic/editors';

export type { ElementRef, FieldRole, ListedRule };

export interface ModelField {
  role: FieldRole;
  ref: ElementRef;
  /** The words that named it ("External Start Port"), for previews and messages. */
  label: string;
  /** What told us: label-for, column-header, placeholder, name, options, position… */
  source: string;
  /** 0..1: a label a person reads is worth more than an attribute name. */
  confidence: number;
  /** Protocol radio buttons: the choice this button stands for. */
  choice?: ProtocolChoice;
}

export type ControlPurpose = 'submit' | 'commit' | 'open-form';

export interface ModelControl {
  ref: ElementRef;
  /** What the button says (text, value or title). */
  text: string;
  purpose: ControlPurpose;
}

export interface ModelForm {
  ref: ElementRef;
  kind: EditorKind;
  fields: ModelField[];
  /** "port range, IP box, protocol list, name": the shape in words. */
  shape: string;
  /** One box that takes a range, written start<sep>end. */
  extRangeSeparator?: string;
  /** Printed before a last-number IP box ("192.168.1."). */
  ipPrefix?: string;
  protocolChoices: ProtocolChoice[];
  /** The button that saves (or stages) this form; null when none is safe to press. */
  submit: ModelControl | null;
  /** Stage-then-commit pages: the page's Apply after the row went into the list. */
  commit: ModelControl | null;
  /** Why no button may be pressed, when submit is null. */
  controlsProblem?: string;
  /** The weakest of the required fields' confidences. */
  confidence: number;
}

export interface ModelList {
  ref: ElementRef;
  columns: Array<{ index: number; column: Column; header: string }>;
  rules: ListedRule[];
  emptySlots: number;
  /** Rows PortPilot typed into (left out of rules). */
  ownRows: number;
}

/**
 * single: fill the form, press its button, the rule appears (in the page or after a reload).
 * stage-commit: fill, press the row's Add (the row goes into a list), then the page's Apply.
 * grid: empty rows of a grid; fill one per rule, one save stores them all.
 * open-form: only the list is shown; its Add opens the form or a new empty row.
 * none: nothing PortPilot can safely use.
 */
export type FlowKind = 'single' | 'stage-commit' | 'grid' | 'open-form' | 'none';

export interface PageModel {
  version: 1;
  url: string;
  flow: FlowKind;
  form: ModelForm | null;
  /** Grid flow: the empty rows, in order. */
  slots: ModelForm[];
  /** The router's lists of saved rules, in every readable frame. */
  lists: ModelList[];
  /** The saved rules of all lists together. */
  rules: ListedRule[];
  /** A list was found (an empty list counts): "not listed" can be read as "not saved". */
  listReadable: boolean;
  /** The list shows "Loading…": wait before reading it. */
  listLoading: boolean;
  openForm: ModelControl | null;
  /** Forms passed over, and why (an edit dialog holding a rule, a filled slot). */
  rejected: Array<{ ref: ElementRef; why: string }>;
  /** Frames from another origin that could not be read (their src). */
  unreadableFrames: string[];
  /** Why there is no form, in words for a person. */
  problem: string;
  /** The form's confidence (0 when there is none). */
  confidence: number;
}

/** Confidence at or above which PortPilot fills without asking first. */
export const HIGH_CONFIDENCE = 0.8;
