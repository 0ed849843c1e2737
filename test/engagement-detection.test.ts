import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@netra/core';
import { blueskyHandle, blueskyUri } from '@netra/sim-platform';
import { demoCivilServants } from './support/demo-registry.js';
import { startHarness, type Harness } from './support/pipeline-harness.js';

/**
 * Engagement detection end to end, on each platform: a registered civil servant likes a
 * candidate's post on the simulated platform; watching the candidate's account finds the like
 * among the post's likers, stores it as an engagement with the post as evidence, and the
 * classifier flags it.
 */
const campaignText = 'Kampanye akbar di GBK! Ayo coblos nomor 2, Prabowo–Gibran menang satu putaran ✌️ #PrabowoGibran2024';
const candidateHandle = 'tkn_prabowogibran';
const asn = demoCivilServants()[1]!;

let h: Harness;
let statusId: string;
const accountIds: Partial<Record<Platform, { asn: number; candidate: number }>> = {};

beforeAll(async () => {
  h = await startHarness();
  const world = h.sim.world;
  const handles = (username: string): Record<Platform, string> => ({
    mastodon: username,
    bluesky: blueskyHandle(world, world.findAccount(username)!),
    x: username,
  });
  const registered = await h.t.db.selectFrom('social_accounts').selectAll().where('platform', '=', 'mastodon').where('handle', 'in', [candidateHandle, asn.handle]).execute();
  const candidateRow = registered.find((r) => r.handle === candidateHandle)!;
  const asnRow = registered.find((r) => r.handle === asn.handle)!;
  accountIds.mastodon = { asn: asnRow.id, candidate: candidateRow.id };
  // The same people's accounts on the other two platforms (the sim serves one world through all three).
  for (const platform of ['bluesky', 'x'] as const) {
    const insert = async (handle: string, owner: { civil_servant_id: number } | { candidate_id: number }) =>
      (
        await h.t.db
          .insertInto('social_accounts')
          .values({ platform, handle, platform_account_id: null, civil_servant_id: null, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null, ...owner })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    accountIds[platform] = {
      asn: await insert(handles(asn.handle)[platform], { civil_servant_id: asnRow.civil_servant_id! }),
      candidate: await insert(handles(candidateHandle)[platform], { candidate_id: candidateRow.candidate_id! }),
    };
  }

  const posted = await fetch(`${h.sim.url}/sim/statuses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ acct: candidateHandle, text: campaignText }) });
  statusId = ((await posted.json()) as { id: string }).id;
  const liked = await fetch(`${h.sim.url}/sim/statuses/${statusId}/favourites`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ acct: asn.handle }) });
  expect(liked.status).toBe(200);
  await h.pipeline.runRound();
}, 240_000);

afterAll(async () => h?.close());

describe.each(['mastodon', 'bluesky', 'x'] as const)('on %s', (platform) => {
  it("a civil servant's like of a candidate's post becomes an engagement with evidence, and a flag", async () => {
    const ids = accountIds[platform]!;
    const platformPostId = platform === 'bluesky' ? blueskyUri(h.sim.world, h.sim.world.status(statusId)!) : statusId;
    const target = await h.t.db
      .selectFrom('posts')
      .selectAll()
      .where('platform', '=', platform)
      .where('platform_post_id', '=', platformPostId)
      .executeTakeFirstOrThrow();
    expect(target).toMatchObject({ account_id: ids.candidate, text: campaignText });

    const like = await h.t.db
      .selectFrom('engagements')
      .selectAll()
      .where('kind', '=', 'like')
      .where('account_id', '=', ids.asn)
      .where('target_post_id', '=', target.id)
      .executeTakeFirstOrThrow();
    const classification = await h.t.db.selectFrom('classifications').selectAll().where('engagement_id', '=', like.id).executeTakeFirstOrThrow();
    expect(classification.flagged).toBe(true);
    expect(classification.codes).toContain('support_like');
    const item = await h.t.db.selectFrom('review_items').selectAll().where('engagement_id', '=', like.id).executeTakeFirstOrThrow();
    expect(item.civil_servant_id).toBeGreaterThan(0);

    const watched = await h.t.db.selectFrom('watched_posts').selectAll().where('post_id', '=', target.id).executeTakeFirstOrThrow();
    expect(watched).toMatchObject({ reason: 'engagement', like_count: 1, likers_listed: 1 });
  });
});
