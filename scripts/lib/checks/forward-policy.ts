/**
 * What may be forwarded at all:
 * - never DNS (53), NetBIOS (137-139), SMB (445), SSDP (1900) or mDNS (5353): local-network
 *   services that attackers use for amplification or break-ins; an app that runs them says so in
 *   guidance.nothingToForward or notes instead;
 * - a range over 1,000 ports takes the port space from every other device, so it must be marked
 *   `exclusive` and the notes must explain it. Such a range (Nintendo's "all UDP ports to the
 *   console") is a deliberate whole-device forward, so it may span the refused ports.
 */
import { parsePortSpec } from '../../../data/vocabulary.ts';
import type { Problem } from '../problem.ts';
import { isObj, presetProblem, type Check } from './context.ts';

export const REFUSED_PORTS: readonly { start: number; end: number; what: string }[] = [
  { start: 53, end: 53, what: 'DNS; open resolvers are abused for attacks' },
  { start: 137, end: 139, what: 'NetBIOS, Windows file sharing' },
  { start: 445, end: 445, what: 'SMB, Windows file sharing' },
  { start: 1900, end: 1900, what: 'SSDP, UPnP discovery; abused for attacks' },
  { start: 5353, end: 5353, what: 'mDNS, local name discovery' },
];

export const WIDE_FORWARD = 1000;

export const forwardPolicyCheck: Check = {
  name: 'forward-policy',
  run({ presets }) {
    const problems: Problem[] = [];
    for (const preset of presets) {
      const v = preset.value;
      if (!isObj(v) || !isObj(v.platforms)) continue;
      const hasNotes = typeof v.notes === 'string' && v.notes.trim().length > 0;
      for (const [platform, entry] of Object.entries(v.platforms)) {
        if (!isObj(entry) || !Array.isArray(entry.forward)) continue;
        entry.forward.forEach((rule, ri) => {
          if (!isObj(rule) || !Array.isArray(rule.ports)) return;
          rule.ports.forEach((spec, pi) => {
            const range = typeof spec === 'string' ? parsePortSpec(spec) : null;
            if (!range || range.start > range.end) return;
            const path = ['platforms', platform, 'forward', ri, 'ports', pi];
            const size = range.end - range.start + 1;
            const wholeDevice = size > WIDE_FORWARD && rule.exclusive === true;
            const hit = wholeDevice ? [] : REFUSED_PORTS.filter((r) => range.start <= r.end && r.start <= range.end);
            if (hit.length > 0) {
              const which = hit.map((r) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`));
              const list = which.length === 1 ? which[0]! : `${which.slice(0, -1).join(', ')} and ${which[which.length - 1]}`;
              const inside = hit.length === 1 && range.start >= hit[0]!.start && range.end <= hit[0]!.end;
              const fix = inside
                ? `remove it; if the app serves ${list} on the local network, say "never forward ${list}" in guidance.nothingToForward or notes`
                : `split the range around ${list}, or drop it if the app does not need the whole range`;
              problems.push(presetProblem('forward-policy', preset, path, `"${spec}" includes ${list} (${hit.map((r) => r.what).join('; ')}): never forwarded`, fix));
            }
            if (size <= WIDE_FORWARD) return;
            if (rule.exclusive !== true) {
              problems.push(
                presetProblem('forward-policy', preset, path, `"${spec}" forwards ${size.toLocaleString('en')} ports: only one device in the home can have it`, 'add "exclusive": true to this rule, and say why the whole range is needed in "notes"'),
              );
            } else if (!hasNotes) {
              problems.push(presetProblem('forward-policy', preset, ['notes'], `a forward of more than ${WIDE_FORWARD.toLocaleString('en')} ports ("${spec}") needs a note`, 'explain in "notes" why the whole range is needed and that it takes the ports from every other device'));
            }
          });
        });
      }
    }
    return problems;
  },
};
