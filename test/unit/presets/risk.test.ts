import { describe, expect, it } from 'vitest';
import { riskNotes, wideForwards, wideForwardWords } from '../../../extension/lib/presets/risk';
import { rule } from '../../support/preset-factory';

describe('riskNotes', () => {
  it('warns about risky services, also inside narrow ranges, once each', () => {
    const notes = riskNotes([rule('tcp', '22'), rule('both', '3380-3390'), rule('tcp', '22')]);
    expect(notes.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Port 22 is SSH/),
      expect.stringMatching(/^Port 3389 is Windows Remote Desktop/),
    ]);
  });

  it('is protocol-aware: a UDP rule is no SSH, FTP or file-sharing risk', () => {
    expect(riskNotes([rule('udp', '20-25', '445')])).toEqual([]);
    expect(riskNotes([rule('udp', '137')])[0]?.text).toMatch(/^Port 137 is NetBIOS/);
    expect(riskNotes([rule('tcp', '137')])).toEqual([]);
    expect(riskNotes([rule('udp', '3389')])[0]?.text).toMatch(/Remote Desktop/); // RDP also speaks UDP
  });

  it('says a wide range once, naming what it covers, and stays quiet for ordinary game ports', () => {
    expect(riskNotes([rule('udp', '27000-27200')])).toEqual([{ level: 'caution', kind: 'range', text: expect.stringMatching(/^27000-27200 opens 201 UDP ports\. /) }]);
    expect(riskNotes([rule('tcp', '1-500')])).toEqual([
      { level: 'caution', kind: 'range', text: expect.stringMatching(/^1-500 opens 500 TCP ports, among them FTP .*\(21\), SSH remote shell \(22\).*Windows file sharing \(SMB\) \(445\)\./) },
    ]);
    expect(riskNotes([rule('udp', '3074', '27015-27030')])).toEqual([]);
  });

  it('flags database ports only when named exactly', () => {
    expect(riskNotes([rule('tcp', '27017')])[0]?.text).toMatch(/MongoDB/);
    expect(riskNotes([rule('both', '27015-27030')])).toEqual([]);
  });

  it('replaces the stack of per-port boxes with one DMZ-like warning for a whole-protocol forward', () => {
    const notes = riskNotes([rule('udp', '1-65535'), rule('tcp', '3074')]);
    expect(notes).toEqual([
      {
        level: 'warning',
        kind: 'whole-device',
        text: expect.stringMatching(/^This forwards every UDP port to this device, like a DMZ for UDP: .*no other device in your home/),
      },
    ]);
  });

  it('calls a forward of more than 1,000 ports close to a DMZ, with its size', () => {
    const [note] = riskNotes([rule('tcp', '49152-65534')]);
    expect(note).toMatchObject({ kind: 'whole-device', text: expect.stringMatching(/^This forwards 16,383 TCP ports \(49152-65534\) to this device, close to a DMZ/) });
    expect(riskNotes([rule('udp', '10000-11000')])[0]?.kind).toBe('whole-device'); // 1,001 ports
    expect(riskNotes([rule('udp', '10000-10999')])[0]?.kind).toBe('range'); // 1,000 ports
  });
});

describe('wideForwards', () => {
  it('merges per protocol and says what the device gets', () => {
    const wide = wideForwards([rule('udp', '1-65535'), rule('udp', '1-65535'), rule('tcp', '20000-22000', '30000-31500'), rule('tcp', '3074')]);
    expect(wide.map(wideForwardWords)).toEqual(['every UDP port', '3,502 TCP ports (20000-22000, 30000-31500)']);
    expect(wideForwards([rule('udp', '10000-11000')])).toHaveLength(1); // 1,001 ports
    expect(wideForwards([rule('udp', '10000-10999')])).toEqual([]); // exactly 1,000
  });
});
