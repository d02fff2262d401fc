import { describe, expect, it } from 'vitest';
import { forgetRouterOrigin, grantedRouterOrigins, originOfPattern, type PermissionsApi } from '../../../extension/lib/options/router-access';

function fakePermissions(granted: string[], required: string[] = []): PermissionsApi & { granted: string[] } {
  const api = {
    granted: [...granted, ...required],
    async getAll() {
      return { origins: [...api.granted] };
    },
    async remove({ origins }: { origins: string[] }) {
      if (origins.some((o) => required.includes(o))) throw new Error('You cannot remove required permissions.');
      const before = api.granted.length;
      api.granted = api.granted.filter((o) => !origins.includes(o));
      return api.granted.length < before;
    },
  };
  return api;
}

describe('router access', () => {
  it('lists granted router origins once each, sorted, without the /* pattern', async () => {
    const api = fakePermissions(['https://router.local/*', 'http://192.168.1.1/*', 'http://192.168.1.1/*']);
    expect(await grantedRouterOrigins(api)).toEqual(['http://192.168.1.1', 'https://router.local']);
  });

  it('ignores patterns that are not one web origin', () => {
    expect(originOfPattern('<all_urls>')).toBeNull();
    expect(originOfPattern('http://*/*')).toBeNull();
    expect(originOfPattern('http://10.0.0.1:8080/*')).toBe('http://10.0.0.1:8080');
  });

  it('forgets an origin through permissions.remove', async () => {
    const api = fakePermissions(['http://192.168.1.1/*', 'http://10.0.0.1/*']);
    expect(await forgetRouterOrigin('http://192.168.1.1', api)).toBeNull();
    expect(await grantedRouterOrigins(api)).toEqual(['http://10.0.0.1']);
  });

  it('says why when the browser refuses (a required permission)', async () => {
    const api = fakePermissions([], ['http://127.0.0.1/*']);
    expect(await forgetRouterOrigin('http://127.0.0.1', api)).toMatch(/could not be forgotten: You cannot remove required/);
    expect(await grantedRouterOrigins(api)).toEqual(['http://127.0.0.1']);
  });
});
