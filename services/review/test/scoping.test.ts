import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { createTestDatabase, seedAgency, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

/** Invariant 4: a reviewer sees and decides only their own agency's items, unless central. */
let t: TestDatabase;
let app: ReviewApp;
let itemA: string;
let itemB: string;
const clients: Record<'reviewerA' | 'supervisorA' | 'central' | 'analyst' | 'admin', ApiClient> = {} as never;

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
  const agencyA = await seedAgency(t.db);
  const agencyB = await seedAgency(t.db);
  itemA = (await seedFlaggedPost(t.db, agencyA)).itemId;
  itemB = (await seedFlaggedPost(t.db, agencyB)).itemId;
  const users = {
    reviewerA: await seedUser(t.db, 'reviewer', agencyA),
    supervisorA: await seedUser(t.db, 'supervisor', agencyA),
    central: await seedUser(t.db, 'central_reviewer', null),
    analyst: await seedUser(t.db, 'analyst', agencyA),
    admin: await seedUser(t.db, 'admin', null),
  };
  for (const [name, user] of Object.entries(users)) clients[name as keyof typeof clients] = await signIn(app, user.email);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const queueIds = async (client: ApiClient, query = '') =>
  ((await client.get(`/api/review-items${query}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);

const eventCount = async (itemId: string) =>
  (await t.db.selectFrom('review_events').select('id').where('review_item_id', '=', itemId).execute()).length;

describe.each(['reviewerA', 'supervisorA'] as const)('%s (agency A)', (who) => {
  it("lists only agency A's items, even when asking for agency B", async () => {
    const client = clients[who];
    expect(await queueIds(client)).toEqual([itemA]);
    const agencyB = await t.db.selectFrom('review_items').select('agency_id').where('id', '=', itemB).executeTakeFirstOrThrow();
    expect(await queueIds(client, `?agency=${agencyB.agency_id}`)).toEqual([]);
  });

  it("cannot open, claim or decide agency B's item: 404, exactly like an item that does not exist", async () => {
    const client = clients[who];
    const missing = '987654321';
    const pairs = [
      [await client.get(`/api/review-items/${itemB}`), await client.get(`/api/review-items/${missing}`)],
      [await client.post(`/api/review-items/${itemB}/claim`), await client.post(`/api/review-items/${missing}/claim`)],
      [
        await client.post(`/api/review-items/${itemB}/decision`, { action: 'release' }),
        await client.post(`/api/review-items/${missing}/decision`, { action: 'release' }),
      ],
      [await client.get(`/items/${itemB}`), await client.get(`/items/${missing}`)],
    ];
    for (const [hidden, absent] of pairs) {
      expect(hidden!.statusCode).toBe(404);
      expect(hidden!.body.replaceAll(itemB, 'ID')).toBe(absent!.body.replaceAll(missing, 'ID'));
    }
    expect(await eventCount(itemB)).toBe(1); // still only 'opened'
  });

  it("can open agency A's item", async () => {
    const response = await clients[who].get(`/api/review-items/${itemA}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(itemA);
  });
});

describe('central reviewer', () => {
  it('lists, opens and claims items of every agency', async () => {
    const client = clients.central;
    expect((await queueIds(client)).sort()).toEqual([itemA, itemB].sort());
    expect((await client.get(`/api/review-items/${itemB}`)).statusCode).toBe(200);
    const claim = await client.post(`/api/review-items/${itemB}/claim`);
    expect(claim.statusCode).toBe(200);
    expect(claim.json().status).toBe('claimed');
    const release = await client.post(`/api/review-items/${itemB}/decision`, { action: 'release' });
    expect(release.json().status).toBe('open');
  });
});

describe.each(['analyst', 'admin'] as const)('%s', (who) => {
  it('gets 403 on every review-item route and page, and changes nothing', async () => {
    const client = clients[who];
    const before = await eventCount(itemA);
    const responses = [
      await client.get('/api/review-items'),
      await client.get(`/api/review-items/${itemA}`),
      await client.post(`/api/review-items/${itemA}/claim`),
      await client.post(`/api/review-items/${itemA}/decision`, { action: 'release' }),
      await client.get('/queue'),
      await client.get(`/items/${itemA}`),
    ];
    for (const response of responses) expect(response.statusCode).toBe(403);
    expect(responses[0]!.json().code).toBe('NETRA_FORBIDDEN');
    expect(await eventCount(itemA)).toBe(before);
  });

  it('may still ask who it is', async () => {
    expect((await clients[who].get('/api/me')).json().user.role).toBe(who);
  });
});
