/**
 * The catalogue's pages, as HTML strings: an index that lists every preset (and searches them
 * with the popup's own search once its script loads), one page per preset, and how to help.
 */
import { CATEGORY_LABELS, type BundledPreset } from '../extension/lib/presets/bundle';
import { NAT_GOAL_LABELS, PLATFORM_LABELS, UPNP_LABELS, type Platform } from '../data/vocabulary';
import { esc, page } from './html';

const PROTOCOL_WORDS = { tcp: 'TCP', udp: 'UDP', both: 'TCP+UDP' } as const;
const VERIFICATION_WORDS = {
  platform: 'checked against the platform owner’s page',
  publisher: 'checked against the publisher’s page',
  community: 'from a maintained community source',
  unverified: 'not verified: no source shows these numbers yet',
} as const;

export const presetHref = (id: string) => `presets/${id}.html`;

export function indexPage(presets: readonly BundledPreset[]): string {
  const byCategory = new Map<string, BundledPreset[]>();
  for (const p of [...presets].sort((a, b) => a.name.localeCompare(b.name))) {
    const list = byCategory.get(p.category) ?? [];
    list.push(p);
    byCategory.set(p.category, list);
  }
  const sections = [...byCategory]
    .sort(([a], [b]) => CATEGORY_LABELS[a as keyof typeof CATEGORY_LABELS].localeCompare(CATEGORY_LABELS[b as keyof typeof CATEGORY_LABELS]))
    .map(
      ([category, list]) => `<section aria-labelledby="c-${category}">
<h3 id="c-${category}">${esc(CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS])}</h3>
<ul class="list">${list.map((p) => `<li><a href="${presetHref(p.id)}">${esc(p.name)}</a></li>`).join('')}</ul>
</section>`,
    )
    .join('\n');
  return page({
    title: 'PortPilot presets: which ports to forward',
    root: '',
    script: 'search.js',
    body: `<h1>Which ports to forward</h1>
<p>${presets.length} games, consoles and apps, with the ports a router forward helps with on each platform and the page each number comes from.</p>
<search>
<form id="search-form" role="search">
<label for="q">Search by name, port or platform</label>
<input id="q" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. minecraft, 3074, ps5" aria-describedby="search-status">
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="results" class="results" hidden></ol>
</search>
<h2 id="all-h">All presets</h2>
<div id="all" aria-labelledby="all-h">
${sections}
</div>`,
  });
}

function ruleRows(preset: BundledPreset, platform: Platform): string {
  const entry = preset.platforms[platform]!;
  if (!entry.forward.length) return '<p>Nothing to forward on this platform.</p>';
  const rows = entry.forward
    .map((r) => {
      const marks = [
        r.optional ? `optional: ${esc(r.optional)}` : '',
        r.exclusive ? 'only one device in the home can have this forward' : '',
        r.hostOnly ? 'only to host' : '',
        r.from ? `from <a href="${r.from}.html">${esc(r.from)}</a>` : '',
      ].filter(Boolean);
      return `<tr><td>${PROTOCOL_WORDS[r.protocol]}</td><td>${esc(r.ports.join(', '))}</td><td>${esc((r.internal ?? r.ports).join(', '))}</td><td>${esc(r.purpose)}</td><td>${marks.join('; ')}</td></tr>`;
    })
    .join('\n');
  return `<table>
<caption>Forward on ${esc(PLATFORM_LABELS[platform])}</caption>
<thead><tr><th scope="col">Protocol</th><th scope="col">External ports</th><th scope="col">Internal ports</th><th scope="col">For</th><th scope="col">Notes</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

export function presetPage(preset: BundledPreset): string {
  const platforms = (Object.keys(preset.platforms) as Platform[]).map((platform) => {
    const entry = preset.platforms[platform]!;
    const outbound = entry.outbound?.length
      ? `<details><summary>Ports it only connects out to (no forward needed; only for strict firewalls)</summary><ul>${entry.outbound
          .map((o) => `<li>${PROTOCOL_WORDS[o.protocol]} ${esc(o.ports.join(', '))}: ${esc(o.purpose)}</li>`)
          .join('')}</ul></details>`
      : '';
    const uses = entry.uses?.length ? `<p>Includes the ports of ${entry.uses.map((u) => `<a href="${u}.html">${esc(u)}</a>`).join(', ')}.</p>` : '';
    const nat = entry.natGoal ? `<p>Aim for: ${esc(NAT_GOAL_LABELS[entry.natGoal])}.</p>` : '';
    return `<section aria-labelledby="p-${platform}">
<h2 id="p-${platform}">${esc(PLATFORM_LABELS[platform])}</h2>
${uses}${ruleRows(preset, platform)}
${outbound}${nat}
</section>`;
  });
  const g = preset.guidance;
  const guidance = [
    g?.nothingToForward ? `<p><strong>Nothing to forward.</strong> ${esc(g.nothingToForward)}</p>` : '',
    g?.upnp ? `<p>${esc(UPNP_LABELS[g.upnp])}</p>` : '',
    g?.staticIp ? '<p>Give the device a fixed address on your router (a DHCP reservation), or the forward stops working when its address changes.</p>' : '',
  ].join('');
  const sources = preset.sources.length
    ? `<ul>${preset.sources.map((s) => `<li><a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.url)}</a> (compared ${esc(s.checked)})</li>`).join('')}</ul>`
    : '<p>No source yet.</p>';
  return page({
    title: `${preset.name}: ports to forward`,
    root: '../',
    body: `<p><a href="../index.html">All presets</a></p>
<h1>${esc(preset.name)}</h1>
<p>${esc(CATEGORY_LABELS[preset.category])}${preset.aliases.length ? `. Also known as ${esc(preset.aliases.join(', '))}` : ''}.</p>
${guidance}
${platforms.join('\n')}
${preset.notes ? `<h2>Notes</h2><p>${esc(preset.notes)}</p>` : ''}
<h2>Sources</h2>
<p>Verification: ${VERIFICATION_WORDS[preset.verification]}.</p>
${sources}`,
  });
}

export function contributePage(): string {
  return page({
    title: 'Add or fix a preset',
    root: '',
    body: `<h1>Add or fix a preset</h1>
<p>Each preset is one JSON file in <code>data/presets/</code> of the PortPilot repository. A change is a pull request:</p>
<ol>
<li>Find the ports on the publisher’s or platform owner’s own support page. Port lists copied between websites are often wrong, and many list ports the app only connects out to, which a forward cannot help.</li>
<li>Run <code>npm run new-preset -- "Game name"</code> to start a file, or edit the existing one.</li>
<li>Put inbound ports in <code>forward</code> and outbound-only ports in <code>outbound</code>; a console game refers to its console network with <code>uses</code> instead of copying its ports.</li>
<li>Cite the page in <code>sources</code> with the day you compared the numbers, and set <code>verification</code> to match.</li>
<li>Run <code>npm run format</code> and <code>npm run validate</code>: every problem is listed with the file, the place in it and the fix.</li>
</ol>
<p>See CONTRIBUTING.md in the repository for the whole checklist.</p>`,
  });
}
