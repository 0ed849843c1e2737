import { sql } from 'kysely';
import type { Db } from '@netra/db';
import { seedFlaggedEngagement, seedFlaggedPost, seedUser, type SeededAgency } from './fixtures.js';

/**
 * A small world whose statistics are known by hand: two agencies in two provinces, six flags
 * across two elections, three platforms and five days, four of them decided at known delays.
 * Items are opened through the real repository; their times (activity and flag) are then set to fixed 2024 moments
 * (the repository always stamps "now"), and decisions are recorded at those moments.
 */
export async function seedKnownDataSet(db: Db) {
  await db
    .insertInto('regions')
    .values([
      { code: '31', name: 'DKI Jakarta', parent_code: null },
      { code: '35', name: 'Jawa Timur', parent_code: null },
    ])
    .execute();
  await db
    .insertInto('regions')
    .values([
      { code: '31.71', name: 'Kota Jakarta Pusat', parent_code: '31' },
      { code: '35.73', name: 'Kota Malang', parent_code: '35' },
    ])
    .execute();
  const agencyA = await agency(db, 'pemprov-dki', '31.71');
  const agencyB = await agency(db, 'pemkot-malang', '35.73');
  const reviewerA = await seedUser(db, 'reviewer', agencyA);
  const reviewerB = await seedUser(db, 'reviewer', agencyB);

  const items = {
    confirmedA: (await seedFlaggedPost(db, agencyA, { codes: ['number_symbol'], platform: 'mastodon' })).itemId,
    dismissedA: (await seedFlaggedPost(db, agencyA, { codes: ['number_symbol', 'campaign_content'], platform: 'x' })).itemId,
    likeA: (await seedFlaggedEngagement(db, agencyA, 'like', { codes: ['support_like'], platform: 'mastodon' })).itemId,
    reclassifiedB: (await seedFlaggedPost(db, agencyB, { codes: ['campaign_content'], platform: 'bluesky' })).itemId,
    openB: (await seedFlaggedPost(db, agencyB, { codes: ['number_symbol'], platform: 'bluesky' })).itemId,
    lateNightB: (await seedFlaggedPost(db, agencyB, { codes: ['campaign_content'], platform: 'x' })).itemId,
  };
  await flaggedAt(db, items.confirmedA, '2024-01-10T03:00:00Z', 'pilpres-2024');
  await flaggedAt(db, items.dismissedA, '2024-01-10T05:00:00Z', 'pilpres-2024');
  await flaggedAt(db, items.likeA, '2024-01-11T01:00:00Z', 'pilpres-2024');
  await flaggedAt(db, items.reclassifiedB, '2024-10-01T02:00:00Z', 'pilwalkot-malang-2024');
  await flaggedAt(db, items.openB, '2024-10-02T02:00:00Z', 'pilwalkot-malang-2024');
  // 23:00 UTC is 06:00 the next morning in WIB: this flag belongs to 3 October.
  await flaggedAt(db, items.lateNightB, '2024-10-02T23:00:00Z', null);

  await decide(db, items.confirmedA, reviewerA.id, '2024-01-10T05:00:00Z', 'confirmed', { code: 'number_symbol', severity: 'berat' });
  await decide(db, items.dismissedA, reviewerA.id, '2024-01-10T09:00:00Z', 'dismissed', { reason: 'not_partisan' });
  await decide(db, items.likeA, reviewerA.id, '2024-01-11T11:00:00Z', 'confirmed', { code: 'support_like', severity: 'berat' });
  // The reviewer confirms under a different code and a lighter severity than the classifier's.
  await decide(db, items.reclassifiedB, reviewerB.id, '2024-10-01T03:00:00Z', 'confirmed', { code: 'party_attribute', severity: 'sedang' });

  return { agencyA, agencyB, reviewerA, reviewerB, items };
}

async function agency(db: Db, code: string, regionCode: string): Promise<SeededAgency> {
  const { id } = await db
    .insertInto('agencies')
    .values({ code, name: `Instansi ${code}`, region_code: regionCode, webhook_url: null, contact_email: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, code, regionCode };
}

/**
 * Moves an item's activity (the post, or when the like was first seen) and its flag to a fixed
 * moment, and names the election its evidence points to.
 */
async function flaggedAt(db: Db, itemId: string, at: string, electionCode: string | null): Promise<void> {
  const item = await db
    .updateTable('review_items')
    .set({ opened_at: at })
    .where('id', '=', itemId)
    .returning(['classification_id', 'post_id', 'engagement_id'])
    .executeTakeFirstOrThrow();
  if (item.post_id !== null) await db.updateTable('posts').set({ posted_at: at }).where('id', '=', item.post_id).execute();
  if (item.engagement_id !== null) await db.updateTable('engagements').set({ first_seen_at: at }).where('id', '=', item.engagement_id).execute();
  const candidate = electionCode ? { label: 'Paslon 02', ballotNumber: 2, electionCode } : undefined;
  await db
    .updateTable('classifications')
    .set({ evidence: JSON.stringify({ items: [{ code: 'number_symbol', ...(candidate ? { candidate } : {}) }], exception: null }) })
    .where('id', '=', item.classification_id)
    .execute();
}

/** A reviewer's decision at a fixed moment: claimed, then confirmed or dismissed, as the log records it. */
async function decide(
  db: Db,
  itemId: string,
  actorUserId: number,
  at: string,
  type: 'confirmed' | 'dismissed',
  payload: Record<string, string>,
): Promise<void> {
  const { last_event_seq: seq } = await db.selectFrom('review_items').select('last_event_seq').where('id', '=', itemId).executeTakeFirstOrThrow();
  const event = (offset: number, eventType: string, eventPayload: object) =>
    sql`(${itemId}, ${seq + offset}, ${eventType}, ${actorUserId}, ${JSON.stringify(eventPayload)}::jsonb, ${at}, repeat('0', 64))`;
  await sql`
    INSERT INTO review_events (review_item_id, seq, type, actor_user_id, payload, created_at, hash)
    VALUES ${event(1, 'claimed', { lease_seconds: 300 })}, ${event(2, type, payload)}
  `.execute(db);
  await db.updateTable('review_items').set({ status: type, last_event_seq: seq + 2, claimed_by: null, claim_expires_at: null, updated_at: sql`now()` }).where('id', '=', itemId).execute();
}
