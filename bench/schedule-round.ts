import { sql } from 'kysely';
import { createLogger } from '@netra/core';
import { MediaRepository, ReportRepository, SocialAccountRepository, UnclassifiedSubjectRepository, WatchedPostRepository, type Db } from '@netra/db';
import { createQueues, PlatformParking, RedisEpoch, type Redis } from '@netra/queue';
import { scheduleRound } from '@netra/scheduler';
import { secondsSince } from './bench-database.js';
import { round } from './store-posts.js';

/**
 * One scheduling round over `accounts` registered accounts, all due: the real scheduler,
 * claiming batches in Postgres (one UPDATE ... RETURNING each) and enqueueing poll jobs in Redis.
 */
export async function benchScheduleRound(db: Db, redis: Redis, accounts: number) {
  await sql`
    INSERT INTO regions (code, name) VALUES ('s', 'Sched') ON CONFLICT DO NOTHING;
    INSERT INTO agencies (code, name, region_code) VALUES ('S', 'Sched', 's') ON CONFLICT DO NOTHING;
  `.execute(db);
  const seedStart = performance.now();
  await sql`
    WITH servants AS (
      INSERT INTO civil_servants (nip, full_name, agency_id, region_code)
      SELECT lpad(g::text, 18, '0'), 'ASN ' || g, (SELECT id FROM agencies WHERE code = 'S'), 's'
      FROM generate_series(1, ${accounts}::int) AS g
      RETURNING id
    )
    INSERT INTO social_accounts (platform, handle, civil_servant_id, next_poll_at)
    SELECT 'mastodon', 'asn' || id, id, now() - interval '1 minute' FROM servants
  `.execute(db);
  const seeded = secondsSince(seedStart);
  const prefix = `netra_bench_${Date.now()}`;
  const queues = createQueues(redis, prefix);
  const start = performance.now();
  const { polls } = await scheduleRound({
    accounts: new SocialAccountRepository(db),
    watchedPosts: new WatchedPostRepository(db),
    queues,
    parking: new PlatformParking(redis, queues, prefix),
    unclassified: new UnclassifiedSubjectRepository(db),
    media: new MediaRepository(db),
    reports: new ReportRepository(db),
    epoch: new RedisEpoch(redis, prefix),
    logger: createLogger('bench', 'silent'),
    pollIntervalSeconds: 900,
    batchSize: 10_000,
    // The whole round, however many: this measures the round, not the backlog guard.
    maxBacklog: Number.POSITIVE_INFINITY,
    platforms: ['mastodon'],
  });
  const seconds = secondsSince(start);
  await queues.queue('ingest-mastodon').obliterate({ force: true });
  await queues.close();
  return { accounts, seed_seconds: round(seeded), jobs_enqueued: polls, seconds: round(seconds), accounts_per_second: Math.round(polls / seconds) };
}
