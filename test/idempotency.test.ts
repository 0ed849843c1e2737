import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/pipeline-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => h?.close());

async function rowCounts() {
  const count = (table: 'posts' | 'engagements' | 'classifications' | 'review_items' | 'review_events') =>
    h.t.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n);
  return {
    posts: await count('posts'),
    engagements: await count('engagements'),
    classifications: await count('classifications'),
    review_items: await count('review_items'),
    review_events: await count('review_events'),
  };
}

it('running every poll, watch and classify job a second time leaves the same rows', async () => {
  await h.pipeline.runRound();
  const first = await rowCounts();
  expect(first.posts).toBeGreaterThan(100);
  expect(first.engagements).toBeGreaterThan(0);
  expect(first.review_items).toBeGreaterThan(0);

  // Replay everything: forget every cursor so polls re-read whole timelines, and re-run the
  // classification of every subject.
  await h.t.db.updateTable('social_accounts').set({ poll_cursor: null, next_poll_at: sql`now()` }).execute();
  await h.pipeline.runRound();
  const posts = await h.t.db.selectFrom('posts').select('id').execute();
  const engagements = await h.t.db.selectFrom('engagements').select('id').execute();
  await h.pipeline.queues.enqueueMany('classify-post', posts.map((p) => ({ postId: p.id })));
  await h.pipeline.queues.enqueueMany('classify-engagement', engagements.map((e) => ({ engagementId: e.id })));
  await h.pipeline.runRound();

  expect(await rowCounts()).toEqual(first);
}, 180_000);
