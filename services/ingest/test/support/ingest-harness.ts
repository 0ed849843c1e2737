import type { Worker } from 'bullmq';
import { createLogger, type Platform } from '@netra/core';
import { connectRedis, createQueues, ingestQueueNames, type PhysicalQueueName, type Queues, type Redis } from '@netra/queue';
import { startSimPlatform, World, type RunningSimPlatform } from '@netra/sim-platform';
import { createTestDatabase, seedAgency, testRedisPrefix, testRedisUrl, type SeededAgency, type TestDatabase } from '@netra/testing';
import { buildIngestDeps, startIngestWorkers, type IngestDeps } from '../../src/index.js';

export interface IngestHarness {
  t: TestDatabase;
  redis: Redis;
  prefix: string;
  sim: RunningSimPlatform;
  world: World;
  queues: Queues;
  deps: IngestDeps;
  workers: Worker[];
  registerCivilServant(platform: Platform, handle: string): Promise<number>;
  registerCandidate(platform: Platform, handle: string): Promise<number>;
  /** Runs the jobs of the given ingest queues (all by default) to the end, waiting, delayed and rate-limited ones included. */
  drain(queueNames?: readonly PhysicalQueueName[]): Promise<void>;
  close(): Promise<void>;
}

let n = 0;

/**
 * Everything real: a fresh database, Redis under this file's own prefix, the simulated platform
 * over HTTP (all three faces at one address) and one ingest worker per platform, as in production.
 */
export async function startIngestHarness(): Promise<IngestHarness> {
  const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const t = await createTestDatabase();
  const redis = await connectRedis(testRedisUrl);
  const prefix = testRedisPrefix();
  const world = new World({ domain: 'sim.test' });
  const sim = await startSimPlatform({ port: 0, world });
  const queues = createQueues(redis, prefix);
  const baseUrl = sim.url;
  const deps = buildIngestDeps({
    db: t.db,
    redis,
    redisPrefix: prefix,
    queues,
    endpoints: { mastodon: { baseUrl }, bluesky: { baseUrl }, x: { baseUrl, bearerToken: 'test-token' } },
    logger,
    pollIntervalSeconds: 900,
    timeoutMs: 15_000,
  });
  const workers = startIngestWorkers(deps, { connection: redis, prefix, concurrency: 4 });
  const agency: SeededAgency = await seedAgency(t.db);
  const { id: electionId } = await t.db
    .insertInto('elections')
    .values({ code: `pilpres-uji-${++n}`, name: 'Pilpres Uji', kind: 'presidential', region_code: null, campaign_starts_on: '2023-11-28', campaign_ends_on: '2024-02-10', vote_on: '2024-02-14' })
    .returning('id')
    .executeTakeFirstOrThrow();

  const insertAccount = async (platform: Platform, handle: string, owner: { civil_servant_id: number } | { candidate_id: number }) =>
    (
      await t.db
        .insertInto('social_accounts')
        .values({ platform, handle, platform_account_id: null, civil_servant_id: null, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null, ...owner })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  return {
    t,
    redis,
    prefix,
    sim,
    world,
    queues,
    deps,
    workers,
    async registerCivilServant(platform, handle) {
      const k = ++n;
      const { id } = await t.db
        .insertInto('civil_servants')
        .values({ nip: `19850101201001${String(1000 + k).slice(-4)}`, full_name: `ASN ${k}`, agency_id: agency.id, region_code: agency.regionCode, position: null, spouse_candidate_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return insertAccount(platform, handle, { civil_servant_id: id });
    },
    async registerCandidate(platform, handle) {
      const k = ++n;
      const { id } = await t.db
        .insertInto('candidates')
        .values({ election_id: electionId, kind: 'pair', ballot_number: k, label: `Paslon ${k}`, names: [`Calon ${k}`] })
        .returning('id')
        .executeTakeFirstOrThrow();
      return insertAccount(platform, handle, { candidate_id: id });
    },
    async drain(names = ingestQueueNames) {
      for (let quiet = 0; quiet < 2; ) {
        const counts = await Promise.all(names.map((name) => queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
        quiet = counts.every((c) => Object.values(c).every((v) => v === 0)) ? quiet + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      await sim.close();
      redis.disconnect();
      await t.drop();
    },
  };
}
