import { describe, expect, it } from 'vitest';
import { CHROMIUM, findBrowser } from '../../support/find-browser';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, even when chromium is on PATH', () => {
    const found = findBrowser(CHROMIUM, {
      env: { CHROMIUM_PATH: '/opt/c/chrome', PATH: '/usr/bin' },
      isExecutable: only('/opt/c/chrome', '/usr/bin/chromium'),
    });
    expect(found).toEqual({ path: '/opt/c/chrome', via: 'CHROMIUM_PATH' });
  });

  it('reports a variable pointing nowhere instead of silently using another browser', () => {
    const found = findBrowser(CHROMIUM, {
      env: { CHROMIUM_PATH: '/nope', PATH: '/usr/bin' },
      isExecutable: only('/usr/bin/chromium'),
    });
    expect(found).toEqual({ path: null, badEnv: 'CHROMIUM_PATH=/nope is not an executable file' });
  });

  it('looks up the names on PATH in order: chromium before google-chrome', () => {
    const found = findBrowser(CHROMIUM, {
      env: { PATH: '/a:/b' },
      isExecutable: only('/a/google-chrome', '/b/chromium'),
    });
    expect(found).toEqual({ path: '/b/chromium', via: 'PATH (chromium)' });
  });

  it('falls back to the usual install paths (macOS app bundle)', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(CHROMIUM, { env: { PATH: '/usr/bin' }, isExecutable: only(mac) })).toEqual({ path: mac, via: 'a usual install path' });
  });

  it('finds nothing on a machine without a browser', () => {
    expect(findBrowser(CHROMIUM, { env: { PATH: '/usr/bin:/bin' }, isExecutable: () => false })).toEqual({ path: null });
  });
});
