import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { connectRedis, type Redis } from '@netra/queue';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';
import {
  instrumentWorker,
  metrics,
  postgresAnswers,
  recordPlatformCall,
  redisAnswers,
  serviceEndpoints,
  startHealthServer,
  watchQueues,
  type HealthServer,
} from '../src/index.js';

const logger = createLogger('observability-test', 'silent');
let t: TestDatabase;
let redis: Redis;
let health: HealthServer;
const prefix = testRedisPrefix();

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await connectRedis(testRedisUrl);
  health = await startHealthServer({
    host: '127.0.0.1',
    port: 0,
    checks: { postgres: postgresAnswers(t.db), redis: redisAnswers(redis) },
    logger,
  });
});
afterAll(async () => {
  await health?.close();
  redis?.disconnect();
  await t?.drop();
});

const valueOf = async (metric: { get(): Promise<{ values: { labels: object; value: number }[] }> }, labels: object) =>
  (await metric.get()).values.find((v) => Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value))?.value;

describe('health server', () => {
  it('answers /healthz, and /readyz when Postgres and Redis answer', async () => {
    expect((await fetch(`${health.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${health.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', ready: true, checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('is not ready, and says which dependency fails, when one does not answer', async () => {
    const lostRedis = await connectRedis(testRedisUrl);
    lostRedis.disconnect();
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      checks: { postgres: postgresAnswers(t.db), redis: redisAnswers(lostRedis) },
      logger,
    });
    try {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ready: false, checks: { postgres: 'ok', redis: 'failing' } });
    } finally {
      await server.close();
    }
  });

  it('serves Prometheus metrics, including platform calls and 429s', async () => {
    recordPlatformCall('mastodon', 200);
    recordPlatformCall('mastodon', 429);
    recordPlatformCall('mastodon', undefined);
    const response = await fetch(`${health.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('netra_platform_api_calls_total{platform="mastodon",status="429"} 1');
    expect(text).toContain('netra_platform_api_calls_total{platform="mastodon",status="error"} 1');
    expect(text).toContain('netra_platform_api_rate_limited_total{platform="mastodon"} 1');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('BullMQ metrics', () => {
  it('counts completed, retried and finally failed jobs per queue', async () => {
    const name = 'observed';
    const queue = new Queue(name, { connection: redis, prefix });
    const workerConnection = redis.duplicate();
    const worker = new Worker(
      name,
      async (job: Job) => {
        if (job.name === 'flaky') throw new Error('try again');
        if (job.name === 'broken') throw new UnrecoverableError('cannot be fixed by retrying');
      },
      { connection: workerConnection, prefix },
    );
    instrumentWorker(worker);
    const finalFailures = new Promise<void>((resolve) => {
      let seen = 0;
      worker.on('failed', (job, error) => {
        if (error.name === 'UnrecoverableError' || (job && job.attemptsMade >= 2)) if (++seen === 2) resolve();
      });
    });
    const completed = new Promise<void>((resolve) => worker.on('completed', () => resolve()));
    await queue.add('fine', {});
    await queue.add('flaky', {}, { attempts: 2 });
    await queue.add('broken', {}, { attempts: 5 });
    await Promise.all([completed, finalFailures]);
    await worker.close();
    workerConnection.disconnect();

    expect(await valueOf(metrics.jobsCompleted, { queue: name, job: 'fine' })).toBe(1);
    expect(await valueOf(metrics.jobsRetried, { queue: name, job: 'flaky' })).toBe(1);
    expect(await valueOf(metrics.jobsFailed, { queue: name, job: 'flaky' })).toBe(1);
    expect(await valueOf(metrics.jobsFailed, { queue: name, job: 'broken' })).toBe(1);
    expect(await valueOf(metrics.jobsRetried, { queue: name, job: 'broken' })).toBeUndefined();
    const durations = (await metrics.jobDuration.get()).values.filter((v) => v.metricName === 'netra_job_duration_seconds_count' && v.labels.queue === name);
    expect(durations.reduce((sum, v) => sum + v.value, 0)).toBe(4); // fine, flaky twice, broken
    await queue.close();
  });

  it('reads queue depth and the oldest waiting job at scrape time', async () => {
    const queue = new Queue('piling-up', { connection: redis, prefix });
    const stop = watchQueues([queue]);
    await queue.add('a', {}, { timestamp: Date.now() - 60_000 });
    await queue.add('b', {});
    await queue.add('c', {}, { delay: 60_000 });
    const text = await (await fetch(`${health.url}/metrics`)).text();
    expect(text).toMatch(/netra_queue_jobs\{queue="piling-up",state="waiting"\} 2/);
    expect(text).toMatch(/netra_queue_jobs\{queue="piling-up",state="delayed"\} 1/);
    const oldest = Number(/netra_queue_oldest_waiting_seconds\{queue="piling-up"\} ([\d.]+)/.exec(text)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(60);
    stop();
    await queue.close();
  });
});

describe('Fastify service endpoints', () => {
  it('answers /healthz and /readyz and times requests by route pattern', async () => {
    const app = Fastify();
    await app.register(serviceEndpoints, { checks: { postgres: postgresAnswers(t.db) }, exposeMetrics: true });
    app.get('/things/:id', async () => ({ ok: true }));
    try {
      expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
      expect((await app.inject('/readyz')).statusCode).toBe(200);
      await app.inject('/things/123');
      await app.inject('/things/456');
      const text = (await app.inject('/metrics')).body;
      expect(text).toContain('netra_http_request_duration_seconds_count{method="GET",route="/things/:id",status_code="200"} 2');
      expect(text).not.toContain('/things/123');
    } finally {
      await app.close();
    }
  });
});
