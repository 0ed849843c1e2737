import { expect, it } from 'vitest';
import { demoSettings } from '../demo/src/settings.js';

/** Issue 14: two demos on one Postgres and Redis overwrote each other's users and webhooks. */
it('derives database, Redis prefix and ports from NETRA_DEMO_INSTANCE, and refuses a bad one', () => {
  expect(demoSettings({}, false)).toMatchObject({ instance: 0, databaseUrl: 'postgres://postgres@127.0.0.1:5432/netra_demo', redisPrefix: 'netra_demo', reviewPort: 3000, simPort: 4000 });
  expect(demoSettings({ NETRA_DEMO_INSTANCE: '2' }, false)).toMatchObject({
    instance: 2,
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/netra_demo_2',
    redisPrefix: 'netra_demo_2',
    reviewPort: 3002,
    simPort: 4002,
  });
  expect(demoSettings({ NETRA_DEMO_INSTANCE: '2', REDIS_PREFIX: 'mine', REVIEW_PORT: '8080' }, false)).toMatchObject({ redisPrefix: 'mine', reviewPort: 8080 });
  expect(() => demoSettings({ NETRA_DEMO_INSTANCE: 'x' }, false)).toThrow(/NETRA_DEMO_INSTANCE/);
});
