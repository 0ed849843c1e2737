import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@netra/core';
import { startPipeline, importDemoRegistry, type Pipeline } from '@netra/demo';
import { connectRedis, type Redis } from '@netra/queue';
import { buildDemoWorld, startSimPlatform } from '@netra/sim-platform';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '@netra/testing';

export interface Harness {
  t: TestDatabase;
  redis: Redis;
  sim: Awaited<ReturnType<typeof startSimPlatform>>;
  pipeline: Pipeline;
  logger: ReturnType<typeof createLogger>;
  /** The media store's directory, this test's own. */
  mediaDir: string;
  close(): Promise<void>;
}

/**
 * Everything real: a fresh database with the demo registry imported, Redis under a prefix of
 * this test's own, the simulated Mastodon instance over HTTP, and the ingest and classify
 * workers wired as in production.
 */
export async function startHarness(): Promise<Harness> {
  const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const t = await createTestDatabase();
  const redis = await connectRedis(testRedisUrl);
  const sim = await startSimPlatform({ host: '127.0.0.1', port: 0, world: buildDemoWorld() });
  await importDemoRegistry(t.db);
  const mediaDir = await mkdtemp(join(tmpdir(), 'netra-media-'));
  const pipeline = await startPipeline({ db: t.db, redis, redisPrefix: testRedisPrefix(), platformBaseUrl: sim.url, mediaDir, logger });
  return {
    t,
    redis,
    sim,
    pipeline,
    logger,
    mediaDir,
    async close() {
      await pipeline.close();
      await sim.close();
      redis.disconnect();
      await t.drop();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Adds a status to the simulated instance through its HTTP API, as a person posting would. */
export async function postToSim(simUrl: string, acct: string, text: string): Promise<{ id: string; url: string }> {
  const response = await fetch(`${simUrl}/sim/statuses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ acct, text }),
  });
  if (!response.ok) throw new Error(`sim-platform refused the status: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; url: string };
}
