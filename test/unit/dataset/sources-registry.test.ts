import { describe, expect, it } from 'vitest';
import { checkRegistryFile } from '../../../scripts/lib/checks/registry-file.ts';
import { canonicalText } from '../../../scripts/lib/canonical.ts';
import { formatProblem } from '../../../scripts/lib/problem.ts';
import { registryText, SourceLookup } from '../../../scripts/lib/source-registry.ts';
import { validateDataset } from '../../../scripts/lib/validate-dataset.ts';
import { readFixture } from './helpers.ts';

const registry = {
  domains: {
    'github.com/acme': { class: 'project-repo' as const, owner: 'Acme', presets: ['acme-server'] },
    'help.steampowered.com': { class: 'platform' as const, owner: 'Valve', presets: ['steam'] },
    'learn.microsoft.com': { class: 'platform' as const, owner: 'Microsoft', presets: ['teams', 'xbox-network'] },
    'minecraft.wiki': { class: 'community-wiki' as const },
    'support.plex.tv': { class: 'publisher' as const, owner: 'Plex', presets: ['plex'] },
  },
  deny: { 'gist.github.com': 'paste site', 'pastebin.com': 'paste site' },
};
const lookup = new SourceLookup(registry);
const kind = (url: string) => {
  const m = lookup.match(url);
  return m?.kind === 'unregistered' ? `unregistered ${m.host}` : m ? `${m.kind} ${m.key}` : null;
};

describe('source registry lookup', () => {
  it('matches a host and its subdomains, with or without www and a trailing dot', () => {
    expect(kind('https://support.plex.tv/articles/200931138')).toBe('registered support.plex.tv');
    expect(kind('https://eu.support.plex.tv/x')).toBe('registered support.plex.tv');
    expect(kind('https://www.minecraft.wiki/w/Server.properties')).toBe('registered minecraft.wiki');
    expect(kind('https://pastebin.com./abc')).toBe('denied pastebin.com');
    expect(kind('https://plex.tv/x')).toBe('unregistered plex.tv');
  });

  it('matches repositories by owner, also as raw files, and a denied host wins over its parent', () => {
    expect(kind('https://github.com/Acme/server/blob/main/README.md')).toBe('registered github.com/acme');
    expect(kind('https://raw.githubusercontent.com/acme/server/main/compose.yaml')).toBe('registered github.com/acme');
    expect(kind('https://github.com/someone-else/fork')).toBe('unregistered github.com/someone-else');
    expect(kind('https://gist.github.com/acme/123')).toBe('denied gist.github.com');
    expect(kind('not a url')).toBeNull();
  });

  it('writes the house style: keys sorted, one entry per line, preset lists sorted', () => {
    const messy = { deny: { 'b.com': 'x', 'a.com': 'y' }, domains: { 'z.org': { presets: ['b', 'a'], owner: 'Z', class: 'publisher' } } };
    expect(registryText(messy)).toBe(
      '{\n  "domains": {\n    "z.org": { "class": "publisher", "owner": "Z", "presets": ["a", "b"] }\n  },\n  "deny": {\n    "a.com": "y",\n    "b.com": "x"\n  }\n}\n',
    );
    expect(checkRegistryFile({ file: 'data/sources.json', text: registryText(registry) }).problems).toEqual([]);
  });
});

describe('data/sources.json itself', () => {
  const problemsOf = (text: string | null) => checkRegistryFile({ file: 'data/sources.json', text }).problems.map(formatProblem);

  it('names a missing file, bad JSON, a bad class and a first-party entry without presets', () => {
    expect(problemsOf(null)[0]).toMatch(/^data\/sources.json:1:1 {2}\$ {2}is missing/);
    expect(problemsOf('{\n<<<<<<< HEAD\n')[0]).toMatch(/^data\/sources.json:2:1 {2}\$ {2}invalid JSON.*rebase conflict marker/);
    const text = '{\n  "domains": {\n    "a.com": { "class": "vendor" },\n    "b.com": { "class": "publisher", "owner": "Bee" }\n  },\n  "deny": {}\n}\n';
    expect(problemsOf(text)).toEqual([
      'data/sources.json:3:25  domains["a.com"].class  "vendor" is not allowed here  (fix: use one of: platform, publisher, community-wiki, vendor-kb, project-repo)',
      'data/sources.json:4:14  domains["b.com"].presets  a "publisher" entry needs "presets": the ids it is first-party for  (fix: see scripts/lib/source-registry.ts for the expected shape)',
    ]);
  });

  it('points at the first line out of order', () => {
    const text = registryText(registry).replace('    "minecraft.wiki": { "class": "community-wiki" },\n', '').replace('  "deny": {\n', '  "deny": {\n').replace('"github.com/acme"', '"minecraft.wiki": { "class": "community-wiki" },\n    "github.com/acme"');
    expect(problemsOf(text)).toEqual([
      'data/sources.json:3:1  $  not in house style from here (keys sorted, one entry per line); expected: "github.com/acme": { "class": "project-repo", "owner": "Acme", "presets": ["acme-server"] },  (fix: npm run format)',
    ]);
  });
});

describe('verification against the registry', () => {
  const good = JSON.parse(readFixture('good/alpha-strike.json'));
  const check = (id: string, verification: string, urls: string[], ruleUrls: string[] = []) => {
    const preset = {
      ...good,
      id,
      name: `Case ${id}`,
      aliases: [],
      verification,
      sources: urls.map((url) => ({ url, checked: '2026-01-01' })),
      platforms: { pc: { forward: [{ protocol: 'udp', ports: ['7777'], purpose: 'game traffic', ...(ruleUrls.length ? { sources: ruleUrls.map((url) => ({ url, checked: '2026-01-01' })) } : {}) }] } },
    };
    return validateDataset([{ file: `data/presets/${id}.json`, text: canonicalText(preset) }], {
      today: '2026-11-25',
      sources: { file: 'data/sources.json', text: registryText(registry) },
    }).map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts each level with the source it needs', () => {
    expect(check('steam', 'platform', ['https://help.steampowered.com/en/faqs/view/2EA8-4D75-DA21-31EB'])).toEqual([]);
    expect(check('plex', 'publisher', ['https://support.plex.tv/articles/200931138'])).toEqual([]);
    expect(check('acme-server', 'publisher', ['https://github.com/acme/server'])).toEqual([]);
    expect(check('teams', 'publisher', ['https://learn.microsoft.com/en-us/microsoftteams/ports'])).toEqual([]); // the platform owner's own app
    expect(check('anything', 'community', ['https://minecraft.wiki/w/Server'])).toEqual([]);
    expect(check('anything', 'community', ['https://some-blog.example/ports'])).toEqual([]);
    expect(check('anything', 'unverified', [])).toEqual([]);
  });

  it('refuses a level the sources do not support, naming the registry', () => {
    expect(check('steam', 'platform', ['https://support.plex.tv/x'])).toEqual(['verification: "platform" needs a source on a site registered as "platform" for "steam" in data/sources.json']);
    expect(check('plex', 'publisher', ['https://minecraft.wiki/w/Plex'])).toEqual([
      'verification: "publisher" needs a source on a site registered as "publisher" or "project-repo" for "plex" in data/sources.json',
    ]);
    // A first-party site of another preset does not back this one.
    expect(check('my-plex-fork', 'publisher', ['https://support.plex.tv/x'])).toHaveLength(1);
  });

  it('refuses denied sites in preset and rule sources alike', () => {
    expect(check('anything', 'community', ['https://pastebin.com/abc'])).toEqual([
      'verification: "community" needs at least one source that is not on the deny list of data/sources.json',
      'sources[0].url: pastebin.com may never be cited (paste site)',
    ]);
    expect(check('plex', 'publisher', ['https://support.plex.tv/x'], ['https://gist.github.com/x/1'])).toEqual([
      'platforms.pc.forward[0].sources[0].url: gist.github.com may never be cited (paste site)',
    ]);
  });
});
