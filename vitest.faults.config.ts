import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: services as processes, with Redis, Postgres, platforms and webhooks failing on purpose. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One file at a time: its services already use both cores.
    maxWorkers: 1,
  },
});
