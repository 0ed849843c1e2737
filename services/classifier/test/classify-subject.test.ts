import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@netra/core';
import { ReviewItemRepository } from '@netra/db';
import { createTestDatabase, seedAgency, seedAnotherFlaggedPost, seedCivilServant, seedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildClassifyDeps, classifyBatchHandler, classifyPostHandler } from '../src/index.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const rowsFor = async (postId: string) => ({
  classifications: await t.db.selectFrom('classifications').select('id').where('post_id', '=', postId).execute(),
  items: await t.db.selectFrom('review_items').select('id').where('post_id', '=', postId).execute(),
});

it('stores a flag and its review item together, or neither, so a failed job is retried and not lost', async () => {
  const agency = await seedAgency(t.db);
  const { accountId } = await seedCivilServant(t.db, agency);
  const postId = await seedPost(t.db, { accountId, text: 'Ayo coblos nomor 2! Menangkan paslon 02 ✌️' });
  const classify = classifyPostHandler(await buildClassifyDeps(t.db, createLogger('test', 'silent')));

  // The review item cannot be written (as when the process dies between two statements).
  await sql`CREATE FUNCTION refuse_items() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'review_items unavailable'; END $$;
            CREATE TRIGGER refuse_items BEFORE INSERT ON review_items FOR EACH ROW EXECUTE FUNCTION refuse_items()`.execute(t.db);
  await expect(classify({ postId })).rejects.toThrow(/review_items unavailable/);
  expect(await rowsFor(postId)).toEqual({ classifications: [], items: [] });

  // The job's retry then does both.
  await sql`DROP TRIGGER refuse_items ON review_items`.execute(t.db);
  await classify({ postId });
  const after = await rowsFor(postId);
  expect(after.classifications).toHaveLength(1);
  expect(after.items).toHaveLength(1);
});

it('classifies a batch in one go, leaves non-subjects out, and a replayed batch stores nothing twice', async () => {
  const agency = await seedAgency(t.db);
  const { accountId } = await seedCivilServant(t.db, agency);
  const partisan = await seedPost(t.db, { accountId, text: 'Coblos paslon nomor 2 ya, menangkan 02! ✌️' });
  const neutral = await seedPost(t.db, { accountId, text: 'Rapat pelayanan publik pukul sembilan di aula.' });
  const candidatesOwn = await seedPost(t.db, { accountId: null, text: 'Terima kasih relawan 02' });
  const classifyBatch = classifyBatchHandler(await buildClassifyDeps(t.db, createLogger('test', 'silent')));
  const batch = { postIds: [partisan, neutral, candidatesOwn], engagementIds: [] };

  await classifyBatch(batch);
  await classifyBatch(batch);
  expect((await rowsFor(partisan)).classifications).toHaveLength(1);
  expect((await rowsFor(partisan)).items).toHaveLength(1);
  expect(await rowsFor(neutral)).toMatchObject({ classifications: [expect.anything()], items: [] });
  expect(await rowsFor(candidatesOwn)).toEqual({ classifications: [], items: [] });
});

it("ranks a flag by its severity, score, reach and the civil servant's record, and keeps the parts", async () => {
  const agency = await seedAgency(t.db);
  const classify = classifyBatchHandler(await buildClassifyDeps(t.db, createLogger('test', 'silent')));
  const text = 'Ayo coblos nomor 2! Menangkan paslon 02 ✌️';
  const quiet = await seedCivilServant(t.db, agency);
  const quietPost = await seedPost(t.db, { accountId: quiet.accountId, text });
  const repeat = await seedCivilServant(t.db, agency);
  // The same words, seen by thousands, by someone with a confirmed case and another flag waiting.
  const widePost = await seedPost(t.db, { accountId: repeat.accountId, text });
  await t.db.updateTable('posts').set({ reach: 4_200 }).where('id', '=', widePost).execute();
  await seedAnotherFlaggedPost(t.db, agency, repeat.civilServantId);
  const earlier = await seedAnotherFlaggedPost(t.db, agency, repeat.civilServantId);
  const reviewer = await seedUser(t.db, 'reviewer', agency);
  const items = new ReviewItemRepository(t.db);
  await items.append({ itemId: earlier.itemId, type: 'claimed', actorUserId: reviewer.id, leaseSeconds: 300 });
  await items.append({ itemId: earlier.itemId, type: 'confirmed', actorUserId: reviewer.id, payload: { code: 'number_symbol', severity: 'berat' } });

  await classify({ postIds: [quietPost, widePost], engagementIds: [] });
  const item = (postId: string) =>
    t.db.selectFrom('review_items').select(['priority', 'priority_parts']).where('post_id', '=', postId).executeTakeFirstOrThrow();
  const [low, high] = [await item(quietPost), await item(widePost)];
  expect(low.priority_parts).toMatchObject({ reach: 0, repeat: 0 });
  expect(low.priority_parts!.severity).toBeGreaterThan(0);
  expect(high.priority_parts).toMatchObject({ severity: low.priority_parts!.severity, score: low.priority_parts!.score, reach: 0.91, repeat: 0.6 });
  expect(high.priority).toBeCloseTo(low.priority + 0.91 + 0.6, 4);
});
