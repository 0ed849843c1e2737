import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createLogger, type Closeable } from '@netra/core';
import { connectRedis, type Redis } from '@netra/queue';
import { createTestDatabase, freePort, seedAgency, seedFlaggedPost, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';
import { buildReviewApp, startReviewOperations, type ReviewApp } from '../src/index.js';

/** Issue 14: no review-backlog metrics, so no alert could tell that reviewers fall behind. */
let t: TestDatabase;
let app: ReviewApp;
let redis: Redis;
let operations: Closeable;
let metricsUrl: string;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await connectRedis(testRedisUrl);
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  operations = await startReviewOperations({
    app,
    db: t.db,
    redis,
    redisPrefix: testRedisPrefix(),
    insecureCookies: true,
    secondFactor: 'off',
    logger: createLogger('review-test', 'silent'),
    statsRefreshSeconds: 3600,
    backlogMetricsSeconds: 1,
    metrics: { host: '127.0.0.1', port },
  });
});
afterAll(async () => {
  await operations?.close();
  await app?.close();
  redis?.disconnect();
  await t?.drop();
});

it('exports per agency how many flags wait for a decision and how long the oldest has waited', async () => {
  const agency = await seedAgency(t.db);
  const { itemId } = await seedFlaggedPost(t.db, agency);
  await seedFlaggedPost(t.db, agency);
  await t.db.updateTable('review_items').set({ opened_at: new Date(Date.now() - 4 * 86_400_000) }).where('id', '=', itemId).execute();
  // The gauges are re-read every second here; the first round may have run before the seed.
  await vi.waitFor(
    async () => {
      const text = await (await fetch(metricsUrl)).text();
      const value = (metric: string) => Number(new RegExp(`^${metric}\\{agency="${agency.code}"[^}]*\\} ([0-9.]+)$`, 'm').exec(text)?.[1]);
      expect(value('netra_review_undecided_items')).toBe(2);
      const age = value('netra_review_oldest_undecided_age_seconds');
      expect(age).toBeGreaterThan(3.9 * 86_400);
    },
    { timeout: 90_000, interval: 1_000 },
  );
}, 120_000);
