import { CATEGORY_LABELS } from '../presets/bundle';
import { ruleSummary } from '../presets/rule-text';
import type { MatchedRule, SearchHit } from '../presets/search';
import { h } from './dom';

const TIER_BADGE = { exact: null, favorite: '★ favorite', recent: 'recent', popular: 'popular', match: null } as const;

/** "UDP 3478-3479 · PlayStation Network NAT traversal", and where an included rule comes from. */
export function matchText(m: MatchedRule, nameOf: (id: string) => string | undefined): string {
  const base = ruleSummary({ protocol: m.protocol, ports: [m.ports], purpose: m.purpose });
  return m.from ? `${base} (from ${nameOf(m.from) ?? m.from})` : base;
}

/** The result list as an ARIA listbox driven from the search box (aria-activedescendant). */
export class ResultList {
  private hits: SearchHit[] = [];
  private active = -1;

  constructor(
    private readonly list: HTMLUListElement,
    private readonly input: HTMLInputElement,
    private readonly onOpen: (id: string) => void,
    private readonly nameOf: (id: string) => string | undefined = () => undefined,
  ) {}

  render(hits: SearchHit[]): void {
    this.hits = hits;
    this.list.replaceChildren(
      ...hits.map((hit, i) => {
        const badge = TIER_BADGE[hit.tier];
        const match = hit.matched[0];
        return h(
          'li',
          { id: `result-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.preset.id, onclick: () => this.onOpen(hit.preset.id) },
          h('span', { class: 'name' }, hit.preset.name),
          h('span', { class: 'meta' },
            hit.custom ? h('span', { class: 'badge mine' }, 'Your preset') : null,
            badge ? h('span', { class: 'badge' }, badge) : null,
            ` ${CATEGORY_LABELS[hit.preset.category]}`,
          ),
          match
            ? h('span', { class: 'match' }, matchText(match, this.nameOf), hit.matched.length > 1 ? ` +${hit.matched.length - 1} more` : '')
            : null,
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
