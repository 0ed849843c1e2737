import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@netra/core';
import { ReviewItemRepository } from '@netra/db';
import { createTestDatabase, seedAgency, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';

/** A human dismissal against the classifier coming back to the same subject (REVIEW.md, Osprey's override). */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function dismissedItem(reason: string) {
  const agency = await seedAgency(t.db);
  const reviewer = await seedUser(t.db, 'reviewer', agency);
  const { itemId, civilServantId } = await seedFlaggedPost(t.db, agency);
  const item = await t.db.selectFrom('review_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
  const repository = new ReviewItemRepository(t.db);
  await repository.append({ itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 60 });
  await repository.append({ itemId, type: 'dismissed', actorUserId: reviewer.id, payload: { reason, classification_id: item.classification_id } });
  return { item, civilServantId, agencyId: agency.id };
}

/** A new classification of the item's post: same input (a new classifier version) or a changed one. */
async function reclassify(item: { post_id: string | null; classification_id: string }, input: 'same' | 'changed', version: string) {
  const previous = await t.db.selectFrom('classifications').selectAll().where('id', '=', item.classification_id).executeTakeFirstOrThrow();
  const { id } = await t.db
    .insertInto('classifications')
    .values({
      post_id: item.post_id,
      engagement_id: null,
      classifier_version: version,
      input_sha256: input === 'same' ? previous.input_sha256 : sha256Hex(`changed-${version}`),
      flagged: true,
      score: 0.9,
      codes: ['number_symbol'],
      severity: 'berat',
      evidence: JSON.stringify(previous.evidence),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const open = (repository: ReviewItemRepository, ctx: Awaited<ReturnType<typeof dismissedItem>>, classificationId: string) =>
  repository.openOrUpdate({ subject: { postId: ctx.item.post_id! }, civilServantId: ctx.civilServantId, agencyId: ctx.agencyId, classificationId, priority: 0.9, priorityParts: null });

describe("after a human 'not partisan' dismissal", () => {
  it('the same content is not re-flagged within the suppression period, however often it is classified', async () => {
    const ctx = await dismissedItem('not_partisan');
    const repository = new ReviewItemRepository(t.db);
    const again = await reclassify(ctx.item, 'same', 'v2');
    expect(await open(repository, ctx, again)).toMatchObject({ created: false, reflagged: false });
    expect(await open(repository, ctx, again)).toEqual({ itemId: ctx.item.id, created: false });
    const row = await t.db.selectFrom('review_items').select('status').where('id', '=', ctx.item.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('dismissed');
  });

  it('changed content is re-flagged at once, by a system event', async () => {
    const ctx = await dismissedItem('not_partisan');
    const repository = new ReviewItemRepository(t.db);
    expect(await open(repository, ctx, await reclassify(ctx.item, 'changed', 'v2'))).toMatchObject({ reflagged: true });
    const events = await repository.events(ctx.item.id);
    expect(events.at(-1)).toMatchObject({ type: 'reflagged', actor_user_id: null, payload: expect.objectContaining({ reason: 'content_changed' }) });
    expect((await repository.rebuild(ctx.item.id)).state.status).toBe('open');
  });

  it('the same content is re-flagged once the period is over', async () => {
    const ctx = await dismissedItem('not_partisan');
    const expired = new ReviewItemRepository(t.db, { notPartisanSuppressionDays: 0 });
    expect(await open(expired, ctx, await reclassify(ctx.item, 'same', 'v2'))).toMatchObject({ reflagged: true });
  });

  it("other dismissals (say, 'not this person's account') stand for the same content", async () => {
    const ctx = await dismissedItem('not_this_persons_account');
    const expired = new ReviewItemRepository(t.db, { notPartisanSuppressionDays: 0 });
    expect(await open(expired, ctx, await reclassify(ctx.item, 'same', 'v2'))).toMatchObject({ reflagged: false });
  });
});
