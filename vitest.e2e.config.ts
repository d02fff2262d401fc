import { defineConfig } from 'vitest/config';

// Real browsers with the built extension: Chromium (.output/e2e-chrome-mv3) for test/e2e, and
// with PORTPILOT_E2E_BROWSER=firefox, Firefox ESR (.output/e2e-firefox-mv2) for test/e2e-firefox.
// One browser at a time: CI has 2 cores.
const firefox = process.env.PORTPILOT_E2E_BROWSER === 'firefox';

export default defineConfig({
  test: {
    include: [firefox ? 'test/e2e-firefox/**/*.test.ts' : 'test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
