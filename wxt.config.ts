import { defineConfig } from 'wxt';
import { zodWithoutEval } from './scripts/vite/zod-without-eval';

// PORTPILOT_E2E=1 builds the test variant into .output/e2e-<browser>: identical code, plus
// host access to loopback so headless tests need no permission prompt (which a headless
// browser cannot click). The shipped build asks for the router's origin at run time.
const e2e = process.env.PORTPILOT_E2E === '1';

export default defineConfig({
  srcDir: 'extension',
  // scripts/build-data.ts writes the preset bundle here; WXT copies it into the extension.
  publicDir: 'build/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [zodWithoutEval()],
    // Test builds only; false in shipped builds, where the code it guards is dropped.
    define: { __PORTPILOT_E2E__: JSON.stringify(e2e) },
  }),
  outDirTemplate: e2e ? 'e2e-{{browser}}-mv{{manifestVersion}}' : '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ browser, manifestVersion }) => ({
    name: 'PortPilot',
    description: 'Open the ports a game needs on your router in one click.',
    // activeTab: detect the router page when the popup opens. scripting: inject the
    // autofill only into the tab being applied. storage: resume an apply across reloads.
    permissions: ['activeTab', 'scripting', 'storage'],
    // Asked for one origin at a time, at the first Apply on that router (MV2 names it differently).
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_permissions: ['http://*/*', 'https://*/*'] }),
    host_permissions: e2e ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // PortPilot collects nothing: user data never leaves the browser.
            gecko: { id: 'portpilot@portpilot.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // Firefox for Android knows data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
