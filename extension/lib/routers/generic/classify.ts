/**
 * What one control is for, from its label signals. Strong signals (labels a person reads)
 * decide; hints and attribute names only fill in what the labels leave open, and never
 * overrule them. Disagreement between labels makes the control ambiguous, not a guess.
 */
import { normalize, optionLabels, signalsOf, type Control, type Signal, type SignalTier } from './signals';
import {
  DEVICE,
  END,
  ENABLE,
  EXTERNAL,
  INTERNAL,
  IP,
  NAME,
  PORT,
  PROTOCOL,
  SAME,
  START,
  VETO,
  bareBound,
  protocolOfLabel,
} from './synonyms';

export type Side = 'ext' | 'int';
export type Bound = 'start' | 'end';

export type Reading =
  | { kind: 'port'; side: Side | null; bound: Bound | null }
  | { kind: 'ip' }
  | { kind: 'protocol' }
  | { kind: 'name' }
  | { kind: 'enable' }
  | { kind: 'same' }
  | { kind: 'veto' };

export interface Classified {
  el: Control;
  reading: Reading | null;
  /** Labels disagreed: this control is left alone and reported. */
  ambiguous: boolean;
  /** Best human-readable label, for messages and outlines. */
  label: string;
  signals: Signal[];
  /** Where the reading came from: the first signal that gave it (its tier sets the confidence). */
  decidedBy?: Signal;
}

/** Reads one text. Exported for unit tests of the synonym table. */
export function readText(raw: string, type: 'text' | 'checkbox' | 'select' = 'text'): Reading | null {
  const t = normalize(raw);
  if (!t) return null;
  if (type === 'checkbox') {
    if (SAME.test(t)) return { kind: 'same' };
    if (VETO.test(t)) return { kind: 'veto' };
    if (ENABLE.test(t)) return { kind: 'enable' };
    return null;
  }
  if (VETO.test(t)) return { kind: 'veto' };
  if (PORT.test(t)) {
    const sideless = t.replace(/\bforward(ed|ing)? to\b/g, ' ');
    const ext = EXTERNAL.test(t);
    const int = INTERNAL.test(t);
    const start = START.test(sideless);
    const end = END.test(sideless.replace(/\bforward(ed|ing)? to\b/g, ''));
    if (ext && int) return null;
    if (start && end) return { kind: 'port', side: ext ? 'ext' : int ? 'int' : null, bound: null };
    return { kind: 'port', side: ext ? 'ext' : int ? 'int' : null, bound: start ? 'start' : end ? 'end' : null };
  }
  if (type !== 'select' && (IP.test(t) || (DEVICE.test(t) && !NAME.test(t)))) return { kind: 'ip' };
  if (PROTOCOL.test(t)) return { kind: 'protocol' };
  if (NAME.test(t)) return { kind: 'name' };
  return null;
}

function merge(a: Reading, b: Reading): Reading | 'conflict' {
  if (a.kind !== b.kind) return 'conflict';
  if (a.kind === 'port' && b.kind === 'port') {
    if (a.side && b.side && a.side !== b.side) return 'conflict';
    if (a.bound && b.bound && a.bound !== b.bound) return 'conflict';
    return { kind: 'port', side: a.side ?? b.side, bound: a.bound ?? b.bound };
  }
  return a;
}

const TIERS: SignalTier[] = ['label', 'hint', 'attr'];

function controlType(el: Control): 'text' | 'checkbox' | 'radio' | 'select' | 'other' {
  if (el.tagName === 'SELECT') return 'select';
  if (el.tagName === 'TEXTAREA') return 'text';
  const t = (el as HTMLInputElement).type;
  if (t === 'checkbox') return 'checkbox';
  if (t === 'radio') return 'radio';
  if (['text', 'number', 'tel', 'search', ''].includes(t)) return 'text';
  return 'other';
}

export function selectProtocolChoices(select: HTMLSelectElement) {
  return new Set(optionLabels(select).map(protocolOfLabel).filter((p) => p !== null));
}

export function classify(el: Control): Classified {
  const signals = signalsOf(el);
  const type = controlType(el);
  const label = signals.find((s) => s.tier === 'label')?.text ?? signals[0]?.text ?? '';
  const base = { el, signals, label };
  if (type === 'other' || type === 'radio') return { ...base, reading: null, ambiguous: false };
  if (type === 'select') {
    const choices = selectProtocolChoices(el as HTMLSelectElement);
    const optionsSignal: Signal = { tier: 'label', source: 'options', text: 'TCP / UDP choices' };
    if (choices.has('tcp') && choices.has('udp')) return { ...base, reading: { kind: 'protocol' }, ambiguous: false, decidedBy: optionsSignal };
  }
  const readAs = type === 'checkbox' ? 'checkbox' : type === 'select' ? 'select' : 'text';
  let result: Reading | null = null;
  let decidedBy: Signal | undefined;
  for (const tier of TIERS) {
    let tierReading: Reading | null = null;
    let first: Signal | undefined;
    for (const s of signals.filter((x) => x.tier === tier)) {
      const bound = s.source === 'column-header' && readAs === 'text' ? bareBound(s.text) : null;
      const r = bound ? ({ kind: 'port', side: null, bound } as Reading) : readText(s.text, readAs);
      if (!r) continue;
      first ??= s;
      const m: Reading | 'conflict' = tierReading ? merge(tierReading, r) : r;
      if (m === 'conflict') {
        // Labels that disagree: leave the control alone. Lower tiers that disagree are noise.
        if (tier === 'label') return { ...base, reading: null, ambiguous: true };
        tierReading = null;
        break;
      }
      tierReading = m;
    }
    if (!tierReading) continue;
    if (!result) {
      result = tierReading;
      decidedBy = first;
      if (result.kind !== 'port') break;
    } else if (result.kind === 'port' && tierReading.kind === 'port') {
      // A lower tier may only complete side or bound, never contradict.
      const m = merge(result, tierReading);
      if (m !== 'conflict') result = m;
    }
  }
  if (type === 'select' && result && result.kind !== 'protocol') result = result.kind === 'veto' ? result : null;
  if (type === 'select' && result?.kind === 'protocol') {
    // A select called "protocol" whose options we cannot map is not ours either.
    const choices = selectProtocolChoices(el as HTMLSelectElement);
    if (!choices.has('tcp') || !choices.has('udp')) result = null;
  }
  return { ...base, reading: result, ambiguous: false, decidedBy: result ? decidedBy : undefined };
}
