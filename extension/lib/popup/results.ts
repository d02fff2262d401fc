import { CATEGORY_LABELS } from '../presets/bundle';
import type { SearchHit } from '../presets/search';
import { h } from './dom';

const TIER_BADGE = { exact: null, favorite: '★ favorite', recent: 'recent', match: null } as const;

/** The result list as an ARIA listbox driven from the search box (aria-activedescendant). */
export class ResultList {
  private hits: SearchHit[] = [];
  private active = -1;

  constructor(
    private readonly list: HTMLUListElement,
    private readonly input: HTMLInputElement,
    private readonly onOpen: (id: string) => void,
  ) {}

  render(hits: SearchHit[]): void {
    this.hits = hits;
    this.list.replaceChildren(
      ...hits.map((hit, i) => {
        const badge = TIER_BADGE[hit.tier];
        return h(
          'li',
          { id: `result-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.preset.id, onclick: () => this.onOpen(hit.preset.id) },
          h('span', {}, hit.preset.name),
          h('span', { class: 'meta' }, badge ? h('span', { class: 'badge' }, badge) : null, ` ${CATEGORY_LABELS[hit.preset.category]}`),
        );
      }),
    );
    this.select(hits.length > 0 ? 0 : -1);
  }

  /** Returns true when the key was ours. */
  handleKey(event: KeyboardEvent): boolean {
    if (event.key === 'ArrowDown') this.select(Math.min(this.active + 1, this.hits.length - 1));
    else if (event.key === 'ArrowUp') this.select(Math.max(this.active - 1, 0));
    else if (event.key === 'Enter' && this.active >= 0) this.onOpen(this.hits[this.active]!.preset.id);
    else return false;
    return true;
  }

  private select(i: number): void {
    this.list.querySelector('[aria-selected="true"]')?.setAttribute('aria-selected', 'false');
    this.active = i;
    const el = i >= 0 ? this.list.children[i] : undefined;
    if (el) {
      el.setAttribute('aria-selected', 'true');
      el.scrollIntoView({ block: 'nearest' });
      this.input.setAttribute('aria-activedescendant', el.id);
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }
}
