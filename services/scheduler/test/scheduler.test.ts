import { sql } from 'kysely';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, sha256Hex, type Platform } from '@netra/core';
import { MediaRepository, ReportRepository, SocialAccountRepository, UnclassifiedSubjectRepository, WatchedPostRepository } from '@netra/db';
import { connectRedis, createQueues, ingestQueueNames, PlatformParking, RedisEpoch, type Queues, type Redis } from '@netra/queue';
import { createTestDatabase, seedAgency, testRedisPrefix, testRedisUrl, type SeededAgency, type TestDatabase } from '@netra/testing';
import { scheduleRound, type SchedulerOptions } from '../src/index.js';

let t: TestDatabase;
let redis: Redis;
let queues: Queues;
let options: SchedulerOptions;
let agency: SeededAgency;
let prefix: string;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await connectRedis(testRedisUrl);
  prefix = testRedisPrefix();
  queues = createQueues(redis, prefix);
  agency = await seedAgency(t.db);
  options = {
    accounts: new SocialAccountRepository(t.db),
    watchedPosts: new WatchedPostRepository(t.db),
    queues,
    parking: new PlatformParking(redis, queues, prefix),
    unclassified: new UnclassifiedSubjectRepository(t.db),
    media: new MediaRepository(t.db),
    reports: new ReportRepository(t.db),
    epoch: new RedisEpoch(redis, prefix),
    logger: createLogger('test', 'silent'),
    pollIntervalSeconds: 900,
    batchSize: 3,
  };
});
afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await t.drop();
});
beforeEach(async () => {
  for (const name of [...ingestQueueNames, 'classify' as const]) await queues.queue(name).obliterate({ force: true });
  await t.db.updateTable('social_accounts').set({ next_poll_at: sql`now() + interval '1 day'` }).execute();
});

let n = 0;
async function civilServantAccounts(platform: Platform, count: number, pollIntervalSeconds: number | null = null): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = ++n;
    const { id: servant } = await t.db
      .insertInto('civil_servants')
      .values({ nip: `19800101200501${String(1000 + k).slice(-4)}`, full_name: `ASN ${k}`, agency_id: agency.id, region_code: agency.regionCode, position: null, spouse_candidate_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await t.db
      .insertInto('social_accounts')
      .values({ platform, handle: `asn${k}`, platform_account_id: null, civil_servant_id: servant, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null, poll_interval_seconds: pollIntervalSeconds, next_poll_at: sql`now() - interval '1 minute'` })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

const jobsIn = async (platform: Platform) => (await queues.queue(`ingest-${platform}`).getJobs(['wait'])).map((j) => [j.name, j.data]);

it("enqueues each platform's due accounts on that platform's queue, in batches, and reschedules each by its own interval", async () => {
  const mastodon = await civilServantAccounts('mastodon', 7);
  const [fast] = await civilServantAccounts('bluesky', 1, 120);
  const result = await scheduleRound(options);
  expect(result).toMatchObject({ polls: 8, watches: 0, skipped: [] });
  const byAccount = (a: unknown[], b: unknown[]) => (a[1] as { accountId: number }).accountId - (b[1] as { accountId: number }).accountId;
  expect((await jobsIn('mastodon')).sort(byAccount)).toEqual(mastodon.map((accountId) => ['poll-account', { platform: 'mastodon', accountId }]));
  expect(await jobsIn('bluesky')).toEqual([['poll-account', { platform: 'bluesky', accountId: fast }]]);
  const { seconds } = await t.db
    .selectFrom('social_accounts')
    .select(sql<number>`extract(epoch from next_poll_at - now())::float8`.as('seconds'))
    .where('id', '=', fast!)
    .executeTakeFirstOrThrow();
  expect(seconds).toBeGreaterThan(120 * 0.9 - 5);
  expect(seconds).toBeLessThanOrEqual(120 * 1.1);
  expect((await scheduleRound(options)).polls).toBe(0);
});

it('leaves accounts due, most overdue first, when the platform queue is full', async () => {
  await civilServantAccounts('x', 5);
  const first = await scheduleRound({ ...options, maxBacklog: 4 });
  expect(first.polls).toBe(4);
  const second = await scheduleRound({ ...options, maxBacklog: 4 });
  expect(second).toMatchObject({ polls: 0, skipped: ['x'] });
  await queues.queue('ingest-x').obliterate({ force: true });
  expect((await scheduleRound({ ...options, maxBacklog: 4 })).polls).toBe(1);
});

it('skips a parked platform until its cap lifts, then resumes it', async () => {
  await civilServantAccounts('x', 2);
  await options.parking.park('x', 'usage cap', 60_000);
  const parked = await scheduleRound(options);
  expect(parked).toMatchObject({ polls: 0, skipped: ['x'] });
  expect(await queues.queue('ingest-x').isPaused()).toBe(true);

  await options.parking.park('x', 'usage cap', 0);
  const resumed = await scheduleRound(options);
  expect(resumed.polls).toBe(2);
  expect(await queues.queue('ingest-x').isPaused()).toBe(false);
});

it("enrols flagged posts for deletion checks and enqueues due watched posts' checks", async () => {
  const [accountId] = await civilServantAccounts('mastodon', 1);
  const { id: postId } = await t.db
    .insertInto('posts')
    .values({ platform: 'mastodon', platform_post_id: '111', account_id: accountId!, author_handle: 'asn', kind: 'post', text: 'coblos 02', url: null, in_reply_to_platform_id: null, posted_at: new Date(), raw: '{}', content_sha256: sha256Hex('coblos 02'), deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('classifications')
    .values({ post_id: postId, engagement_id: null, classifier_version: 't', input_sha256: sha256Hex('x'), flagged: true, score: 0.9, codes: ['number_symbol'], severity: 'berat', evidence: '[]' })
    .execute();
  await t.db.updateTable('social_accounts').set({ next_poll_at: sql`now() + interval '1 day'` }).execute();

  const result = await scheduleRound(options);
  expect(result).toMatchObject({ enrolled: 1, checks: 1 });
  expect(await jobsIn('mastodon')).toEqual([['check-post', { platform: 'mastodon', postId }]]);
  // Claimed: not claimed again while its check is pending.
  expect((await scheduleRound(options)).checks).toBe(0);
});

describe('what Redis only held in flight is re-derived from Postgres', () => {
  const platform = 'mastodon';

  it('a poll job that failed for good does not block the next poll of that account', async () => {
    const [accountId] = await civilServantAccounts(platform, 1);
    expect((await scheduleRound(options)).polls).toBe(1);
    const failing = new Worker(`ingest-${platform}`, async () => {
      throw new UnrecoverableError('platform answered 503');
    }, { connection: redis, prefix });
    try {
      await vi.waitFor(async () => expect(await queues.queue(`ingest-${platform}`).getFailedCount()).toBe(1), { timeout: 20_000 });
    } finally {
      await failing.close();
    }
    await t.db.updateTable('social_accounts').set({ next_poll_at: sql`now() - interval '1 second'` }).where('id', '=', accountId!).execute();
    const again = await scheduleRound(options);
    expect(again).toMatchObject({ polls: 1, claimed: 1 });
    expect(await queues.pendingJob('poll-account', { platform, accountId: accountId! })).toBeDefined();
  });

  it('after Redis lost everything, accounts claimed but never polled are due again at once', async () => {
    // Accounts of earlier tests were claimed and never polled too: leave them out of this count.
    await t.db.updateTable('social_accounts').set({ poll_claimed_at: null }).execute();
    const accounts = await civilServantAccounts(platform, 3);
    await t.db.updateTable('social_accounts').set({ last_polled_at: sql`now() - interval '1 hour'` }).where('id', 'in', accounts).execute();
    expect((await scheduleRound(options)).polls).toBe(3);
    // One of them was polled meanwhile; then Redis restarts empty (here: this run's keys vanish).
    await t.db.updateTable('social_accounts').set({ last_polled_at: sql`now()` }).where('id', '=', accounts[0]!).execute();
    await forgetEverything();

    const after = await scheduleRound(options);
    expect(after.reconciled.accountsReleased).toBe(2);
    expect(after.polls).toBe(2);
    expect((await jobsIn(platform)).map(([, data]) => (data as { accountId: number }).accountId).sort()).toEqual(accounts.slice(1).sort());
    expect((await scheduleRound(options)).reconciled.accountsReleased).toBe(0);
  });

  it('a stored subject that was never classified gets its classify job again, once, until it is classified', async () => {
    const [accountId] = await civilServantAccounts(platform, 1);
    const { id: postId } = await t.db
      .insertInto('posts')
      .values({ platform, platform_post_id: `lost-${accountId}`, account_id: accountId!, author_handle: 'asn', kind: 'post', text: 'coblos 02', url: null, in_reply_to_platform_id: null, posted_at: new Date(), fetched_at: sql`now() - interval '5 minutes'`, raw: '{}', content_sha256: sha256Hex('coblos 02'), deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('social_accounts').set({ next_poll_at: sql`now() + interval '1 day'` }).execute();

    expect((await scheduleRound(options)).reconciled.classifyJobs).toBe(1);
    expect(await queues.pendingJob('classify-post', { postId })).toBeDefined();
    // Still queued: not added twice.
    expect((await scheduleRound(options)).reconciled.classifyJobs).toBe(0);
    await forgetEverything();
    expect((await scheduleRound(options)).reconciled.classifyJobs).toBe(1);

    await t.db
      .insertInto('classifications')
      .values({ post_id: postId, engagement_id: null, classifier_version: 't', input_sha256: sha256Hex('y'), flagged: false, score: 0.1, codes: [], severity: null, evidence: '[]' })
      .execute();
    await queues.queue('classify').obliterate({ force: true });
    expect((await scheduleRound(options)).reconciled.classifyJobs).toBe(0);
    const mark = await t.db.selectFrom('reconcile_watermarks').select('last_id').where('name', '=', 'posts').executeTakeFirstOrThrow();
    expect(BigInt(mark.last_id)).toBeGreaterThanOrEqual(BigInt(postId));
  });

  it('a subject stored moments before Redis lost everything is queued in the next round, not after the grace', async () => {
    const [accountId] = await civilServantAccounts(platform, 1);
    const { id: postId } = await t.db
      .insertInto('posts')
      .values({ platform, platform_post_id: `fresh-${accountId}`, account_id: accountId!, author_handle: 'asn', kind: 'post', text: 'coblos 01', url: null, in_reply_to_platform_id: null, posted_at: new Date(), fetched_at: sql`now()`, raw: '{}', content_sha256: sha256Hex('coblos 01'), deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('social_accounts').set({ next_poll_at: sql`now() + interval '1 day'` }).execute();

    // Just stored: its own classify job may simply not have had its turn yet.
    expect((await scheduleRound(options)).reconciled.classifyJobs).toBe(0);
    await forgetEverything();
    expect((await scheduleRound(options)).reconciled.classifyJobs).toBe(1);
    expect(await queues.pendingJob('classify-post', { postId })).toBeDefined();
  });
});

/** What a Redis restart without persistence (or a FLUSHALL) does to this run: every key is gone. */
async function forgetEverything(): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}
