import { expect, it } from 'vitest';
import type { RouterRule } from '../../../extension/lib/apply/types';
import { rulesAsHtml, rulesAsText, rulesAsTsv } from '../../../extension/lib/popup/copy-rules';

const rules: RouterRule[] = [
  { name: 'Game 3074', protocol: 'both', externalStart: 3074, externalEnd: 3074, internalStart: 3074, internalEnd: 3074, ip: '192.168.1.50', enabled: true },
  { name: 'Game <27015>', protocol: 'udp', externalStart: 27015, externalEnd: 27030, internalStart: 27015, internalEnd: 27030, ip: '192.168.1.50', enabled: true },
];

it('copies aligned plain text with a title line', () => {
  expect(rulesAsText('Game → 192.168.1.50', 'ps5', rules)).toBe(
    [
      'Game → 192.168.1.50 (PlayStation 5)',
      'Service name  Protocol  External port  Internal port  Device IP',
      'Game 3074     TCP+UDP   3074           3074           192.168.1.50',
      'Game <27015>  UDP       27015-27030    27015-27030    192.168.1.50',
      '',
    ].join('\n'),
  );
});

it('copies a table as TSV and as escaped HTML', () => {
  expect(rulesAsTsv(rules).split('\n')[2]).toBe('Game <27015>\tUDP\t27015-27030\t27015-27030\t192.168.1.50');
  const html = rulesAsHtml(rules);
  expect(html).toContain('<td>Game &lt;27015&gt;</td>');
  expect(html.match(/<tr>/g)).toHaveLength(3);
});

it('carries internal ports that differ from the external ones', () => {
  const mapped: RouterRule = { name: 'Plex 443', protocol: 'tcp', externalStart: 443, externalEnd: 443, internalStart: 32400, internalEnd: 32400, ip: '192.168.1.5', enabled: true };
  expect(rulesAsTsv([mapped]).split('\n')[1]).toBe('Plex 443\tTCP\t443\t32400\t192.168.1.5');
  expect(rulesAsText('Plex', 'server', [mapped])).toContain('443            32400');
  expect(rulesAsHtml([mapped])).toContain('<td>443</td><td>32400</td>');
});
