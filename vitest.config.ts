import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // The fault suite runs services as processes and breaks Redis and Postgres on purpose: its own script.
    exclude: ['**/node_modules/**', 'test/faults/**'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    // Real Postgres/Redis/HTTP and CLIs spawned through tsx: limits generous enough for a machine
    // whose other core is busy (tests wait for conditions; a limit only ends a test that hangs).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
