import { startSimPlatform, World, type Fault, type RunningSimPlatform } from '@netra/sim-platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonConnector, PlatformError, type PlatformConnector, type PlatformErrorCode } from '../src/index.js';

/**
 * The connector against a real sim-platform over HTTP on a free port: no mocks of our own parts.
 * Faults are armed through the sim's /sim/faults endpoint.
 */
let sim: RunningSimPlatform;
let world: World;
let mastodon: PlatformConnector;
const start = Date.parse('2024-10-01T00:00:00Z');
const minute = (n: number) => new Date(start + n * 60_000);
let clock = 0;
const tick = () => minute(++clock);

beforeAll(async () => {
  world = new World({ domain: 'sim.test', now: tick });
  sim = await startSimPlatform({ port: 0, world });
  mastodon = createMastodonConnector({ baseUrl: sim.url, timeoutMs: 400 });
});
afterAll(() => sim.close());
afterEach(() => fetch(`${sim.url}/sim/faults`, { method: 'DELETE' }));

const newAccount = (() => {
  let n = 0;
  return (prefix = 'asn') => world.createAccount({ username: `${prefix}${++n}`, displayName: `${prefix} ${n}`, createdAt: minute(0) });
})();

async function arm(fault: Omit<Fault, 'delayMs'> & { delay_ms?: number }): Promise<void> {
  const response = await fetch(`${sim.url}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  expect(response.status).toBe(201);
}

async function failure(promise: Promise<unknown>, code: PlatformErrorCode): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  expect((error as PlatformError).platformCode).toBe(code);
  return error as PlatformError;
}

describe('lookupAccount', () => {
  it('resolves a handle to the stable id', async () => {
    const account = newAccount();
    expect(await mastodon.lookupAccount(account.username)).toEqual({
      platformAccountId: account.id,
      handle: account.username,
      displayName: account.displayName,
      url: `https://sim.test/@${account.username}`,
    });
  });

  it('reports an unknown handle as NOT_FOUND and a suspended one as SUSPENDED', async () => {
    await failure(mastodon.lookupAccount('tidak_ada'), 'NOT_FOUND');
    const account = newAccount();
    world.suspend(account.username);
    await failure(mastodon.lookupAccount(account.username), 'SUSPENDED');
  });
});

describe('fetchPostsSince', () => {
  it('first poll: follows rel="next" across pages and returns everything oldest first', async () => {
    const account = newAccount();
    const made = Array.from({ length: 95 }, (_, i) => world.post({ acct: account.username, text: `post ${i}` }));
    const page = await mastodon.fetchPostsSince(account.id, null, { maxPages: 10 });
    expect(page.posts.map((p) => p.platformPostId)).toEqual(made.map((s) => s.id));
    expect(page.posts[0]).toMatchObject({ platform: 'mastodon', kind: 'post', text: 'post 0', author: { handle: account.username } });
    expect(page.newestId).toBe(made.at(-1)!.id);
    const limited = await mastodon.fetchPostsSince(account.id, null, { maxPages: 2 });
    expect(limited.posts.map((p) => p.text)).toEqual(made.slice(-80).map((s) => s.text));
  });

  it('later polls: only posts after the cursor, and in chunks without gaps when maxPages stops early', async () => {
    const account = newAccount();
    const old = Array.from({ length: 5 }, (_, i) => world.post({ acct: account.username, text: `lama ${i}` }));
    const fresh = Array.from({ length: 130 }, (_, i) => world.post({ acct: account.username, text: `baru ${i}` }));
    const cursor = old.at(-1)!.id;

    const all = await mastodon.fetchPostsSince(account.id, cursor, { maxPages: 10 });
    expect(all.posts.map((p) => p.platformPostId)).toEqual(fresh.map((s) => s.id));
    expect(all.newestId).toBe(fresh.at(-1)!.id);

    const seen: string[] = [];
    let since: string | null = cursor;
    for (let poll = 0; poll < 10; poll++) {
      const page = await mastodon.fetchPostsSince(account.id, since, { maxPages: 1 });
      if (page.newestId === null) break;
      seen.push(...page.posts.map((p) => p.platformPostId));
      since = page.newestId;
    }
    expect(seen).toEqual(fresh.map((s) => s.id));
  });

  it('returns nothing and no cursor when nothing is new', async () => {
    const account = newAccount();
    const last = world.post({ acct: account.username, text: 'satu-satunya' });
    expect(await mastodon.fetchPostsSince(account.id, last.id)).toEqual({ posts: [], newestId: null });
  });

  it('normalises reblogs as reposts of the original, and replies with their parent', async () => {
    const candidate = newAccount('paslon');
    const asn = newAccount();
    const original = world.post({ acct: candidate.username, text: 'Coblos nomor 1! #rido', mediaDescriptions: ['Foto paslon di panggung'] });
    const reblog = world.post({ acct: asn.username, reblogOfId: original.id });
    const reply = world.post({ acct: asn.username, text: `@${candidate.username} siap menangkan ☝️`, inReplyToId: original.id });

    const { posts } = await mastodon.fetchPostsSince(asn.id, null);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatchObject({
      platformPostId: reblog.id,
      kind: 'repost',
      text: '',
      inReplyToPlatformId: null,
      repostOf: {
        platformPostId: original.id,
        kind: 'post',
        author: { platformAccountId: candidate.id, handle: candidate.username },
        text: 'Coblos nomor 1! #rido\n\nFoto paslon di panggung',
        postedAt: original.createdAt,
      },
    });
    expect(posts[1]).toMatchObject({ platformPostId: reply.id, kind: 'reply', inReplyToPlatformId: original.id, text: `@${candidate.username} siap menangkan ☝️` });
    expect((posts[1]!.raw as { content: string }).content).toContain('class="u-url mention"');
  });

  it('turns the escaped HTML of a hostile post back into its text, never into markup', async () => {
    const account = newAccount();
    world.post({ acct: account.username, text: '<script>alert(1)</script>\n<img src=x onerror=alert(2)> &amp;' });
    const { posts } = await mastodon.fetchPostsSince(account.id, null);
    expect(posts[0]!.text).toBe('<script>alert(1)</script>\n<img src=x onerror=alert(2)> &amp;');
  });
});

describe('fetchRecentPosts', () => {
  it('returns the newest posts up to the limit, across pages', async () => {
    const account = newAccount();
    const made = Array.from({ length: 60 }, (_, i) => world.post({ acct: account.username, text: `p${i}` }));
    const recent = await mastodon.fetchRecentPosts(account.id, { limit: 50 });
    expect(recent.map((p) => p.platformPostId)).toEqual(made.slice(-50).reverse().map((s) => s.id));
  });
});

describe('fetchEngagements', () => {
  it('lists every like and boost across pages, and the direct replies with their text', async () => {
    const candidate = newAccount('paslon');
    const post = world.post({ acct: candidate.username, text: 'Kampanye akbar hari Minggu' });
    const likers = Array.from({ length: 170 }, () => newAccount('warga'));
    for (const liker of likers) world.favourite({ acct: liker.username, statusId: post.id });
    const booster = newAccount();
    world.post({ acct: booster.username, reblogOfId: post.id });
    const replier = newAccount();
    const reply = world.post({ acct: replier.username, text: 'Mantap, kami dukung! 💪', inReplyToId: post.id });
    world.post({ acct: candidate.username, text: 'terima kasih', inReplyToId: reply.id });

    const observations = await mastodon.fetchEngagements(post.id);
    const likes = observations.filter((o) => o.kind === 'like');
    expect(likes.map((o) => o.actor.platformAccountId).sort()).toEqual(likers.map((a) => a.id).sort());
    expect(likes.every((o) => o.targetPlatformPostId === post.id && o.comment === null)).toBe(true);
    expect(observations.filter((o) => o.kind === 'share').map((o) => o.actor.handle)).toEqual([booster.username]);
    const comments = observations.filter((o) => o.kind === 'comment');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({
      actor: { platformAccountId: replier.id },
      targetPlatformPostId: post.id,
      comment: { platformPostId: reply.id, kind: 'reply', text: 'Mantap, kami dukung! 💪', inReplyToPlatformId: post.id },
    });
  });

  it('reports an unknown post as NOT_FOUND', async () => {
    await failure(mastodon.fetchEngagements('112233445566778899'), 'NOT_FOUND');
  });
});

describe('platform failures over HTTP', () => {
  it('429 with Retry-After seconds is RATE_LIMITED with the wait', async () => {
    await arm({ path: '/accounts/lookup', status: 429, headers: { 'retry-after': '7' }, body: { error: 'Too many requests' } });
    const error = await failure(mastodon.lookupAccount('siapa'), 'RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.context).toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it("429 with Mastodon's X-RateLimit-Reset is measured on the server's clock, however skewed", async () => {
    await arm({
      path: '/accounts/lookup',
      status: 429,
      headers: { date: 'Wed, 01 Jan 2020 00:00:00 GMT', 'x-ratelimit-reset': '2020-01-01T00:02:30.000Z', 'x-ratelimit-remaining': '0' },
    });
    const error = await failure(mastodon.lookupAccount('siapa'), 'RATE_LIMITED');
    expect(error.context.retryAfterMs).toBe(150_000);
  });

  it('5xx is UNAVAILABLE, and the next call succeeds once the instance recovers', async () => {
    const account = newAccount();
    await arm({ path: '/accounts/lookup', status: 502, body: '<html>Bad Gateway</html>' });
    const error = await failure(mastodon.lookupAccount(account.username), 'UNAVAILABLE');
    expect(error.context.status).toBe(502);
    expect((await mastodon.lookupAccount(account.username)).platformAccountId).toBe(account.id);
  });

  it('a timeout is UNAVAILABLE', async () => {
    await arm({ path: '/accounts/lookup', delay_ms: 1500 });
    const error = await failure(mastodon.lookupAccount('lambat'), 'UNAVAILABLE');
    expect(error.message).toMatch(/ECONNABORTED|timeout/i);
  });

  it('a refused connection is UNAVAILABLE', async () => {
    const closed = await startSimPlatform({ port: 0 });
    await closed.close();
    const offline = createMastodonConnector({ baseUrl: closed.url, timeoutMs: 400 });
    await failure(offline.lookupAccount('siapa'), 'UNAVAILABLE');
  });

  it('a body of the wrong shape is MALFORMED, naming the URL and what was wrong', async () => {
    const account = newAccount();
    await arm({ path: `/accounts/${account.id}/statuses`, status: 200, body: { statuses: [] } });
    const notAList = await failure(mastodon.fetchPostsSince(account.id, null), 'MALFORMED');
    expect(notAList.message).toContain(`${sim.url}/api/v1/accounts/${account.id}/statuses`);
    expect(notAList.retryable).toBe(false);

    await arm({ path: '/accounts/lookup', status: 200, body: { id: 12345678901234567890, username: 'x', acct: 'x', display_name: 'x' } });
    const numericId = await failure(mastodon.lookupAccount('x'), 'MALFORMED');
    expect(numericId.message).toMatch(/id: /);
  });

  it('refuses to follow a Link header to another host', async () => {
    const account = newAccount();
    world.post({ acct: account.username, text: 'satu' });
    const realPage = await (await fetch(`${sim.url}/api/v1/accounts/${account.id}/statuses?limit=1`)).json();
    await arm({
      path: `/accounts/${account.id}/statuses`,
      status: 200,
      headers: { link: '<http://evil.example/api/v1/accounts/1/statuses?max_id=1>; rel="next"' },
      body: realPage,
    });
    const error = await failure(mastodon.fetchPostsSince(account.id, null), 'MALFORMED');
    expect(error.message).toContain('evil.example');
  });
});
