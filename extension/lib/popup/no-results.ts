import { OWN_PRESET_PAGE, suggestPresetUrl } from '../project-links';
import { h, mount } from './dom';

/** When nothing matches: say so, and offer the two ways forward (make it yourself, ask for it). */
export function renderNoResults(root: HTMLElement, query: string): void {
  const name = query.trim();
  mount(root,
    h('p', {}, `No preset for “${name}” yet.`),
    h('p', { class: 'row' },
      h('a', { id: 'make-own', href: OWN_PRESET_PAGE, target: '_blank' }, 'Make your own preset'),
      h('a', { id: 'suggest-preset', href: suggestPresetUrl(name), target: '_blank', rel: 'noopener noreferrer' }, 'Suggest it to the project'),
    ),
    h('p', { class: 'muted' }, 'Searching by a port number (e.g. 3074) finds every preset that forwards it.'),
  );
}
