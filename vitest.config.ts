import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the web app first when the browser tests (test/browser) will run.
    globalSetup: ['test/global-setup.ts'],
    // Each API test file starts its own server on its own store; two cores take two at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
