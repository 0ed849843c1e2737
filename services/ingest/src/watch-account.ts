import type { JobPayload } from '@netra/queue';
import type { IngestDeps } from './deps.js';
import { enqueueClassification } from './enqueue-classification.js';
import { resolvePlatformAccountId } from './resolve-account.js';
import { toStoredPost } from './to-stored-post.js';

/** How many of a candidate's newest posts are checked for engagement on each watch. */
const watchedPostsPerAccount = 40;

/**
 * Watches a candidate's or party's account. Platforms rarely list what a user liked, but they do
 * list who liked a post: so fetch the candidate's recent posts, who liked, shared and replied to
 * each, and keep only registered civil servants (one set lookup per post). Each post commits with
 * its engagements.
 */
export function watchAccountHandler(deps: IngestDeps) {
  return async ({ accountId }: JobPayload<'watch-account'>): Promise<void> => {
    const account = await deps.accounts.get(accountId);
    if (!account || account.status !== 'active' || account.candidate_id === null) return;
    const platformAccountId = await resolvePlatformAccountId(deps, account);
    if (!platformAccountId) return;

    const posts = await deps.connector.fetchRecentPosts(platformAccountId, { limit: watchedPostsPerAccount });
    const repliesWithNewContext: { postId: string; contextEngagementId: string }[] = [];
    for (const post of posts) {
      const observations = await deps.connector.fetchEngagements(post.platformPostId);
      const civilServants = await deps.accounts.findRegistered(account.platform, observations.map((o) => o.actor), 'civil_servant');
      const civilServantAccountOf = (actor: { platformAccountId: string; handle: string }) =>
        civilServants.find((a) => a.platform_account_id === actor.platformAccountId || a.handle === actor.handle)?.id;

      await deps.activity.transaction(async (trx) => {
        const target = await deps.activity.storePost(trx, toStoredPost(post, accountId));
        for (const observation of observations) {
          const engagerId = civilServantAccountOf(observation.actor);
          if (engagerId === undefined) continue;
          const reply = observation.comment ? await deps.activity.storePost(trx, toStoredPost(observation.comment, engagerId)) : null;
          const engagement = await deps.activity.storeEngagement(trx, {
            kind: observation.kind,
            accountId: engagerId,
            targetPostId: target.id,
            evidencePostId: reply?.id ?? null,
            raw: observation.raw,
          });
          if (reply && engagement.created) repliesWithNewContext.push({ postId: reply.id, contextEngagementId: engagement.id });
        }
      });
    }
    // A watched account has no cursor: its recent posts are re-read so their growing likes are seen.
    await deps.activity.transaction((trx) => deps.activity.advanceCursor(trx, accountId, null));
    // A reply stored earlier by its author's poll was classified without its parent: again, now with it.
    await deps.queues.enqueueMany('classify-post', repliesWithNewContext);
    await enqueueClassification(deps, await deps.activity.unclassifiedEngagementsWith(accountId));
  };
}
