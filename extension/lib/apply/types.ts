/**
 * Shapes shared by the popup, the background and the router content script during an apply.
 * A RouterRule is what one row of a router's port-forwarding form holds; it is also the body
 * of the test router server's POST /__fixture/rules.
 */
import type { Protocol } from '../../../data/schema';
import type { ForwardingWay } from '../routers/router-home';
import type { ExistingRule } from '../routers/generic/table';

export interface RouterRule {
  name: string;
  protocol: Protocol;
  externalStart: number;
  externalEnd: number;
  internalStart: number;
  internalEnd: number;
  ip: string;
  enabled: boolean;
}

export type RuleStatus =
  | 'pending' // not tried yet
  | 'saving' // submitted; the answer (row, banner, reload) not read yet
  | 'applied'
  | 'present' // an identical rule was already there: skipped
  | 'conflict' // the external ports already go to another device: left alone
  | 'failed' // the router said no; message holds its own error text
  | 'unconfirmed' // saved, but the router's list could not be read back: not confirmed (amber)
  | 'filled'; // fill-only mode: values typed, Save left to the user

/** Statuses that end a rule: a job is "done" only when every rule has one. */
export const FINAL_STATUSES: readonly RuleStatus[] = ['applied', 'present', 'conflict', 'failed', 'unconfirmed', 'filled'];

export interface RuleOutcome {
  rule: RouterRule;
  status: RuleStatus;
  message?: string;
  /** Saves submitted so far: a save cut short (the user navigated away) is tried once more. */
  attempts?: number;
  /** Only one device in the home can have this forward: a clash is explained as such. */
  exclusive?: boolean;
  /**
   * 'reload': PortPilot reloaded the page itself to read the router's list (a stage-then-commit
   * page, or a list that only refreshes on reload); the next load decides, without a retry.
   */
  check?: 'reload';
  /**
   * Listed by the page right after Save, without a new page since. Some pages draw the row from
   * their own copy before the router answers (ASUSWRT-Merlin), so the job ends with one reload
   * that reads the router's list again; a dialog before that makes it "not confirmed".
   */
  seenInPage?: boolean;
}

/** A rule the router listed before PortPilot wrote anything: it must stay exactly as it is. */
export type BaselineRule = ExistingRule & {
  /** Where a person finds it ("row 2 of the list"). */
  where: string;
};

export type ApplyMode = 'apply' | 'fill-only';

export type JobState = 'running' | 'paused-login' | 'done' | 'stopped';

export interface ApplyJob {
  id: string;
  tabId: number;
  origin: string;
  presetId: string;
  presetName: string;
  platform: string;
  deviceIp: string;
  mode: ApplyMode;
  adapterId?: string;
  state: JobState;
  rules: RuleOutcome[];
  message?: string;
  startedAt: number;
  finishedAt?: number;
  /**
   * Content-side bookkeeping across page loads: the rule whose form the engine opened or
   * submitted last, so an add button that leads nowhere is not clicked forever.
   */
  cursor?: { index: number; action: 'open-form' | 'submit' | 'final-check'; tries?: number };
  /**
   * The user's rules as the router listed them before the first write; every later read must
   * still show each of them unchanged. null: the page showed no list to read.
   */
  baseline?: BaselineRule[] | null;
  /**
   * Set before PortPilot makes the page navigate (Save that reloads, an Add that opens a
   * form): what the next page load should bring, and until when. If nothing arrives by then
   * the background stops the job with "waited for …".
   */
  waiting?: { for: string; since?: number; until: number };
  /** The preview before the first write on a page PortPilot is not sure of (see lib/teach). */
  review?: JobReview;
}

export interface JobReview {
  /** asked: waiting for the person on the router page (or in the popup); confirmed: go on. */
  state: 'asked' | 'confirmed';
  /** What the preview shows, for the popup: "External port: Text box “Port Range”". */
  found?: string[];
  /** Parts a rule needs that are not found yet ("Device IP"). */
  missing?: string[];
  /** "Apply with these fields" can go as it is. */
  ready?: boolean;
  /** remembered: a mapping kept for this page was used, nobody was asked. */
  by?: 'person' | 'remembered';
}

export type PageKind = 'form' | 'app-only' | 'login' | 'unknown';

/** What the popup learns about the active tab when it opens. */
export interface Detection {
  kind: PageKind;
  adapterId?: string;
  adapterName?: string;
  /** Why, for developers: the markers that matched, or which fields could not be identified. */
  reason: string;
  origin: string;
  /** The router's name when the page names it clearly ("Spectrum RAC2V1K"); shown to people. */
  router?: string;
  /** Not the port-forwarding page: the way there (the page's own link, or the router's known page). */
  forwarding?: ForwardingWay;
  /** This page already is the port-forwarding page (its form could not be used). */
  onForwardingPage?: boolean;
  /** Why there is no form to fill, in words for a person (no patterns, no ids). */
  problem?: string;
  /** known: a person showed PortPilot this page's fields before; needed: PortPilot will ask them to, before the first write. */
  teach?: 'known' | 'needed';
  /** How sure the page model is of the form's fields (0..1), when there is a form. */
  confidence?: number;
  /** The router's own internet (WAN) address, when this page shows it (a status page). */
  wanAddress?: string;
}
