import { isPolledPlatform, type Platform } from '@netra/core';
import { PlatformError, type EngagementObservation, type NormalisedPost, type PlatformConnector, type RawPage } from '@netra/connectors';
import type { Coverage, SocialAccount } from '@netra/db';
import { enqueueClassifyBatches, type JobPayload } from '@netra/queue';
import type { IngestDeps } from './deps.js';
import { enqueueMediaReads } from './enqueue-media.js';
import { openConnector } from './open-connector.js';
import { toStoredPost } from './to-stored-post.js';
import { nextCheckAt } from './watch-schedule.js';

/**
 * Re-checks a watched post. Gone (the platform says not found): a tombstone, with the answer that
 * said so kept as its evidence. Changed: a new version. A candidate's post: who liked, shared and
 * replied to it, intersected with the registered civil servants (one indexed set lookup), each
 * match an engagement (first seen / last seen), plus the coverage (listed / counted) and the
 * next check, later as the post ages.
 */
export function checkPostHandler(deps: IngestDeps) {
  return async ({ postId }: JobPayload<'check-post'>): Promise<void> => {
    const [post, watched] = await Promise.all([deps.activity.getPost(postId), deps.watchedPosts.get(postId)]);
    if (!post || !watched || post.deleted_at !== null || watched.next_check_at === null || !isPolledPlatform(post.platform)) return;
    const author = post.account_id === null ? undefined : await deps.accounts.getPolled(post.account_id);
    const connector = await openConnector(deps, author ?? { platform: post.platform, base_url: null, handle: '' });
    const next = nextCheckAt(watched.reason, post.posted_at);
    const platform = post.platform;

    let current: { posts: NormalisedPost[]; pages: RawPage[] };
    try {
      current = await connector.fetchPost(post.platform_post_id);
    } catch (error) {
      if (!(error instanceof PlatformError) || !['NOT_FOUND', 'SUSPENDED', 'PROTECTED'].includes(error.platformCode)) throw error;
      await recordUnseen(deps, { ...post, platform }, error, next);
      return;
    }
    const engagements = watched.reason === 'engagement' ? await listEngagements(deps, connector, post.platform_post_id, author) : undefined;

    const outcome = await deps.activity.transaction(async (trx) => {
      await deps.rawPages.store(trx, platform, post.account_id, [...current.pages, ...(engagements?.pages ?? [])]);
      const stored = await deps.activity.storePost(trx, toStoredPost(current.posts[0]!, post.account_id));
      const newReplies: { postId: string; contextEngagementId: string }[] = [];
      const withMedia = [stored];
      for (const { observation, engagerId } of engagements?.matches ?? []) {
        const reply = observation.comment ? await deps.activity.storePost(trx, toStoredPost(observation.comment, engagerId)) : null;
        if (reply) withMedia.push(reply);
        const engagement = await deps.activity.storeEngagement(trx, {
          kind: observation.kind,
          accountId: engagerId,
          targetPostId: postId,
          evidencePostId: reply?.id ?? null,
          raw: observation.raw,
        });
        if (reply && engagement.created) newReplies.push({ postId: reply.id, contextEngagementId: engagement.id });
      }
      await deps.watchedPosts.recordCheck(trx, postId, next, engagements ? coverageOf(current.posts[0]!, engagements.observations) : null);
      return { edited: stored.edited, newReplies, withMedia };
    });

    // A reply stored earlier by its author's poll was classified without its parent: again, now with it.
    await deps.queues.enqueueMany('classify-post', outcome.newReplies);
    await enqueueMediaReads(deps, outcome.withMedia);
    if (outcome.edited && watched.reason === 'flagged') await deps.queues.enqueue('classify-post', { postId });
    if (author?.candidate_id != null) await enqueueClassifyBatches(deps.queues, await deps.activity.unclassifiedEngagementsWith(author.id));
  };
}

/** Everyone who engaged, and which of them are registered civil servants. */
async function listEngagements(deps: IngestDeps, connector: PlatformConnector, platformPostId: string, author: SocialAccount | undefined) {
  const { observations, pages } = await connector.fetchEngagements(platformPostId);
  const platform = connector.platform;
  const civilServants = await deps.accounts.findRegistered(platform, observations.map((o) => o.actor), 'civil_servant');
  const byId = new Map(civilServants.filter((a) => a.platform_account_id !== null).map((a) => [a.platform_account_id!, a.id]));
  const byHandle = new Map(civilServants.map((a) => [a.handle.toLowerCase(), a.id]));
  const matches = observations.flatMap((observation) => {
    const engagerId = byId.get(observation.actor.platformAccountId) ?? byHandle.get(observation.actor.handle.toLowerCase());
    // The candidate replying under its own post is no engagement of a civil servant's.
    return engagerId === undefined || engagerId === author?.id ? [] : [{ observation, engagerId }];
  });
  return { observations, pages, matches };
}

function coverageOf(post: NormalisedPost, observations: readonly EngagementObservation[]): Coverage {
  const listed = (kind: EngagementObservation['kind']) => new Set(observations.filter((o) => o.kind === kind).map((o) => o.actor.platformAccountId)).size;
  return {
    likeCount: post.metrics?.likes ?? null,
    likersListed: listed('like'),
    shareCount: post.metrics?.shares ?? null,
    sharersListed: listed('share'),
    replyCount: post.metrics?.replies ?? null,
    repliersListed: listed('comment'),
  };
}

/**
 * The platform no longer shows the post. Not found: a tombstone whose evidence is the answer
 * itself. Suspended or hidden: the post may come back, so it stays watched; the answer is kept.
 */
async function recordUnseen(deps: IngestDeps, post: { id: string; platform: Platform; account_id: number | null }, error: PlatformError, next: Date | null): Promise<void> {
  await deps.activity.transaction(async (trx) => {
    const [pageId] = await deps.rawPages.store(trx, post.platform, post.account_id, error.context.page ? [error.context.page] : []);
    if (error.platformCode === 'NOT_FOUND') {
      await deps.activity.markDeleted(trx, post.id, pageId ?? null);
      await deps.watchedPosts.recordCheck(trx, post.id, null, null);
    } else {
      await deps.watchedPosts.recordCheck(trx, post.id, next, null);
    }
  });
  deps.logger.info({ postId: post.id, reason: error.platformCode }, error.platformCode === 'NOT_FOUND' ? 'watched post deleted: tombstone recorded' : 'watched post not visible');
}
