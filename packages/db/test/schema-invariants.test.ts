import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@netra/testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('schema invariants enforced by the database itself', () => {
  it('review_events refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { itemId, eventId } = await seedOpenItem(t);
    await expect(
      sql`UPDATE review_events SET type = 'dismissed' WHERE id = ${eventId}`.execute(t.db),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql`DELETE FROM review_events WHERE id = ${eventId}`.execute(t.db)).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(sql`TRUNCATE review_events CASCADE`.execute(t.db)).rejects.toThrow(/append-only: TRUNCATE/);
    const events = await t.db.selectFrom('review_events').where('review_item_id', '=', itemId).selectAll().execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('opened');
  });

  it('refuses a forwarding row whose event is not a human confirm of that item', async () => {
    const { itemId, eventId, agencyId } = await seedOpenItem(t);
    const insert = (confirmEventId: string) =>
      t.db
        .insertInto('forwardings')
        .values({
          review_item_id: itemId,
          confirm_event_id: confirmEventId,
          agency_id: agencyId,
          idempotency_key: crypto.randomUUID(),
          report: '{}',
        })
        .execute();
    // The 'opened' event is not a confirm.
    await expect(insert(eventId)).rejects.toThrow(/needs a confirmed event by a person/);
    // A 'confirmed' event with no person behind it is not enough either.
    const systemConfirm = await t.db
      .insertInto('review_events')
      .values({ review_item_id: itemId, seq: 2, type: 'confirmed', actor_user_id: null, payload: '{}', hash: 'b'.repeat(64) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(insert(systemConfirm.id)).rejects.toThrow(/needs a confirmed event by a person/);
    expect(await t.db.selectFrom('forwardings').selectAll().execute()).toHaveLength(0);
  });

  it('stores one post per platform post id', async () => {
    const values = {
      platform: 'mastodon' as const,
      platform_post_id: '109999999999999999999',
      author_handle: 'someone',
      kind: 'post' as const,
      text: 'halo',
      posted_at: new Date(),
      raw: '{}',
      content_sha256: 'c'.repeat(64),
    };
    await t.db.insertInto('posts').values(values).execute();
    await expect(t.db.insertInto('posts').values(values).execute()).rejects.toThrow(/duplicate key/);
  });
});

async function seedOpenItem(t: TestDatabase) {
  const suffix = Math.random().toString(36).slice(2, 8);
  await t.db.insertInto('regions').values({ code: `r${suffix}`, name: 'Region', parent_code: null }).execute();
  const agency = await t.db
    .insertInto('agencies')
    .values({ code: `a${suffix}`, name: 'Agency', region_code: `r${suffix}`, webhook_url: null, contact_email: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const servant = await t.db
    .insertInto('civil_servants')
    .values({
      nip: `1990010120150110${Math.floor(Math.random() * 90 + 10)}`,
      full_name: 'Test ASN',
      agency_id: agency.id,
      region_code: `r${suffix}`,
      position: null,
      spouse_candidate_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await t.db
    .insertInto('social_accounts')
    .values({ platform: 'mastodon', handle: `asn_${suffix}`, platform_account_id: null, civil_servant_id: servant.id, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const post = await t.db
    .insertInto('posts')
    .values({ platform: 'mastodon', platform_post_id: `p${suffix}`, account_id: account.id, author_handle: `asn_${suffix}`, kind: 'post', text: 'coblos 02', url: null, in_reply_to_platform_id: null, posted_at: new Date(), raw: '{}', content_sha256: 'a'.repeat(64), deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const classification = await t.db
    .insertInto('classifications')
    .values({ post_id: post.id, engagement_id: null, classifier_version: 'test', input_sha256: 'd'.repeat(64), flagged: true, score: 0.9, codes: ['number_symbol'], severity: 'berat', evidence: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await t.db
    .insertInto('review_items')
    .values({ post_id: post.id, engagement_id: null, civil_servant_id: servant.id, agency_id: agency.id, classification_id: classification.id, priority: 0.9, claimed_by: null, claim_expires_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event = await t.db
    .insertInto('review_events')
    .values({ review_item_id: item.id, seq: 1, type: 'opened', actor_user_id: null, payload: '{}', prev_hash: null, hash: 'a'.repeat(64) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { itemId: item.id, eventId: event.id, agencyId: agency.id };
}
