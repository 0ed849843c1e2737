import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@netra/core';
import { failure, startSimFixture, type PlatformFace, type SimFixture } from './support.js';

/**
 * The contract every connector keeps, checked against each platform's face of one simulated
 * world over real HTTP: the same scenario, normalised to the same shapes.
 */
let f: SimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.sim.close());
afterEach(() => f.clearFaults());

describe.each(['mastodon', 'bluesky', 'x'] as const)('%s connector', (name) => {
  const face = (): PlatformFace => f.faces.find((candidate) => candidate.name === name)!;

  it('looks an account up by handle to its stable id', async () => {
    const account = f.newAccount();
    const { connector, accountId, handle } = face();
    expect(await connector.lookupAccount(handle(account))).toMatchObject({ platformAccountId: accountId(account), handle: handle(account), displayName: account.displayName });
    await failure(connector.lookupAccount(name === 'bluesky' ? 'tidak-ada.sim.test' : 'tidak_ada'), 'NOT_FOUND');
  });

  it('reports a suspended account as SUSPENDED', async () => {
    const account = f.newAccount();
    f.world.suspend(account.username);
    await failure(face().connector.lookupAccount(face().handle(account)), 'SUSPENDED');
  });

  it('pages through a whole timeline oldest first, keeping every raw page with its hash', async () => {
    const account = f.newAccount();
    const made = Array.from({ length: 230 }, (_, i) => f.world.post({ acct: account.username, text: `post ${i}` }));
    const { connector, accountId, postId, statusPageSize } = face();
    const page = await connector.fetchPostsSince(accountId(account), null, { maxPages: 10 });
    expect(page.posts.map((p) => p.platformPostId)).toEqual(made.map(postId));
    expect(page.posts[0]).toMatchObject({ platform: name, kind: 'post', text: 'post 0', author: { platformAccountId: accountId(account) } });
    expect(page.pages).toHaveLength(Math.ceil(230 / statusPageSize) + (name === 'mastodon' && 230 % statusPageSize === 0 ? 1 : 0));
    for (const raw of page.pages) {
      expect(raw.status).toBe(200);
      expect(raw.sha256).toBe(sha256Hex(raw.body));
      expect(raw.url.startsWith(f.sim.url)).toBe(true);
    }
    const limited = await connector.fetchPostsSince(accountId(account), null, { maxPages: 2 });
    expect(limited.posts.map((p) => p.text)).toEqual(made.slice(-2 * statusPageSize).map((s) => s.text));
  });

  it('returns only what is newer than the cursor, and nothing when nothing is new', async () => {
    const account = f.newAccount();
    const { connector, accountId, postId } = face();
    for (let i = 0; i < 3; i++) f.world.post({ acct: account.username, text: `lama ${i}` });
    const first = await connector.fetchPostsSince(accountId(account), null);
    expect(first.posts).toHaveLength(3);
    const fresh = Array.from({ length: 5 }, (_, i) => f.world.post({ acct: account.username, text: `baru ${i}` }));
    const next = await connector.fetchPostsSince(accountId(account), first.newestId);
    expect(next.posts.map((p) => p.platformPostId)).toEqual(fresh.map(postId));
    expect(next.complete).toBe(true);
    const none = await connector.fetchPostsSince(accountId(account), next.newestId);
    expect(none).toMatchObject({ posts: [], newestId: null, complete: true });
  });

  it('says when paging stopped short of the cursor, rather than skipping silently', async () => {
    const account = f.newAccount();
    const { connector, accountId, statusPageSize } = face();
    f.world.post({ acct: account.username, text: 'lama' });
    const first = await connector.fetchPostsSince(accountId(account), null);
    for (let i = 0; i < statusPageSize + 5; i++) f.world.post({ acct: account.username, text: `baru ${i}` });
    const next = await connector.fetchPostsSince(accountId(account), first.newestId, { maxPages: 1 });
    // Mastodon walks forward from the cursor, so a short walk leaves no gap; the others walk back.
    expect(next.complete).toBe(name === 'mastodon');
    expect(next.posts).toHaveLength(statusPageSize);
  });

  it('normalises reposts, replies and quotes, with alt text as part of the text', async () => {
    const candidate = f.newAccount('paslon');
    const asn = f.newAccount();
    const { connector, accountId, postId } = face();
    const original = f.world.post({ acct: candidate.username, text: 'Coblos nomor 1! #rido', mediaDescriptions: ['Foto paslon di panggung'] });
    const repost = f.world.post({ acct: asn.username, reblogOfId: original.id });
    const reply = f.world.post({ acct: asn.username, text: 'siap menangkan ☝️', inReplyToId: original.id });
    const quote = f.world.post({ acct: asn.username, text: 'Setuju sekali', quoteOfId: original.id });

    const { posts } = await connector.fetchPostsSince(accountId(asn), null);
    expect(posts.map((p) => p.kind)).toEqual(['repost', 'reply', 'quote']);
    const originalShape = {
      platformPostId: postId(original),
      kind: 'post',
      author: { platformAccountId: accountId(candidate) },
      text: 'Coblos nomor 1! #rido\n\nFoto paslon di panggung',
    };
    expect(posts[0]).toMatchObject({ kind: 'repost', text: '', author: { platformAccountId: accountId(asn) }, repostOf: originalShape });
    expect(posts[0]!.platformPostId).toBe(postId(repost));
    expect(posts[1]).toMatchObject({ platformPostId: postId(reply), text: 'siap menangkan ☝️', inReplyToPlatformId: postId(original) });
    expect(posts[2]).toMatchObject({ platformPostId: postId(quote), text: 'Setuju sekali', quoteOf: originalShape });
  });

  it('lists every liker and sharer across pages, the direct replies, and the counts to measure coverage', async () => {
    const candidate = f.newAccount('paslon');
    const { connector, accountId, postId, likerPageSize } = face();
    const post = f.world.post({ acct: candidate.username, text: 'Kampanye akbar hari Minggu' });
    const likers = Array.from({ length: likerPageSize + 20 }, () => f.newAccount('warga'));
    for (const liker of likers) f.world.favourite({ acct: liker.username, statusId: post.id });
    const sharer = f.newAccount();
    f.world.post({ acct: sharer.username, reblogOfId: post.id });
    const replier = f.newAccount();
    const reply = f.world.post({ acct: replier.username, text: 'Mantap, kami dukung! 💪', inReplyToId: post.id });
    f.world.post({ acct: candidate.username, text: 'terima kasih', inReplyToId: reply.id });

    const { observations } = await connector.fetchEngagements(postId(post));
    const likes = observations.filter((o) => o.kind === 'like');
    expect(likes.map((o) => o.actor.platformAccountId).sort()).toEqual(likers.map(accountId).sort());
    expect(likes.every((o) => o.targetPlatformPostId === postId(post) && o.comment === null)).toBe(true);
    expect(observations.filter((o) => o.kind === 'share').map((o) => o.actor.platformAccountId)).toEqual([accountId(sharer)]);
    const comments = observations.filter((o) => o.kind === 'comment');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({
      actor: { platformAccountId: accountId(replier) },
      comment: { platformPostId: postId(reply), kind: 'reply', text: 'Mantap, kami dukung! 💪', inReplyToPlatformId: postId(post) },
    });

    const { posts } = await connector.fetchPost(postId(post));
    expect(posts[0]!.metrics).toEqual({ likes: likers.length, shares: 1, replies: 1 });
  });

  it('sees an edit as new text under the same id, and a deletion as NOT_FOUND with the answer kept', async () => {
    const account = f.newAccount();
    const { connector, postId } = face();
    const status = f.world.post({ acct: account.username, text: 'versi pertama' });
    f.world.edit(status.id, 'versi kedua, coblos 02');
    expect((await connector.fetchPost(postId(status))).posts[0]).toMatchObject({ platformPostId: postId(status), text: 'versi kedua, coblos 02' });
    f.world.delete(status.id);
    const gone = await failure(connector.fetchPost(postId(status)), 'NOT_FOUND');
    expect(gone.context.page?.body).toBeTruthy();
  });

  it('429 with the wait in its headers is RATE_LIMITED with that wait', async () => {
    const { connector, paths } = face();
    await f.arm({ path: paths.lookup, status: 429, headers: { 'retry-after': '7' }, body: { error: 'RateLimitExceeded' } });
    const error = await failure(connector.lookupAccount('siapa'), 'RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.context).toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it('5xx is UNAVAILABLE, and the next call succeeds once the platform recovers', async () => {
    const account = f.newAccount();
    const { connector, handle, accountId, paths } = face();
    await f.arm({ path: paths.lookup, status: 503, body: '<html>Service Unavailable</html>' });
    expect((await failure(connector.lookupAccount(handle(account)), 'UNAVAILABLE')).context.status).toBe(503);
    expect((await connector.lookupAccount(handle(account))).platformAccountId).toBe(accountId(account));
  });

  it('a slow answer times out as UNAVAILABLE', async () => {
    const { impatient, paths } = face();
    await f.arm({ path: paths.lookup, delay_ms: 1500 });
    expect((await failure(impatient.lookupAccount('lambat'), 'UNAVAILABLE')).message).toMatch(/ECONNABORTED|timeout/i);
  });

  it('a body of the wrong shape, or not JSON at all, is MALFORMED and not retryable', async () => {
    const account = f.newAccount();
    const { connector, accountId, paths } = face();
    await f.arm({ path: paths.timeline, status: 200, body: { statuses: 'none' } });
    const wrongShape = await failure(connector.fetchPostsSince(accountId(account), null), 'MALFORMED');
    expect(wrongShape.retryable).toBe(false);
    expect(wrongShape.message).toContain(f.sim.url);
    await f.arm({ path: paths.timeline, status: 200, headers: { 'content-type': 'application/json' }, body: '{"truncated": [' });
    expect((await failure(connector.fetchPostsSince(accountId(account), null), 'MALFORMED')).message).toMatch(/not JSON/);
  });

  it('stops calling once the headers say the window is used up, until it reopens', async () => {
    const account = f.newAccount();
    const { connector, handle, paths } = face();
    const reset = new Date(Date.now() + 60_000);
    const headers: Record<string, string> =
      name === 'mastodon'
        ? { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset.toISOString() }
        : name === 'x'
          ? { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(reset.getTime() / 1000)) }
          : { 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(reset.getTime() / 1000)) };
    await f.arm({ path: paths.lookup, headers });
    await connector.lookupAccount(handle(account));
    const held = await failure(connector.lookupAccount(handle(account)), 'RATE_LIMITED');
    expect(held.context.retryAfterMs).toBeGreaterThan(30_000);
  });
});
