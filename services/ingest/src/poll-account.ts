import type { JobPayload } from '@netra/queue';
import type { IngestDeps } from './deps.js';
import { enqueueClassification } from './enqueue-classification.js';
import { resolvePlatformAccountId } from './resolve-account.js';
import { toStoredPost } from './to-stored-post.js';

/** The most pages one poll follows; the rest waits for the next poll, from the saved cursor. */
const maxPagesPerPoll = 10;

/**
 * Polls a civil servant's account: their posts and replies are stored as posts; a repost is
 * stored as the original post plus a 'share' engagement; a reply to a stored post becomes a
 * 'comment' engagement too. Posts, engagements and the new cursor commit together.
 */
export function pollAccountHandler(deps: IngestDeps) {
  return async ({ accountId }: JobPayload<'poll-account'>): Promise<void> => {
    const account = await deps.accounts.get(accountId);
    if (!account || account.status !== 'active' || account.civil_servant_id === null) return;
    const platformAccountId = await resolvePlatformAccountId(deps, account);
    if (!platformAccountId) return;

    const page = await deps.connector.fetchPostsSince(platformAccountId, account.poll_cursor, { maxPages: maxPagesPerPoll });
    const originalAuthors = await deps.accounts.findRegistered(
      account.platform,
      page.posts.flatMap((p) => (p.repostOf ? [p.repostOf.author] : [])),
    );
    // By id or by handle: a candidate's account may not have had its id resolved yet.
    const registeredIdOf = (author: { platformAccountId: string; handle: string }) =>
      originalAuthors.find((a) => a.platform_account_id === author.platformAccountId || a.handle === author.handle)?.id ?? null;

    await deps.activity.transaction(async (trx) => {
      for (const post of page.posts) {
        if (post.kind === 'repost' && post.repostOf) {
          const original = await deps.activity.storePost(trx, toStoredPost(post.repostOf, registeredIdOf(post.repostOf.author)));
          await deps.activity.storeEngagement(trx, { kind: 'share', accountId, targetPostId: original.id, evidencePostId: null, raw: post.raw });
          continue;
        }
        const stored = await deps.activity.storePost(trx, toStoredPost(post, accountId));
        const parent = post.inReplyToPlatformId ? await deps.activity.findPost(post.platform, post.inReplyToPlatformId) : undefined;
        if (parent) {
          await deps.activity.storeEngagement(trx, { kind: 'comment', accountId, targetPostId: parent.id, evidencePostId: stored.id, raw: post.raw });
        }
      }
      await deps.activity.advanceCursor(trx, accountId, page.newestId);
    });
    deps.logger.debug({ accountId, posts: page.posts.length }, 'polled account');
    await enqueueClassification(deps, await deps.activity.unclassifiedSubjects(accountId));
  };
}
