import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, seedAgency, seedFlaggedEngagement, seedFlaggedPost, type SeededAgency, type TestDatabase } from '@netra/testing';
import { refreshStatistics, runReport, statsQuerySchema, unrestrictedScope } from '../src/index.js';

/**
 * A flag counts on the day of the activity in the civil servant's own zone: a post at 23:30 WIB
 * on the last campaign day is a campaign-day post in Jakarta, and one of the quiet period in
 * Makassar (00:30 WITA) — whenever Netra got round to flagging it.
 */
let t: TestDatabase;
let jakarta: SeededAgency;
let makassar: SeededAgency;

beforeAll(async () => {
  t = await createTestDatabase();
  jakarta = await seedAgency(t.db);
  await t.db.insertInto('regions').values([{ code: '73', name: 'Sulawesi Selatan', parent_code: null }, { code: '73.71', name: 'Kota Makassar', parent_code: '73' }]).execute();
  const { id } = await t.db
    .insertInto('agencies')
    .values({ code: 'pemkot-makassar', name: 'Pemkot Makassar', region_code: '73.71', webhook_url: null, contact_email: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  makassar = { id, code: 'pemkot-makassar', regionCode: '73.71' };
});
afterAll(async () => t?.drop());

const byDay = async () =>
  (await runReport(t.db, 'counts', statsQuerySchema.parse({ by: 'agency,day' }), unrestrictedScope)).rows.map((r) => [r.agency_code, r.day, r.flags]);

it("counts a post on its posting day in the civil servant's zone, not on the day it was flagged", async () => {
  const lateEvening = '2024-02-10T16:30:00Z'; // 23:30 WIB on 10 February, 00:30 WITA on the 11th
  for (const agency of [jakarta, makassar]) {
    const { itemId } = await seedFlaggedPost(t.db, agency);
    const item = await t.db.updateTable('review_items').set({ opened_at: '2024-02-20T03:00:00Z' }).where('id', '=', itemId).returning('post_id').executeTakeFirstOrThrow();
    await t.db.updateTable('posts').set({ posted_at: lateEvening }).where('id', '=', item.post_id).execute();
  }
  await refreshStatistics(t.db);
  expect(await byDay()).toEqual([
    [jakarta.code, '2024-02-10', 1],
    ['pemkot-makassar', '2024-02-11', 1],
  ]);
});

it('counts a like on the day it was first seen, the only time most platforms give', async () => {
  const { itemId } = await seedFlaggedEngagement(t.db, makassar, 'like');
  const item = await t.db.updateTable('review_items').set({ opened_at: '2024-03-01T03:00:00Z' }).where('id', '=', itemId).returning('engagement_id').executeTakeFirstOrThrow();
  await t.db.updateTable('engagements').set({ first_seen_at: '2024-02-12T20:00:00Z' }).where('id', '=', item.engagement_id).execute();
  await refreshStatistics(t.db);
  expect(await byDay()).toContainEqual(['pemkot-makassar', '2024-02-13', 1]);
});

it("groups by the phase of the election's calendar the activity fell in, in calendar order", async () => {
  await t.db
    .insertInto('elections')
    .values({ code: 'pilpres-2024', name: 'Pilpres 2024', kind: 'presidential', region_code: null, campaign_starts_on: '2023-11-28', campaign_ends_on: '2024-02-10', vote_on: '2024-02-14' })
    .execute();
  for (const postedAt of ['2023-11-01T03:00:00Z', '2024-02-14T03:00:00Z', '2024-03-01T03:00:00Z']) {
    const { itemId } = await seedFlaggedPost(t.db, jakarta);
    const item = await t.db.selectFrom('review_items').select('post_id').where('id', '=', itemId).executeTakeFirstOrThrow();
    await t.db.updateTable('posts').set({ posted_at: postedAt }).where('id', '=', item.post_id).execute();
  }
  await refreshStatistics(t.db);
  const rows = (await runReport(t.db, 'counts', statsQuerySchema.parse({ by: 'phase' }), unrestrictedScope)).rows;
  expect(rows.map((r) => [r.phase, r.flags])).toEqual([
    ['before_campaign', 1],
    ['campaign', 1], // 10 February in Jakarta, the last campaign day
    ['quiet_period', 2], // the same moment in Makassar, and the like seen on the 13th there
    ['vote_day', 1],
    ['after_vote', 1],
  ]);
});
