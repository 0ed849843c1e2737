import { Queue, Worker } from 'bullmq';
import { sql } from 'kysely';
import { platforms, type Platform } from '@netra/core';
import type { Db } from '@netra/db';
import { createQueues, physicalQueueName, type Redis } from '@netra/queue';
import { blueskyHandle, startSimPlatform, World } from '@netra/sim-platform';
import { ServiceProcess } from '@netra/testing/service-process';
import { measureMachine as measure } from './machine-cpu.js';
import { round } from './store-posts.js';

const postsPerAccount = 200;
/** One post in this many is partisan, so the review queue gets items too. */
const partisanEvery = 10;
const partisan = 'Ayo coblos nomor 2 tanggal 14 Februari!! ✌️ Menangkan paslon 02';
const goalPostsPerSecond = 2_000;

/**
 * Fetch to review queue with the services as separate processes, as deployed: an ingest process
 * and `classifiers` classifier processes, real Postgres and Redis, sim-platform serving the
 * platform APIs over HTTP (in this process). Per platform, from enqueueing the polls until every
 * fetched post is stored and classified (partisan ones with their review item). Beside it, in the
 * same run, the anchor: a BullMQ worker that does nothing, over as many jobs.
 */
export async function benchIngestClassified(
  bench: { db: Db; url: string },
  redis: Redis,
  redisUrl: string,
  texts: string[],
  options: { postsPerPlatform: number; classifiers: number },
) {
  const accountsPerPlatform = Math.max(1, Math.round(options.postsPerPlatform / postsPerAccount));
  const world = new World({ domain: 'bench.test' });
  const start = Date.now() - 30 * 24 * 3600_000;
  for (const platform of platforms) {
    for (let a = 0; a < accountsPerPlatform; a++) {
      const username = `${platform}_cls_${a}`;
      world.createAccount({ username, displayName: username, createdAt: new Date(start) });
      for (let p = 0; p < postsPerAccount; p++) {
        const n = a * postsPerAccount + p;
        const text = n % partisanEvery === 0 ? `${partisan} (${n})` : texts[n % texts.length]!;
        world.post({ acct: username, text, createdAt: new Date(start + (p + 1) * 60_000) });
      }
    }
  }
  const sim = await startSimPlatform({ port: 0, world });
  await sql`
    INSERT INTO regions (code, name) VALUES ('c', 'Classified') ON CONFLICT DO NOTHING;
    INSERT INTO agencies (code, name, region_code) VALUES ('C', 'Classified', 'c') ON CONFLICT DO NOTHING;
  `.execute(bench.db);
  const prefix = `netra_bench_cls_${Date.now()}`;
  const env = {
    DATABASE_URL: bench.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    MASTODON_BASE_URL: sim.url,
    BLUESKY_BASE_URL: sim.url,
    X_API_BASE_URL: sim.url,
    X_BEARER_TOKEN: 'sim-platform-accepts-any-token',
    POLL_INTERVAL_SECONDS: '900',
  };
  const services = [
    new ServiceProcess('ingest', 'services/ingest/src/main.ts', env),
    ...Array.from({ length: options.classifiers }, (_, i) => new ServiceProcess(`classifier-${i}`, 'services/classifier/src/main.ts', env)),
  ];
  const queues = createQueues(redis, prefix);
  const report: Record<string, unknown> = {
    goal: `>= ${goalPostsPerSecond} posts/s from fetch to classified and queued, on this machine's ${'2'} cores`,
    accounts_per_platform: accountsPerPlatform,
    posts_per_account: postsPerAccount,
    classifier_processes: options.classifiers,
  };
  try {
    for (const service of services) await service.start();
    for (const platform of platforms) report[platform] = await runPlatform(bench.db, queues, platform, world, accountsPerPlatform);
    report.anchor_noop_bullmq_worker = await noopWorkerAnchor(redis, prefix, accountsPerPlatform * postsPerAccount);
    for (const platform of platforms) {
      const figures = report[platform] as { posts_per_second: number };
      const anchor = report.anchor_noop_bullmq_worker as { jobs_per_second: number };
      Object.assign(figures, {
        times_slower_than_noop_worker: round(anchor.jobs_per_second / figures.posts_per_second, 2),
        meets_goal: figures.posts_per_second >= goalPostsPerSecond,
      });
    }
  } finally {
    for (const service of services) await service.stop();
    for (const name of [...platforms.map((p) => physicalQueueName('ingest', p)), 'classify' as const]) await queues.queue(name).obliterate({ force: true });
    await queues.close();
    await sim.close();
  }
  return report;
}

async function runPlatform(db: Db, queues: ReturnType<typeof createQueues>, platform: Platform, world: World, accounts: number) {
  const handle = (a: number) => {
    const username = `${platform}_cls_${a}`;
    return platform === 'bluesky' ? blueskyHandle(world, world.findAccount(username)!) : username;
  };
  const { rows } = await sql<{ id: number }>`
    WITH servants AS (
      INSERT INTO civil_servants (nip, full_name, agency_id, region_code)
      SELECT lpad((${(platforms.indexOf(platform) + 5) * 10_000_000}::bigint + g)::text, 18, '0'), 'ASN ' || g, (SELECT id FROM agencies WHERE code = 'C'), 'c'
      FROM generate_series(1, ${accounts}::int) AS g
      RETURNING id
    )
    INSERT INTO social_accounts (platform, handle, civil_servant_id)
    SELECT ${platform}, (${sql.val(Array.from({ length: accounts }, (_, a) => handle(a)))}::text[])[row_number() OVER ()], id FROM servants
    RETURNING id
  `.execute(db);
  const accountIds = rows.map((row) => row.id);
  const expected = accounts * postsPerAccount;
  const progress = async () => {
    const { rows: counts } = await sql<{ stored: number; classified: number; items: number }>`
      SELECT count(*)::int AS stored,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM classifications c WHERE c.post_id = p.id))::int AS classified,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM review_items r WHERE r.post_id = p.id))::int AS items
      FROM posts p WHERE p.account_id = ANY(${sql.val(accountIds)}::int[])`.execute(db);
    return counts[0]!;
  };
  const done = measure();
  await queues.enqueueMany('poll-account', accountIds.map((accountId) => ({ platform, accountId })));
  const deadline = Date.now() + 15 * 60_000;
  let counts = await progress();
  while ((counts.stored < expected || counts.classified < counts.stored) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    counts = await progress();
  }
  const { seconds, cpuSeconds } = done();
  return {
    posts: expected,
    stored: counts.stored,
    classified: counts.classified,
    review_items: counts.items,
    seconds: round(seconds),
    machine_cpu_seconds: round(cpuSeconds),
    posts_per_second: Math.round(counts.classified / seconds),
    posts_per_machine_cpu_second: Math.round(counts.classified / cpuSeconds),
  };
}

/** The floor any queue-fed pipeline sits on: BullMQ moving jobs through a worker that does nothing. */
async function noopWorkerAnchor(redis: Redis, prefix: string, jobs: number) {
  const queue = new Queue('bench-noop', { connection: redis, prefix });
  await queue.addBulk(Array.from({ length: jobs }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } })));
  let completed = 0;
  const done = measure();
  const worker = new Worker('bench-noop', async () => undefined, { connection: redis.duplicate(), prefix, concurrency: 8 });
  worker.on('completed', () => void (completed += 1));
  while (completed < jobs) await new Promise((resolve) => setTimeout(resolve, 20));
  const { seconds, cpuSeconds } = done();
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobs, seconds: round(seconds), machine_cpu_seconds: round(cpuSeconds), jobs_per_second: Math.round(jobs / seconds) };
}
