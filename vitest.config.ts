import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails under CI=true when redis-server is missing; elsewhere says once that its tests are skipped.
    globalSetup: ['test/support/redis-global-setup.ts'],
    // End-to-end tests start real HTTP servers; generous timeouts keep a noisy 2-core CI deterministic.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
