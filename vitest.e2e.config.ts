import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension (.output/e2e-chrome-mv3). One browser at a time:
// CI has 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
