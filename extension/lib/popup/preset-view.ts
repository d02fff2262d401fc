import { NAT_GOAL_LABELS, PLATFORM_LABELS, PLATFORMS, UPNP_LABELS, type Platform } from '../../../data/vocabulary';
import { rulesFromPreset } from '../apply/plan';
import type { RouterRule } from '../apply/types';
import { CATEGORY_LABELS, type BundledPreset, type BundledRule } from '../presets/bundle';
import { chosenForwards } from '../presets/chosen-forwards';
import { riskNotes, wideForwards, wideForwardWords } from '../presets/risk';
import { PROTOCOL_LABELS } from '../presets/rule-text';
import type { Device } from '../store/db';
import { rulesAsHtml, rulesAsText, rulesAsTsv } from './copy-rules';
import { RESERVATION_STEPS } from './device-help';
import { h, mount } from './dom';

const VERIFICATION_TEXT = {
  publisher: "checked against the publisher's own page",
  platform: "checked against the platform's official page",
  community: 'from community documentation',
  unverified: 'unverified: no source found yet',
} as const;
/** Shown in the table when no device is chosen yet. */
export const PLACEHOLDER_IP = '0.0.0.0';

export interface PresetViewState {
  preset: BundledPreset;
  platform: Platform;
  /** The device Apply goes to (chosen in the apply bar). */
  device: Device | undefined;
  favorite: boolean;
  /** The user's own preset: badged, so it cannot pass for a shipped one. */
  custom: boolean;
  /** The user confirmed the forwards over 1,000 ports (reset when the rules change). */
  wideConfirmed: boolean;
  /** Optional rules the user ticked: positions in the platform's forward list. Unticked by default. */
  optional: Set<number>;
  /** Another preset's name, for "includes PlayStation Network ports". */
  nameOf?: (id: string) => string | undefined;
}

export interface PresetViewActions {
  back(): void;
  toggleFavorite(): void;
  choosePlatform(p: Platform): void;
  toggleOptional(index: number): void;
  confirmWide(confirmed: boolean): void;
}

export function availablePlatforms(preset: BundledPreset): Platform[] {
  return PLATFORMS.filter((p) => preset.platforms[p]);
}

export function plannedRules(state: PresetViewState): RouterRule[] {
  return rulesFromPreset(state.preset, state.platform, state.device?.ip ?? PLACEHOLDER_IP, { optional: state.optional });
}

/** The chosen forward rules: optional ones only when ticked. */
export function chosenSpecs(state: Pick<PresetViewState, 'preset' | 'platform' | 'optional'>): BundledRule[] {
  return chosenForwards(state.preset, state.platform, state.optional);
}

/** Why Apply must wait for the user's confirmation of a very wide forward, or null. */
export function wideForwardBlocker(state: PresetViewState): string | null {
  const wide = wideForwards(chosenSpecs(state));
  if (wide.length === 0 || state.wideConfirmed) return null;
  return `This preset forwards ${wide.map(wideForwardWords).join(' and ')} to the device: tick “I understand” under the warning first.`;
}

/** Forward rules in display order: the preset's own first, then each included preset's, with their positions. */
function groupedRules(forward: readonly BundledRule[]): { from?: string; rules: { spec: BundledRule; index: number }[] }[] {
  const groups = new Map<string | undefined, { spec: BundledRule; index: number }[]>([[undefined, []]]);
  forward.forEach((spec, index) => {
    const list = groups.get(spec.from) ?? [];
    list.push({ spec, index });
    groups.set(spec.from, list);
  });
  return [...groups].filter(([, rules]) => rules.length > 0).map(([from, rules]) => ({ from, rules }));
}

/** Guidance in plain words: nothing to forward, UPnP, the NAT type to aim for on this platform. */
function guidanceNotes(preset: BundledPreset, platform: Platform): HTMLElement[] {
  const out: HTMLElement[] = [];
  const g = preset.guidance;
  if (g?.nothingToForward) {
    out.push(h('p', { class: 'note', role: 'note', id: 'nothing-to-forward' }, h('strong', {}, 'Nothing to forward. '), g.nothingToForward));
  }
  if (g?.upnp) out.push(h('p', { class: 'muted', id: 'upnp-advice' }, UPNP_LABELS[g.upnp]));
  const nat = preset.platforms[platform]?.natGoal;
  if (nat) out.push(h('p', { class: 'muted', id: 'nat-goal' }, `Aim for ${NAT_GOAL_LABELS[nat]} in the ${PLATFORM_LABELS[platform]} network test.`));
  return out;
}

const span = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

/** Everything about one preset except the router part, which apply-section.ts renders below it. */
export function renderPresetView(root: HTMLElement, state: PresetViewState, actions: PresetViewActions): void {
  const { preset, platform } = state;
  const entry = preset.platforms[platform];
  const specs = entry?.forward ?? [];
  const routerRules = plannedRules(state);

  const platformSelect = h('select', { id: 'preset-platform', onchange: (e: Event) => actions.choosePlatform((e.target as HTMLSelectElement).value as Platform) },
    ...availablePlatforms(preset).map((p) => h('option', { value: p, selected: p === platform }, PLATFORM_LABELS[p])),
  );
  const hostOnlyUsed = specs.some((s) => s.hostOnly);
  // An "Internal" column only when some rule maps to other ports: narrower, and one less thing to read.
  const showInternal = specs.some((s) => s.internal && s.internal.join() !== s.ports.join());
  const columns = showInternal ? ['Protocol', 'External', 'Internal', 'Purpose'] : ['Protocol', 'Port', 'Purpose'];
  const rowsOf = (spec: BundledRule, index: number) => {
    const chosen = !spec.optional || state.optional.has(index);
    const rules = rulesFromPreset({ name: preset.name, platforms: { [platform]: { forward: [spec] } } }, platform, PLACEHOLDER_IP, { optional: new Set([0]) });
    return rules.map((r, i) => h('tr', { class: chosen ? null : 'skipped' },
      h('td', {}, PROTOCOL_LABELS[r.protocol]),
      h('td', {}, span(r.externalStart, r.externalEnd)),
      showInternal ? h('td', {}, span(r.internalStart, r.internalEnd)) : null,
      h('td', {},
        spec.optional && i === 0
          ? h('label', {}, h('input', { type: 'checkbox', id: `optional-${index}`, checked: chosen, onchange: () => actions.toggleOptional(index) }), ` ${spec.purpose}`)
          : spec.purpose,
        spec.hostOnly ? h('span', { class: 'badge', title: 'Needed only if you host' }, ' host only') : null,
        spec.exclusive ? h('span', { class: 'badge', title: 'Only one device in your home can have this forward' }, ' one device') : null,
        spec.optional && i === 0 ? h('div', { class: 'muted' }, `Optional: ${spec.optional}`) : null,
      ),
    ));
  };
  const table = h('table', { id: 'rules', 'aria-label': `Rules for ${PLATFORM_LABELS[platform]}` },
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...groupedRules(specs).flatMap(({ from, rules }) => [
      from ? h('tr', { class: 'group' }, h('th', { colspan: columns.length, scope: 'rowgroup' }, `Includes ${state.nameOf?.(from) ?? from} ports`)) : null,
      ...rules.flatMap(({ spec, index }) => rowsOf(spec, index)),
    ].filter((row): row is HTMLTableRowElement => row !== null))),
  );
  const outbound = entry?.outbound ?? [];
  const outboundList = outbound.length
    ? h('details', { id: 'outbound' },
        h('summary', {}, 'No forwarding needed for these (only for strict firewalls)'),
        h('ul', {}, ...outbound.map((o) => h('li', {}, `${PROTOCOL_LABELS[o.protocol]} ${o.ports.join(', ')}: ${o.purpose}`))),
      )
    : null;
  const chosen = chosenSpecs(state);
  const hasForwards = specs.length > 0;
  const wide = wideForwards(chosen);
  const risks = riskNotes(chosen);
  const firstWide = risks.find((n) => n.kind === 'whole-device');
  const notes = risks.map((n) =>
    h('div', { class: 'note', role: 'note', 'data-level': n.level, 'data-kind': n.kind },
      h('p', {}, n.text),
      n === firstWide
        ? h('label', { class: 'confirm' },
            h('input', { type: 'checkbox', id: 'confirm-wide', checked: state.wideConfirmed, onchange: (e: Event) => actions.confirmWide((e.target as HTMLInputElement).checked) }),
            ` I understand: ${wide.map(wideForwardWords).join(' and ')} will go to ${state.device?.name ?? 'this device'}.`)
        : null,
    ),
  );

  const copyStatus = h('span', { class: 'muted', role: 'status' });
  const copy = async (kind: 'text' | 'table') => {
    const title = `${preset.name} → ${state.device?.ip ?? 'your device'}`;
    try {
      if (kind === 'text') await navigator.clipboard.writeText(rulesAsText(title, platform, routerRules));
      else
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([rulesAsTsv(routerRules)], { type: 'text/plain' }),
            'text/html': new Blob([rulesAsHtml(routerRules)], { type: 'text/html' }),
          }),
        ]);
      copyStatus.textContent = kind === 'text' ? 'Copied as text.' : 'Copied as a table.';
    } catch {
      copyStatus.textContent = 'The browser refused the clipboard; select the table and copy it instead.';
    }
  };

  mount(root, 
    h('div', { class: 'row' },
      h('button', { id: 'back', type: 'button', onclick: actions.back, 'aria-label': 'Back to search' }, '←'),
      h('h1', { id: 'preset-title', tabindex: -1 }, preset.name, state.custom ? h('span', { class: 'badge mine', id: 'custom-badge' }, 'Your preset') : null),
      h('button', { id: 'favorite', type: 'button', 'aria-pressed': String(state.favorite), onclick: actions.toggleFavorite,
        'aria-label': state.favorite ? 'Remove from favorites' : 'Add to favorites' }, state.favorite ? '★' : '☆'),
    ),
    h('p', { class: 'muted' }, `${CATEGORY_LABELS[preset.category]} · ${VERIFICATION_TEXT[preset.verification]}`),
    h('div', { class: 'row' }, h('label', { for: 'preset-platform' }, 'Platform'), platformSelect),
    ...guidanceNotes(preset, platform),
    hasForwards ? table : null,
    hostOnlyUsed ? h('p', { class: 'muted' }, '"host only" rules matter only if you host games or a server.') : null,
    outboundList,
    ...notes,
    hasForwards || preset.guidance?.staticIp
      ? h('details', { id: 'dhcp-step', class: 'step' },
          h('summary', {}, 'Keep the device’s address (DHCP reservation)'),
          ...RESERVATION_STEPS.map((t) => h('p', {}, t)),
        )
      : null,
    preset.notes ? h('p', { id: 'preset-notes' }, preset.notes) : null,
    h('div', { class: 'muted' }, 'Sources: ',
      ...(preset.sources.length ? preset.sources.map((s, i) => h('span', {}, i ? ', ' : '', h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, new URL(s.url).hostname), ` (checked ${s.checked})`)) : ['none yet']),
    ),
    hasForwards
      ? h('div', { class: 'row' },
          h('button', { type: 'button', id: 'copy-text', onclick: () => copy('text') }, 'Copy rules'),
          h('button', { type: 'button', id: 'copy-table', onclick: () => copy('table') }, 'Copy as table'),
          copyStatus,
        )
      : null,
  );
}
