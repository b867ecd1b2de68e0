import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real HTTP servers; generous timeouts keep a noisy 2-core CI deterministic.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
