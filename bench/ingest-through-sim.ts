import { sql } from 'kysely';
import { createLogger, platforms, type Platform } from '@netra/core';
import type { Db } from '@netra/db';
import { buildIngestDeps, startIngestWorkers } from '@netra/ingest';
import { createQueues, physicalQueueName, type Redis } from '@netra/queue';
import { blueskyHandle, startSimPlatform, World } from '@netra/sim-platform';
import { secondsSince } from './bench-database.js';
import { round } from './store-posts.js';

const postsPerAccount = 200;

/**
 * Ingest end to end, per platform: poll jobs in Redis, the real connector over HTTP against
 * sim-platform (in this process, so it shares the 2 cores), posts, raw pages and cursors into
 * Postgres. Measures posts stored per second from the first enqueue to the drained queue.
 */
export async function benchIngestThroughSim(db: Db, redis: Redis, texts: string[], postsPerPlatform: number) {
  const accountsPerPlatform = Math.max(1, Math.round(postsPerPlatform / postsPerAccount));
  const world = new World({ domain: 'bench.test' });
  const start = Date.now() - 30 * 24 * 3600_000;
  for (const platform of platforms) {
    for (let a = 0; a < accountsPerPlatform; a++) {
      const username = `${platform}_asn_${a}`;
      world.createAccount({ username, displayName: username, createdAt: new Date(start) });
      for (let p = 0; p < postsPerAccount; p++) {
        world.post({ acct: username, text: texts[(a * postsPerAccount + p) % texts.length]!, createdAt: new Date(start + (p + 1) * 60_000) });
      }
    }
  }
  const sim = await startSimPlatform({ port: 0, world });
  await sql`
    INSERT INTO regions (code, name) VALUES ('i', 'Ingest') ON CONFLICT DO NOTHING;
    INSERT INTO agencies (code, name, region_code) VALUES ('I', 'Ingest', 'i') ON CONFLICT DO NOTHING;
  `.execute(db);
  const prefix = `netra_bench_ingest_${Date.now()}`;
  const queues = createQueues(redis, prefix);
  const deps = buildIngestDeps({
    db,
    redis,
    redisPrefix: prefix,
    queues,
    endpoints: { mastodon: { baseUrl: sim.url }, bluesky: { baseUrl: sim.url }, x: { baseUrl: sim.url, bearerToken: 'bench' } },
    logger: createLogger('bench', 'silent'),
    pollIntervalSeconds: 900,
  });
  const workers = startIngestWorkers(deps, { connection: redis, prefix, concurrency: 8 });
  const report: Record<string, unknown> = { accounts_per_platform: accountsPerPlatform, posts_per_account: postsPerAccount };
  try {
    for (const platform of platforms) report[platform] = await runPlatform(db, queues, platform, world, accountsPerPlatform);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    for (const platform of platforms) await queues.queue(physicalQueueName('ingest', platform)).obliterate({ force: true });
    await queues.queue('classify').obliterate({ force: true });
    await queues.close();
    await sim.close();
  }
  return report;
}

async function runPlatform(db: Db, queues: ReturnType<typeof createQueues>, platform: Platform, world: World, accounts: number) {
  const handle = (a: number) => {
    const username = `${platform}_asn_${a}`;
    return platform === 'bluesky' ? blueskyHandle(world, world.findAccount(username)!) : username;
  };
  const { rows } = await sql<{ id: number }>`
    WITH servants AS (
      INSERT INTO civil_servants (nip, full_name, agency_id, region_code)
      SELECT lpad((${(platforms.indexOf(platform) + 1) * 10_000_000}::bigint + g)::text, 18, '0'), 'ASN ' || g, (SELECT id FROM agencies WHERE code = 'I'), 'i'
      FROM generate_series(1, ${accounts}::int) AS g
      RETURNING id
    )
    INSERT INTO social_accounts (platform, handle, civil_servant_id)
    SELECT ${platform}, (${sql.val(Array.from({ length: accounts }, (_, a) => handle(a)))}::text[])[row_number() OVER ()], id FROM servants
    RETURNING id
  `.execute(db);
  const accountIds = rows.map((row) => row.id);
  const count = async () =>
    (await db.selectFrom('posts').select(sql<number>`count(*)::int`.as('n')).where('account_id', '=', sql<number>`ANY(${sql.val(accountIds)}::int[])`).executeTakeFirstOrThrow()).n;
  const queue = queues.queue(physicalQueueName('ingest', platform));
  const started = performance.now();
  await queues.enqueueMany('poll-account', accountIds.map((accountId) => ({ platform, accountId })));
  for (;;) {
    const pending = Object.values(await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).reduce((a, b) => a + b, 0);
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = secondsSince(started);
  const stored = await count();
  const failed = await queue.getFailedCount();
  const pages = (await db.selectFrom('raw_pages').select(sql<number>`count(*)::int`.as('n')).where('platform', '=', platform).executeTakeFirstOrThrow()).n;
  return { posts: stored, raw_pages: pages, failed_jobs: failed, seconds: round(seconds), posts_per_second: Math.round(stored / seconds) };
}
