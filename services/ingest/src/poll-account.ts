import type { NormalisedPost } from '@netra/connectors';
import type { SocialAccount } from '@netra/db';
import { enqueueClassifyBatches, type JobPayload } from '@netra/queue';
import type { IngestDeps } from './deps.js';
import { enqueueMediaReads } from './enqueue-media.js';
import { openConnector } from './open-connector.js';
import { nextPollInterval } from './poll-interval.js';
import { resolvePlatformAccountId, unlessAccountUnavailable } from './resolve-account.js';
import { toStoredPost } from './to-stored-post.js';

/** The most pages one poll follows; the rest waits for the next poll, from the saved cursor. */
const maxPagesPerPoll = 10;

/**
 * Polls a civil servant's account. Their posts, replies and quotes are stored as posts; a repost
 * is stored as the original post plus a 'share' engagement; a quote is also a 'share' of the
 * quoted post (with the quote as evidence); a reply to a stored post becomes a 'comment'
 * engagement too. The raw pages, everything derived from them and the new cursor commit in one
 * transaction; the account's poll interval adapts to what was found.
 */
export function pollAccountHandler(deps: IngestDeps) {
  return async ({ accountId }: JobPayload<'poll-account'>): Promise<void> => {
    const account = await deps.accounts.getPolled(accountId);
    if (!account || account.status !== 'active' || account.civil_servant_id === null) return;
    const connector = await openConnector(deps, account);
    const fetched = await unlessAccountUnavailable(deps, account, async () => {
      const platformAccountId = await resolvePlatformAccountId(deps, account, connector);
      return { platformAccountId, page: await connector.fetchPostsSince(platformAccountId, account.poll_cursor, { maxPages: maxPagesPerPoll }) };
    });
    if (!fetched) return;
    const { page, platformAccountId } = fetched;
    if (!page.complete) deps.logger.warn({ accountId, posts: page.posts.length }, 'more new posts than one poll reads: older ones in between are skipped');

    const originals = page.posts.flatMap((p) => [p.repostOf, p.quoteOf].filter((o): o is NormalisedPost => o !== null));
    const registeredAuthors = await deps.accounts.findRegistered(account.platform, originals.map((o) => o.author));
    // By id or by handle: a candidate's account may not have had its id resolved yet.
    const registeredIdOf = (author: { platformAccountId: string; handle: string }) =>
      registeredAuthors.find((a) => a.platform_account_id === author.platformAccountId || a.handle === author.handle)?.id ?? null;
    const interval = nextPollInterval(
      account.poll_interval_seconds,
      { newPosts: page.posts.length, flagged: await deps.activity.hasFlaggedActivity(accountId) },
      deps.pollIntervalSeconds,
    );

    const toClassify = await deps.activity.transaction(async (trx) => {
      await deps.rawPages.store(trx, account.platform, accountId, page.pages);
      const ownPosts = page.posts.filter((p) => p.kind !== 'repost');
      const storedOwn = await deps.activity.storePosts(trx, ownPosts.map((p) => toStoredPost(p, accountId)));
      const storedOriginals = await deps.activity.storePosts(trx, originals.map((o) => toStoredPost(o, registeredIdOf(o.author))));
      const originalId = new Map(originals.map((o, i) => [o.platformPostId, storedOriginals[i]!.id]));
      const parents = await deps.activity.findPosts(account.platform, ownPosts.flatMap((p) => (p.inReplyToPlatformId ? [p.inReplyToPlatformId] : [])), trx);
      const shares: string[] = [];
      for (const post of page.posts.filter((p) => p.kind === 'repost' && p.repostOf)) {
        const share = await deps.activity.storeEngagement(trx, { kind: 'share', accountId, targetPostId: originalId.get(post.repostOf!.platformPostId)!, evidencePostId: null, raw: post.raw });
        if (share.created) shares.push(share.id);
      }
      for (const [i, post] of ownPosts.entries()) {
        const stored = storedOwn[i]!;
        if (post.quoteOf) {
          const share = await deps.activity.storeEngagement(trx, { kind: 'share', accountId, targetPostId: originalId.get(post.quoteOf.platformPostId)!, evidencePostId: stored.id, raw: post.raw });
          if (share.created) shares.push(share.id);
        }
        const parent = post.inReplyToPlatformId ? parents.get(post.inReplyToPlatformId) : undefined;
        if (parent) await deps.activity.storeEngagement(trx, { kind: 'comment', accountId, targetPostId: parent.id, evidencePostId: stored.id, raw: post.raw });
      }
      await deps.activity.advanceCursor(trx, accountId, page.newestId, interval);
      // New posts, and edited ones as they read now (a new input, so a new classification).
      return { postIds: storedOwn.filter((s) => s.created || s.edited).map((s) => s.id), engagementIds: shares, stored: [...storedOwn, ...storedOriginals] };
    });
    await followRename(deps, account, platformAccountId, page.posts);
    deps.logger.debug({ accountId, posts: page.posts.length, interval }, 'polled account');
    // A crash before this line loses nothing: the scheduler's reconciler finds subjects stored but never classified.
    await enqueueClassifyBatches(deps.queues, toClassify);
    await enqueueMediaReads(deps, toClassify.stored);
  };
}

/** The platform shows the account's own posts under another handle: the account was renamed. */
async function followRename(deps: IngestDeps, account: SocialAccount, platformAccountId: string, posts: readonly NormalisedPost[]): Promise<void> {
  const shown = posts.find((p) => p.author.platformAccountId === platformAccountId)?.author.handle;
  if (shown === undefined || sameHandle(account.platform, shown, account.handle)) return;
  await deps.accounts.recordHandle(account.id, shown);
  deps.logger.info({ accountId: account.id, from: account.handle, to: shown }, 'account renamed');
}

/** Handles are case-insensitive; a Mastodon instance shows its own accounts without '@domain'. */
function sameHandle(platform: SocialAccount['platform'], a: string, b: string): boolean {
  const local = (handle: string) => (platform === 'mastodon' ? handle.replace(/^@/, '').split('@')[0]! : handle).toLowerCase();
  return local(a) === local(b);
}
