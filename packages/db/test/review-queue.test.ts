import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewStatuses, type ReviewStatus } from '@netra/core';
import { ReviewItemRepository, ReviewQueueRepository, type ItemScope, type QueueItemFilter } from '@netra/db';
import { createTestDatabase, seedAgency, seedAnotherFlaggedPost, seedFlaggedEngagement, seedFlaggedPost, seedUser, type SeededAgency, type TestDatabase } from '@netra/testing';

/**
 * The queue's stored filter columns and counters (migration 0011) against the items themselves:
 * whatever happens to items, the counts the queue shows equal counting the items one by one.
 */
let t: TestDatabase;
let agencies: SeededAgency[];
let reviewer: { id: number };
const everyone: ItemScope = { kind: 'all' };

beforeAll(async () => {
  t = await createTestDatabase();
  agencies = [await seedAgency(t.db), await seedAgency(t.db)];
  reviewer = await seedUser(t.db, 'central_reviewer', null);
});
afterAll(async () => t?.drop());

const events = () => new ReviewItemRepository(t.db);
const queue = () => new ReviewQueueRepository(t.db);

/** Counts per shown status computed in code from every item row: the oracle. */
async function countedOneByOne(scope: ItemScope, filter: QueueItemFilter) {
  const rows = await t.db.selectFrom('review_items').selectAll().execute();
  const counts = Object.fromEntries(reviewStatuses.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  const now = Date.now();
  for (const row of rows) {
    if (scope.kind === 'agency' && row.agency_id !== scope.agencyId) continue;
    if (filter.agencyId !== undefined && row.agency_id !== filter.agencyId) continue;
    if (filter.region && row.region_code !== filter.region && !row.region_code.startsWith(`${filter.region}.`)) continue;
    if (filter.code && !row.codes.includes(filter.code)) continue;
    if (filter.election && !row.election_codes.includes(filter.election)) continue;
    if (filter.platform && row.platform !== filter.platform) continue;
    const lapsed = row.status === 'claimed' && row.claim_expires_at !== null && row.claim_expires_at.getTime() <= now;
    counts[lapsed ? (row.escalated ? 'escalated' : 'open') : row.status] += 1;
  }
  return counts;
}

async function storedCounters() {
  return t.db.selectFrom('review_queue_counts').selectAll().where('items', '!=', 0).orderBy(['agency_id', 'status', 'code', 'election_code', 'platform', 'region_code']).execute();
}

describe('review queue counters', () => {
  it('equal counting the items, through opening, claims, escalation, lapsed leases, decisions, reopening and a move', async () => {
    const [a, b] = agencies as [SeededAgency, SeededAgency];
    const first = await seedFlaggedPost(t.db, a, { codes: ['number_symbol', 'support_share'], platform: 'x' });
    const second = await seedAnotherFlaggedPost(t.db, a, first.civilServantId, { codes: ['number_symbol'], platform: 'bluesky' });
    const liked = await seedFlaggedEngagement(t.db, b, 'like', { codes: ['support_like'] });
    const third = await seedFlaggedPost(t.db, b, { codes: ['campaign_content'] });

    await events().append({ itemId: first.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await events().append({ itemId: first.itemId, type: 'escalated', actorUserId: reviewer.id });
    await events().append({ itemId: first.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await events().append({ itemId: second.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await events().append({ itemId: second.itemId, type: 'dismissed', actorUserId: reviewer.id, payload: { reason: 'not_partisan' } });
    await events().append({ itemId: second.itemId, type: 'reopened', actorUserId: reviewer.id });
    await events().append({ itemId: liked.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await events().append({ itemId: liked.itemId, type: 'confirmed', actorUserId: reviewer.id, payload: { code: 'support_like' } });
    await events().append({ itemId: third.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    // Leases run out: the escalated item shows as escalated again, the other as open.
    await t.db.updateTable('review_items').set({ claim_expires_at: new Date(Date.now() - 1000) }).where('id', 'in', [first.itemId, third.itemId]).execute();
    // The civil servant of agency A moves to agency B's region: both their items go along.
    await t.db.updateTable('civil_servants').set({ region_code: b.regionCode }).where('id', '=', first.civilServantId).execute();

    const filters: QueueItemFilter[] = [
      {},
      { region: b.regionCode },
      { region: a.regionCode },
      { code: 'number_symbol' },
      { platform: 'x' },
      { platform: 'bluesky', code: 'number_symbol' },
      { agencyId: a.id },
    ];
    for (const scope of [everyone, { kind: 'agency', agencyId: a.id } as const, { kind: 'agency', agencyId: b.id } as const]) {
      for (const filter of filters) {
        const { counts } = await queue().summary(scope, filter);
        expect(counts, JSON.stringify({ scope, filter })).toEqual(await countedOneByOne(scope, filter));
      }
    }
    const { counts } = await queue().summary(everyone, {});
    expect(counts).toMatchObject({ open: 2, escalated: 1, confirmed: 1, claimed: 0 });

    // The counters are what a rebuild from the items gives.
    const maintained = await storedCounters();
    await sql`SELECT rebuild_review_queue_counts()`.execute(t.db);
    expect(await storedCounters()).toEqual(maintained);
  });

  it('follow concurrent changes in one agency without deadlocking', async () => {
    const agency = await seedAgency(t.db);
    const items = await Promise.all(Array.from({ length: 12 }, () => seedFlaggedPost(t.db, agency, { codes: ['number_symbol'] })));
    // Claims and releases interleave: each moves counter rows between 'open' and 'claimed'.
    await Promise.all(
      items.map(async ({ itemId }, i) => {
        await events().append({ itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
        if (i % 2 === 0) await events().append({ itemId, type: 'released', actorUserId: reviewer.id });
      }),
    );
    const { counts } = await queue().summary({ kind: 'agency', agencyId: agency.id }, {});
    expect(counts).toMatchObject({ open: 6, claimed: 6 });
  });
});

describe('review queue pages', () => {
  it('page through items that all tie on priority, each once and in order, oldest first', async () => {
    const agency = await seedAgency(t.db);
    const seeded: string[] = [];
    for (let i = 0; i < 23; i++) seeded.push((await seedFlaggedPost(t.db, agency, { priority: 0.9 })).itemId);
    const seen: string[] = [];
    let after: readonly [number, string] | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await queue().page({ kind: 'agency', agencyId: agency.id }, { statuses: ['open', 'escalated'], limit: 10, ...(after ? { after } : {}) });
      const shown = rows.slice(0, 10);
      seen.push(...shown.map((row) => row.id));
      if (rows.length <= 10) break;
      const last = shown.at(-1)!;
      after = [last.priority, last.id];
    }
    expect(seen).toEqual([...seeded].sort((x, y) => Number(BigInt(x) - BigInt(y))));
  });

  it('read oldest first when asked, whatever the priorities, across statuses and pages, on its own index', async () => {
    const agency = await seedAgency(t.db);
    const seeded: string[] = [];
    for (const priority of [0.2, 0.95, 0.5, 0.99, 0.1, 0.7, 0.3]) seeded.push((await seedFlaggedPost(t.db, agency, { priority })).itemId);
    await events().append({ itemId: seeded[2]!, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await events().append({ itemId: seeded[2]!, type: 'escalated', actorUserId: reviewer.id, payload: { note: 'tanya hukum' } });
    const scope: ItemScope = { kind: 'agency', agencyId: agency.id };
    const seen: string[] = [];
    let after: readonly [number, string] | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await queue().page(scope, { statuses: ['open', 'escalated'], order: 'oldest', limit: 3, ...(after ? { after } : {}) });
      const shown = rows.slice(0, 3);
      seen.push(...shown.map((row) => row.id));
      if (rows.length <= 3) break;
      after = [shown.at(-1)!.priority, shown.at(-1)!.id];
    }
    expect(seen).toEqual(seeded);
    // An index serves the order (this table is too small for the planner to want it unprompted).
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM review_items WHERE agency_id = ${agency.id} AND status = 'open' ORDER BY id LIMIT 51`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('review_items_agency_status_age_idx');
  });

  it('merge the stored statuses asked for into one order, and show a lapsed claim as open', async () => {
    const agency = await seedAgency(t.db);
    const low = await seedFlaggedPost(t.db, agency, { priority: 0.6 });
    const high = await seedFlaggedPost(t.db, agency, { priority: 0.95 });
    const middle = await seedFlaggedPost(t.db, agency, { priority: 0.8 });
    await events().append({ itemId: middle.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await t.db.updateTable('review_items').set({ claim_expires_at: new Date(Date.now() - 1000) }).where('id', '=', middle.itemId).execute();
    await events().append({ itemId: low.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 600 });
    await events().append({ itemId: low.itemId, type: 'dismissed', actorUserId: reviewer.id, payload: { reason: 'not_partisan' } });

    const scope = { kind: 'agency', agencyId: agency.id } as const;
    const waiting = await queue().page(scope, { statuses: ['open'], limit: 50 });
    expect(waiting.map((row) => [row.id, row.status])).toEqual([[high.itemId, 'open'], [middle.itemId, 'open']]);
    const everything = await queue().page(scope, { statuses: ['open', 'dismissed'], limit: 50 });
    expect(everything.map((row) => row.id)).toEqual([high.itemId, middle.itemId, low.itemId]);
  });
});
