import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createXConnector } from '../src/index.js';
import { failure, startSimFixture, type PlatformFace, type SimFixture } from './support.js';

/** What X and Bluesky say in their own ways, beyond the shared contract. */
let f: SimFixture;
let x: PlatformFace;
let bluesky: PlatformFace;
beforeAll(async () => {
  f = await startSimFixture();
  x = f.faces.find((face) => face.name === 'x')!;
  bluesky = f.faces.find((face) => face.name === 'bluesky')!;
});
afterAll(() => f.sim.close());
afterEach(() => f.clearFaults());

describe('X', () => {
  it("reads a spent monthly cap (429 UsageCapExceeded) as CAP_EXCEEDED, not as a window", async () => {
    await f.arm({
      path: '/users/by/username',
      status: 429,
      body: { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Monthly', scope: 'Product' },
    });
    const error = await failure(x.connector.lookupAccount('siapa'), 'CAP_EXCEEDED');
    expect(error.retryable).toBe(false);
  });

  it('reads "not found", "suspended" and "protected" from a 200 with errors', async () => {
    const hidden = f.newAccount();
    f.world.protect(hidden.username);
    await failure(x.connector.fetchPostsSince(hidden.id, null), 'PROTECTED');
    await failure(x.connector.fetchPost('123456789012345678'), 'NOT_FOUND');
  });

  it('a refused bearer token fails without retry, and the token is never kept in a raw page', async () => {
    const anonymous = createXConnector({ baseUrl: f.sim.url, bearerToken: ' ' });
    const error = await failure(anonymous.lookupAccount('siapa'), 'MALFORMED');
    expect(error.message).toMatch(/bearer token/);
    const account = f.newAccount();
    f.world.post({ acct: account.username, text: 'halo' });
    const { pages } = await x.connector.fetchPostsSince(account.id, null);
    expect(JSON.stringify(pages)).not.toContain('sim-token');
  });
});

describe('Bluesky', () => {
  it('reads XRPC error names: a deactivated account is NOT_FOUND, a blocked one PROTECTED', async () => {
    await f.arm({ path: 'getProfile', status: 400, body: { error: 'AccountDeactivated', message: 'Account is deactivated' } });
    await failure(bluesky.connector.lookupAccount('pergi.sim.test'), 'NOT_FOUND');
    await f.arm({ path: 'getAuthorFeed', status: 400, body: { error: 'BlockedActor', message: 'Requester has blocked actor' } });
    await failure(bluesky.connector.fetchPostsSince('did:plc:simx', null), 'PROTECTED');
    await f.arm({ path: 'getAuthorFeed', status: 400, body: { error: 'InvalidRequest', message: 'cursor is bad' } });
    await failure(bluesky.connector.fetchPostsSince('did:plc:simx', null), 'MALFORMED');
  });
});
