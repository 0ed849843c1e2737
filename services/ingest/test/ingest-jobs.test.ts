import type { Job, Queue } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@netra/core';
import { blueskyHandle, blueskyUri } from '@netra/sim-platform';
import { startIngestHarness, type IngestHarness } from './support/ingest-harness.js';

let h: IngestHarness;
beforeAll(async () => {
  h = await startIngestHarness();
});
afterAll(() => h?.close());

/** Waits until the job has been moved to `state` (it leaves 'active' once its handler has thrown). */
async function settledAs(queue: Queue, job: () => Promise<Job | undefined>, state: string): Promise<void> {
  for (;;) {
    const current = await job();
    if (current && (await current.getState()) === state && current.attemptsMade === 0 && (await queue.getActiveCount()) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let n = 0;
const simAccount = (prefix = 'asn') => h.world.createAccount({ username: `${prefix}${++n}`, displayName: `${prefix} ${n}` });
const account = (id: number) => h.t.db.selectFrom('social_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const poll = async (platform: 'mastodon' | 'bluesky' | 'x', accountId: number) => {
  await h.queues.enqueue('poll-account', { platform, accountId });
  await h.drain();
};
const postsOf = (accountId: number) =>
  h.t.db.selectFrom('posts').selectAll().where('account_id', '=', accountId).orderBy('posted_at').orderBy('id').execute();

describe('poll-account', () => {
  it('stores the raw pages with the posts and the cursor, and a second poll adds nothing', async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('mastodon', person.username);
    for (let i = 0; i < 45; i++) h.world.post({ acct: person.username, text: `kabar ${i}` });
    await poll('mastodon', id);

    const stored = await postsOf(id);
    expect(stored).toHaveLength(45);
    const row = await account(id);
    expect(row.platform_account_id).toBe(person.id);
    expect(row.poll_cursor).toBe(stored.at(-1)!.platform_post_id);
    const pages = await h.t.db.selectFrom('raw_pages').selectAll().where('account_id', '=', id).execute();
    expect(pages.map((p) => p.http_status)).toEqual([200, 200]);
    for (const page of pages) expect(page.body_sha256).toBe(sha256Hex(page.body));
    expect(pages.map((p) => p.body).join('')).toContain('kabar 44');

    await poll('mastodon', id);
    expect(await postsOf(id)).toHaveLength(45);
    expect((await h.deps.accounts.history(id)).map((e) => e.kind)).toEqual(['resolved']);
  });

  it('adapts the poll interval: shorter after new posts, longer after none', async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('x', person.username);
    h.world.post({ acct: person.username, text: 'satu' });
    await poll('x', id);
    expect((await account(id)).poll_interval_seconds).toBe(450);
    await poll('x', id);
    expect((await account(id)).poll_interval_seconds).toBe(675);
  });

  it('stores a repost as a share of the original, and a quote as a post and a share', async () => {
    const candidate = simAccount('paslon');
    const person = simAccount();
    const candidateId = await h.registerCandidate('bluesky', blueskyHandle(h.world, candidate));
    const id = await h.registerCivilServant('bluesky', blueskyHandle(h.world, person));
    const original = h.world.post({ acct: candidate.username, text: 'Coblos nomor 2!' });
    h.world.post({ acct: person.username, reblogOfId: original.id });
    const quote = h.world.post({ acct: person.username, text: 'Setuju, menangkan 02', quoteOfId: original.id });
    await poll('bluesky', id);

    const target = await h.t.db.selectFrom('posts').selectAll().where('platform_post_id', '=', blueskyUri(h.world, original)).executeTakeFirstOrThrow();
    expect(target.account_id).toBe(candidateId);
    const quotePost = await h.t.db.selectFrom('posts').selectAll().where('platform_post_id', '=', blueskyUri(h.world, quote)).executeTakeFirstOrThrow();
    expect(quotePost).toMatchObject({ kind: 'quote', account_id: id, text: 'Setuju, menangkan 02' });
    const shares = await h.t.db.selectFrom('engagements').selectAll().where('account_id', '=', id).orderBy('id').execute();
    expect(shares.map((e) => [e.kind, e.target_post_id, e.evidence_post_id])).toEqual([
      ['share', target.id, null],
      ['share', target.id, quotePost.id],
    ]);
  });

  it('keeps an edit as a new version, never overwriting the first text', async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('mastodon', person.username);
    const status = h.world.post({ acct: person.username, text: 'Selamat pagi' });
    await poll('mastodon', id);
    h.world.edit(status.id, 'Selamat pagi, coblos 02 ya ✌️');
    // Re-read the timeline from the start, as a replay would.
    await h.t.db.updateTable('social_accounts').set({ poll_cursor: null }).where('id', '=', id).execute();
    await poll('mastodon', id);

    const [post] = await postsOf(id);
    expect(post!.text).toBe('Selamat pagi');
    const versions = await h.t.db.selectFrom('post_versions').selectAll().where('post_id', '=', post!.id).execute();
    expect(versions.map((v) => [v.text, v.content_sha256])).toEqual([['Selamat pagi, coblos 02 ya ✌️', sha256Hex('Selamat pagi, coblos 02 ya ✌️')]]);
    expect(versions[0]!.edited_at).not.toBeNull();
    // Classified again as it reads now: the post is in a batch waiting for the classifier.
    const waiting = await h.queues.queue('classify').getJobs(['waiting']);
    expect(waiting.some((job) => job.name === 'classify-batch' && (job.data as { postIds: string[] }).postIds.includes(post!.id))).toBe(true);
  });

  it("keeps a post's reach (likes, shares, replies) as the platform last counted it, a priority input", async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('x', person.username);
    const status = h.world.post({ acct: person.username, text: 'Kabar kantor hari ini' });
    const fans = Array.from({ length: 3 }, () => simAccount('warga'));
    for (const fan of fans) h.world.favourite({ acct: fan.username, statusId: status.id });
    await poll('x', id);
    expect((await postsOf(id))[0]!.reach).toBe(3);

    h.world.post({ acct: fans[0]!.username, text: 'Setuju', inReplyToId: status.id });
    await h.t.db.updateTable('social_accounts').set({ poll_cursor: null }).where('id', '=', id).execute();
    await poll('x', id);
    expect((await postsOf(id))[0]!.reach).toBe(4);
  });

  it('records a suspended account, a vanished one and a rename in the history, and stops polling the first two', async () => {
    const suspended = simAccount();
    const suspendedId = await h.registerCivilServant('bluesky', blueskyHandle(h.world, suspended));
    h.world.suspend(suspended.username);
    const vanishedId = await h.registerCivilServant('x', 'tidak_pernah_ada');
    const oldName = simAccount().username;
    const newName = `${oldName}_baru`;
    const renamedId = await h.registerCivilServant('mastodon', oldName);
    h.world.post({ acct: oldName, text: 'halo' });
    await poll('mastodon', renamedId);
    h.world.rename(oldName, newName);
    h.world.post({ acct: newName, text: 'nama baru' });
    await Promise.all([poll('bluesky', suspendedId), poll('x', vanishedId), poll('mastodon', renamedId)]);

    expect(await account(suspendedId)).toMatchObject({ status: 'suspended' });
    expect((await h.deps.accounts.history(suspendedId)).map((e) => [e.kind, e.from_value, e.to_value])).toEqual([['status', 'active', 'suspended']]);
    expect(await account(vanishedId)).toMatchObject({ status: 'not_found' });
    expect(await account(renamedId)).toMatchObject({ status: 'active', handle: newName });
    expect((await h.deps.accounts.history(renamedId)).at(-1)).toMatchObject({ kind: 'renamed', from_value: oldName, to_value: newName });
    const due = await h.deps.accounts.claimDue('bluesky', 100, 900, async () => undefined);
    expect(due.map((a) => a.id)).not.toContain(suspendedId);
  });
});

describe('watching candidates and their posts', () => {
  it('finds the registered civil servants among the likers, sharers and repliers, with coverage', async () => {
    const candidate = simAccount('paslon');
    const asn = simAccount();
    const bystanders = Array.from({ length: 120 }, () => simAccount('warga'));
    const candidateId = await h.registerCandidate('x', candidate.username);
    const asnId = await h.registerCivilServant('x', asn.username);
    const post = h.world.post({ acct: candidate.username, text: 'Kampanye akbar: coblos nomor 3!' });
    for (const b of bystanders) h.world.favourite({ acct: b.username, statusId: post.id });
    h.world.favourite({ acct: asn.username, statusId: post.id });
    h.world.post({ acct: asn.username, reblogOfId: post.id });
    h.world.post({ acct: asn.username, text: 'Siap menangkan!', inReplyToId: post.id });

    await h.queues.enqueue('watch-account', { platform: 'x', accountId: candidateId });
    await h.drain();

    const target = await h.t.db.selectFrom('posts').selectAll().where('platform', '=', 'x').where('platform_post_id', '=', post.id).executeTakeFirstOrThrow();
    expect(target.account_id).toBe(candidateId);
    const engagements = await h.t.db.selectFrom('engagements').selectAll().where('target_post_id', '=', target.id).execute();
    expect(engagements.map((e) => e.kind).sort()).toEqual(['comment', 'like', 'share']);
    expect(engagements.every((e) => e.account_id === asnId)).toBe(true);
    const watched = await h.deps.watchedPosts.get(target.id);
    expect(watched).toMatchObject({ reason: 'engagement', checks: 1, like_count: 121, likers_listed: 121, share_count: 1, sharers_listed: 1, reply_count: 1, repliers_listed: 1 });
    // Young: looked at again within the hour.
    expect(watched!.next_check_at!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    // A second look sees the same like again: last seen moves, nothing is added.
    const firstSeen = engagements.find((e) => e.kind === 'like')!;
    await h.queues.enqueue('check-post', { platform: 'x', postId: target.id });
    await h.drain();
    const again = await h.t.db.selectFrom('engagements').selectAll().where('target_post_id', '=', target.id).execute();
    expect(again).toHaveLength(3);
    const like = again.find((e) => e.kind === 'like')!;
    expect(like.first_seen_at).toEqual(firstSeen.first_seen_at);
    expect(like.last_seen_at.getTime()).toBeGreaterThan(firstSeen.last_seen_at.getTime());
  });

  it('marks a watched post that disappears as deleted, keeping it and the answer that proved it', async () => {
    const candidate = simAccount('paslon');
    const candidateId = await h.registerCandidate('mastodon', candidate.username);
    const post = h.world.post({ acct: candidate.username, text: 'Akan dihapus' });
    await h.queues.enqueue('watch-account', { platform: 'mastodon', accountId: candidateId });
    await h.drain();
    const stored = await h.t.db.selectFrom('posts').selectAll().where('platform', '=', 'mastodon').where('platform_post_id', '=', post.id).executeTakeFirstOrThrow();

    h.world.delete(post.id);
    await h.queues.enqueue('check-post', { platform: 'mastodon', postId: stored.id });
    await h.drain();

    const tombstoned = await h.t.db.selectFrom('posts').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow();
    expect(tombstoned.deleted_at).not.toBeNull();
    expect(tombstoned.text).toBe('Akan dihapus');
    const proof = await h.t.db.selectFrom('raw_pages').selectAll().where('id', '=', tombstoned.deletion_page_id!).executeTakeFirstOrThrow();
    expect(proof).toMatchObject({ http_status: 404, request_url: `${h.sim.url}/api/v1/statuses/${post.id}` });
    expect((await h.deps.watchedPosts.get(stored.id))!.next_check_at).toBeNull();
  });
});

describe('platform limits and failures', () => {
  it("a 429 pauses only that platform's queue; the others keep going", async () => {
    const onBluesky = simAccount();
    const onMastodon = simAccount();
    const blueskyId = await h.registerCivilServant('bluesky', blueskyHandle(h.world, onBluesky));
    const mastodonId = await h.registerCivilServant('mastodon', onMastodon.username);
    h.world.post({ acct: onBluesky.username, text: 'dari bluesky' });
    h.world.post({ acct: onMastodon.username, text: 'dari mastodon' });
    h.sim.faults.add({ path: 'getProfile', status: 429, headers: { 'retry-after': '3600' }, body: { error: 'RateLimitExceeded' } });

    await h.queues.enqueue('poll-account', { platform: 'bluesky', accountId: blueskyId });
    const blueskyQueue = h.queues.queue('ingest-bluesky');
    await settledAs(blueskyQueue, () => h.queues.pendingJob('poll-account', { platform: 'bluesky', accountId: blueskyId }), 'delayed');
    await h.queues.enqueue('poll-account', { platform: 'mastodon', accountId: mastodonId });
    await h.drain(['ingest-mastodon']);

    expect(await postsOf(mastodonId)).toHaveLength(1);
    expect(await blueskyQueue.getRateLimitTtl()).toBeGreaterThan(60_000);
    expect(await h.queues.queue('ingest-mastodon').getRateLimitTtl()).toBeLessThanOrEqual(0);
    expect(await postsOf(blueskyId)).toHaveLength(0);
    // The Bluesky job waits (delayed) for the window, unspent: not failed, no attempt used.
    const waiting = await h.queues.pendingJob('poll-account', { platform: 'bluesky', accountId: blueskyId });
    expect(waiting!.attemptsMade).toBe(0);
    expect(waiting!.failedReason).toBeFalsy();
    await waiting!.remove();
    await blueskyQueue.removeRateLimitKey();
  });

  it("a spent X cap parks X's queue with its reason, instead of retrying", async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('x', person.username);
    h.sim.faults.add({ path: '/users/by/username', status: 429, body: { title: 'UsageCapExceeded', type: 'https://api.twitter.com/2/problems/usage-capped' } });
    await h.queues.enqueue('poll-account', { platform: 'x', accountId: id });
    const xQueue = h.queues.queue('ingest-x');
    await settledAs(xQueue, () => h.queues.pendingJob('poll-account', { platform: 'x', accountId: id }), 'delayed');
    expect(await xQueue.isPaused()).toBe(true);

    expect(await h.deps.parking.parked()).toEqual([expect.objectContaining({ platform: 'x', reason: expect.stringContaining('usage cap') })]);
    expect(await xQueue.getJobCounts('delayed', 'failed')).toEqual({ delayed: 1, failed: 0 });
    await h.deps.parking.resume('x');
    expect(await xQueue.isPaused()).toBe(false);
    expect(await h.deps.parking.parked()).toEqual([]);
    await (await h.queues.pendingJob('poll-account', { platform: 'x', accountId: id }))!.remove();
  });

  it('a malformed answer fails the job at once, visibly, with its reason on the job and the account', async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('mastodon', person.username);
    h.sim.faults.add({ path: `/accounts/lookup`, status: 200, body: '<html>maintenance</html>' });
    await poll('mastodon', id);
    const [failed] = await h.queues.queue('ingest-mastodon').getFailed();
    expect(failed).toMatchObject({ name: 'poll-account', data: { accountId: id } });
    expect(failed!.failedReason).toMatch(/not JSON/);
    expect((await account(id)).last_error).toMatch(/poll-account failed: .*not JSON/);
  });

  it('a 5xx is retried with backoff and then succeeds', async () => {
    const person = simAccount();
    const id = await h.registerCivilServant('mastodon', person.username);
    h.world.post({ acct: person.username, text: 'tetap masuk' });
    h.sim.faults.add({ path: `/accounts/lookup`, status: 503 });
    await poll('mastodon', id);
    expect((await postsOf(id)).map((p) => p.text)).toEqual(['tetap masuk']);
  });
});

it('claims due accounts in one statement per batch, leaving the rest due', async () => {
  await h.t.db.updateTable('social_accounts').set({ next_poll_at: sql`now() - interval '1 minute'` }).execute();
  const claimed = await h.deps.accounts.claimDue('mastodon', 2, 900, async () => undefined);
  expect(claimed).toHaveLength(2);
  const rows = await h.t.db.selectFrom('social_accounts').select(['id', 'next_poll_at']).where('id', 'in', claimed.map((c) => c.id)).execute();
  for (const row of rows) expect(row.next_poll_at.getTime()).toBeGreaterThan(Date.now());
});
