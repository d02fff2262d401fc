/**
 * Under the outcomes: conflicts explained with steps to copy, then "Did it work?" for the
 * platform once the apply is done.
 */
import type { Platform } from '../../../data/vocabulary';
import type { ApplyJob } from '../apply/types';
import type { BundledPreset } from '../presets/bundle';
import type { Device } from '../store/db';
import { conflictHelp, conflictInstructions } from './conflict-help';
import { h, mount } from './dom';
import { natCheck } from './nat-check';

export interface AfterApplyState {
  job: ApplyJob | null;
  preset: BundledPreset;
  platform: Platform;
  devices: Device[];
}

const ADDED = new Set(['applied', 'present', 'unconfirmed', 'filled']);

export function renderAfterApply(root: HTMLElement, state: AfterApplyState): void {
  const { job, preset, platform } = state;
  if (!job || job.presetId !== preset.id) return mount(root);
  const conflicts = job.rules.filter((o) => o.status === 'conflict').map((o) => conflictHelp(o, state.devices));
  const copyStatus = h('span', { class: 'muted', role: 'status' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(conflictInstructions(preset.name, conflicts));
      copyStatus.textContent = 'Instructions copied.';
    } catch {
      copyStatus.textContent = 'The browser refused the clipboard; select the text above instead.';
    }
  };
  const done = job.state === 'done' && job.rules.some((o) => ADDED.has(o.status));
  const applied = (job.platform as Platform) ?? platform;
  const entry = preset.platforms[applied];
  const check = natCheck(applied, entry?.natGoal, (entry?.forward ?? []).every((r) => r.hostOnly));
  mount(root,
    conflicts.length
      ? h('section', { id: 'conflicts', 'aria-labelledby': 'conflicts-h' },
          h('h2', { id: 'conflicts-h' }, conflicts.length === 1 ? 'One port is taken' : `${conflicts.length} ports are taken`),
          ...conflicts.map((c) => h('p', { class: 'note', 'data-level': 'caution' }, c.text)),
          h('div', { class: 'row' }, h('button', { type: 'button', id: 'copy-conflicts', onclick: copy }, 'Copy instructions'), copyStatus),
        )
      : null,
    done
      ? h('section', { id: 'did-it-work', 'aria-labelledby': 'did-it-work-h' },
          h('h2', { id: 'did-it-work-h' }, 'Did it work?'),
          h('p', {}, 'Restart the game or the console first: it looks at the ports when it starts.'),
          h('p', {}, check.step),
          check.goal ? h('p', { class: 'muted' }, check.goal) : null,
        )
      : null,
  );
}
