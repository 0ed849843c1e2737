import { startSimPlatform } from '@netra/sim-platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonConnector, type PlatformConnector } from '../src/index.js';
import { failure, startSimFixture, type SimFixture } from './support.js';

/**
 * What is Mastodon's own, beyond the contract every connector keeps (connector-contract.test.ts):
 * Link-header paging forward from a cursor, HTML content, its ISO X-RateLimit-Reset.
 */
let f: SimFixture;
let mastodon: PlatformConnector;
beforeAll(async () => {
  f = await startSimFixture();
  mastodon = f.faces.find((face) => face.name === 'mastodon')!.connector;
});
afterAll(() => f.sim.close());
afterEach(() => f.clearFaults());

describe('fetchPostsSince', () => {
  it('walks forward from the cursor in chunks, without gaps, when maxPages stops early', async () => {
    const account = f.newAccount();
    const old = Array.from({ length: 5 }, (_, i) => f.world.post({ acct: account.username, text: `lama ${i}` }));
    const fresh = Array.from({ length: 130 }, (_, i) => f.world.post({ acct: account.username, text: `baru ${i}` }));
    const seen: string[] = [];
    let since: string | null = old.at(-1)!.id;
    for (let poll = 0; poll < 10; poll++) {
      const page = await mastodon.fetchPostsSince(account.id, since, { maxPages: 1 });
      if (page.newestId === null) break;
      seen.push(...page.posts.map((p) => p.platformPostId));
      since = page.newestId;
    }
    expect(seen).toEqual(fresh.map((s) => s.id));
  });

  it('keeps the HTML content as evidence and turns it into text, never into markup', async () => {
    const account = f.newAccount();
    const candidate = f.newAccount('paslon');
    f.world.post({ acct: account.username, text: `@${candidate.username} <script>alert(1)</script>\n<img src=x onerror=alert(2)> &amp;` });
    const { posts } = await mastodon.fetchPostsSince(account.id, null);
    expect(posts[0]!.text).toBe(`@${candidate.username} <script>alert(1)</script>\n<img src=x onerror=alert(2)> &amp;`);
    expect((posts[0]!.raw as { content: string }).content).toContain('class="u-url mention"');
    expect((posts[0]!.raw as { content: string }).content).toContain('&lt;script&gt;');
  });
});

describe('Mastodon failures', () => {
  it("429 with X-RateLimit-Reset is measured on the server's clock, however skewed", async () => {
    // A connector of its own: the exhausted window it learns would hold back the other tests.
    const own = createMastodonConnector({ baseUrl: f.sim.url });
    await f.arm({
      path: '/accounts/lookup',
      status: 429,
      headers: { date: 'Wed, 01 Jan 2020 00:00:00 GMT', 'x-ratelimit-reset': '2020-01-01T00:02:30.000Z', 'x-ratelimit-remaining': '0' },
    });
    const error = await failure(own.lookupAccount('siapa'), 'RATE_LIMITED');
    expect(error.context.retryAfterMs).toBe(150_000);
  });

  it('a refused connection is UNAVAILABLE', async () => {
    const closed = await startSimPlatform({ port: 0 });
    await closed.close();
    await failure(createMastodonConnector({ baseUrl: closed.url, timeoutMs: 400 }).lookupAccount('siapa'), 'UNAVAILABLE');
  });

  it('an id that is a number (rounded beyond 2^53) is MALFORMED', async () => {
    await f.arm({ path: '/accounts/lookup', status: 200, body: { id: 12345678901234567890, username: 'x', acct: 'x', display_name: 'x' } });
    expect((await failure(mastodon.lookupAccount('x'), 'MALFORMED')).message).toMatch(/id: /);
  });

  it('refuses to follow a Link header to another host, or one that loops', async () => {
    const account = f.newAccount();
    f.world.post({ acct: account.username, text: 'satu' });
    const realPage = await (await fetch(`${f.sim.url}/api/v1/accounts/${account.id}/statuses?limit=1`)).json();
    await f.arm({
      path: `/accounts/${account.id}/statuses`,
      status: 200,
      headers: { link: '<http://evil.example/api/v1/accounts/1/statuses?max_id=1>; rel="next"' },
      body: realPage,
    });
    expect((await failure(mastodon.fetchPostsSince(account.id, null), 'MALFORMED')).message).toContain('evil.example');

    const self = `${f.sim.url}/api/v1/accounts/${account.id}/statuses?limit=40`;
    await f.arm({ path: `/accounts/${account.id}/statuses`, status: 200, times: 2, headers: { link: `<${self}>; rel="next"` }, body: realPage });
    expect((await failure(mastodon.fetchPostsSince(account.id, null), 'MALFORMED')).message).toMatch(/loops/);
  });
});
