import type { JobPayload } from '@netra/queue';
import type { IngestDeps } from './deps.js';
import { enqueueMediaReads } from './enqueue-media.js';
import { openConnector } from './open-connector.js';
import { resolvePlatformAccountId, unlessAccountUnavailable } from './resolve-account.js';
import { toStoredPost } from './to-stored-post.js';

/** How many of a candidate's newest posts are looked at on each watch. */
const recentPostsPerWatch = 40;
/** A newly watched post's first check is enqueued at once; this keeps the scheduler off it meanwhile. */
export const checkLeaseSeconds = 600;

/**
 * Watches a candidate's or party's account: its recent posts are stored (with their raw pages)
 * and put under watch, so each is re-checked for who liked, shared and replied to it (see
 * check-post.ts), densely while young. Newly watched posts are checked at once.
 */
export function watchAccountHandler(deps: IngestDeps) {
  return async ({ accountId, platform }: JobPayload<'watch-account'>): Promise<void> => {
    const account = await deps.accounts.getPolled(accountId);
    if (!account || account.status !== 'active' || account.candidate_id === null) return;
    const connector = await openConnector(deps, account);
    const recent = await unlessAccountUnavailable(deps, account, async () =>
      connector.fetchRecentPosts(await resolvePlatformAccountId(deps, account, connector), { limit: recentPostsPerWatch }),
    );
    if (!recent) return;
    // The candidate's own posts are what civil servants engage with; its reposts point elsewhere.
    const own = recent.posts.filter((post) => post.kind !== 'repost');
    const newlyWatched = await deps.activity.transaction(async (trx) => {
      await deps.rawPages.store(trx, platform, accountId, recent.pages);
      const stored = await deps.activity.storePosts(trx, own.map((post) => toStoredPost(post, accountId)));
      await deps.activity.advanceCursor(trx, accountId, null);
      return { stored, watched: await deps.watchedPosts.watch(trx, platform, stored.map((s) => s.id), 'engagement', checkLeaseSeconds) };
    });
    await deps.queues.enqueueMany('check-post', newlyWatched.watched.map((postId) => ({ platform, postId })));
    // A candidate's photos are evidence too: what civil servants like and share, and the known campaign images.
    await enqueueMediaReads(deps, newlyWatched.stored);
  };
}
