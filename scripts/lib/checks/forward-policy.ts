/**
 * What may be forwarded at all (the rules themselves are in data/forward-policy.ts, shared with
 * the extension's check of the user's presets): never-forwarded ports, and ranges over 1,000
 * ports that must be exclusive and explained. Here they are worded for contributors; an app
 * that runs a refused service says so in guidance.nothingToForward or notes instead.
 */
import { findPolicyIssues, WIDE_FORWARD, type PolicyFinding } from '../../../data/forward-policy.ts';
import { listRanges } from '../../../data/port-ranges.ts';
import type { Problem } from '../problem.ts';
import { presetProblem, type Check, type ParsedPreset } from './context.ts';

export { REFUSED_PORTS, WIDE_FORWARD } from '../../../data/forward-policy.ts';

function problemOf(preset: ParsedPreset, f: PolicyFinding): Problem {
  const path = ['platforms', f.platform, 'forward', f.rule, 'ports', f.port];
  switch (f.kind) {
    case 'refused': {
      const list = listRanges(f.hit);
      const fix = f.inside
        ? `remove it; if the app serves ${list} on the local network, say "never forward ${list}" in guidance.nothingToForward or notes`
        : `split the range around ${list}, or drop it if the app does not need the whole range`;
      return presetProblem('forward-policy', preset, path, `"${f.spec}" includes ${list} (${f.hit.map((r) => r.what).join('; ')}): never forwarded`, fix);
    }
    case 'wide':
      return presetProblem('forward-policy', preset, path, `"${f.spec}" forwards ${f.size.toLocaleString('en')} ports: only one device in the home can have it`, 'add "exclusive": true to this rule, and say why the whole range is needed in "notes"');
    case 'wide-without-notes':
      return presetProblem('forward-policy', preset, ['notes'], `a forward of more than ${WIDE_FORWARD.toLocaleString('en')} ports ("${f.spec}") needs a note`, 'explain in "notes" why the whole range is needed and that it takes the ports from every other device');
  }
}

export const forwardPolicyCheck: Check = {
  name: 'forward-policy',
  run: ({ presets }) => presets.flatMap((preset) => findPolicyIssues(preset.value).map((f) => problemOf(preset, f))),
};
