// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderNoResults } from '../../../extension/lib/popup/no-results';
import { ResultList } from '../../../extension/lib/popup/results';
import { buildSearchIndex } from '../../../extension/lib/presets/bundle';
import { PresetSearch } from '../../../extension/lib/presets/search';
import { suggestPresetUrl } from '../../../extension/lib/project-links';
import { REPO_ROOT } from '../../../scripts/lib/dataset-fs';
import { preset } from '../../support/preset-factory';

const shipped = [
  preset('xbox-network', {
    name: 'Xbox network',
    category: 'console-network',
    platforms: { 'xbox-series': { forward: [{ protocol: 'udp', ports: ['3074'], purpose: 'Xbox network game traffic' }] } },
  }),
  preset('halo', {
    name: 'Halo',
    platforms: { 'xbox-series': { forward: [{ protocol: 'udp', ports: ['3074'], purpose: 'Xbox network game traffic', from: 'xbox-network' }] } },
  }),
];

function setup() {
  const search = PresetSearch.fromJSON(shipped, JSON.stringify(buildSearchIndex(shipped)));
  search.addPresets([preset('mine', { name: 'Xbox network', platforms: { 'xbox-series': { forward: [{ protocol: 'both', ports: ['3074'], purpose: 'my copy' }] } } })]);
  const list = document.createElement('ul');
  const input = document.createElement('input');
  document.body.replaceChildren(input, list);
  const opened: string[] = [];
  const results = new ResultList(list, input, (id) => opened.push(id), (id) => search.byId(id)?.name);
  return { search, list, input, results, opened };
}

describe('result rows', () => {
  beforeEach(() => document.body.replaceChildren());

  it('show the rule that matched a port, and where an included rule comes from', () => {
    const { search, list, results } = setup();
    results.render(search.search('3074'));
    const rows = [...list.querySelectorAll('li')];
    expect(rows.map((r) => r.dataset.id)).toEqual(['xbox-network', 'mine', 'halo']);
    expect(rows[0]!.querySelector('.match')!.textContent).toBe('UDP 3074 · Xbox network game traffic');
    expect(rows[1]!.querySelector('.match')!.textContent).toBe('TCP+UDP 3074 · my copy');
    expect(rows[2]!.querySelector('.match')!.textContent).toBe('UDP 3074 · Xbox network game traffic (from Xbox network)');
  });

  it('badge the user\'s own presets "Your preset", and only those', () => {
    const { search, list, results } = setup();
    results.render(search.search('xbox network'));
    const badges = [...list.querySelectorAll('li')].map((li) => li.querySelector('.badge.mine')?.textContent ?? null);
    expect(badges).toEqual([null, 'Your preset']);
    expect(list.querySelector('li .match')).toBeNull(); // a name search shows no rule line
  });

  it('open with Enter on the selected row', () => {
    const { search, input, results, opened } = setup();
    results.render(search.search('3074'));
    results.handleKey(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    results.handleKey(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(opened).toEqual(['mine']);
    expect(input.getAttribute('aria-activedescendant')).toBe('result-1');
  });
});

describe('no results', () => {
  it('say so and offer to make one or suggest it, with the name filled in the issue form', () => {
    const root = document.createElement('div');
    renderNoResults(root, '  escape from tarkov ');
    expect(root.querySelector('p')!.textContent).toBe('No preset for “escape from tarkov” yet.');
    expect(root.querySelector<HTMLAnchorElement>('#make-own')!.getAttribute('href')).toBe('/options.html#custom-h');
    const suggest = new URL(root.querySelector<HTMLAnchorElement>('#suggest-preset')!.href);
    expect(suggest.pathname).toMatch(/\/issues\/new$/);
    expect(suggest.searchParams.get('name')).toBe('escape from tarkov');
    expect(suggest.searchParams.get('title')).toBe('Preset: escape from tarkov');
  });

  it('link to an issue form that exists, with the field the link fills', () => {
    const template = new URL(suggestPresetUrl('x')).searchParams.get('template')!;
    const form = readFileSync(`${REPO_ROOT}/.github/ISSUE_TEMPLATE/${template}`, 'utf8');
    expect(form).toMatch(/^title: "Preset: "$/m);
    expect(form).toMatch(/^ {4}id: name$/m);
  });
});
