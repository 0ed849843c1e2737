import type { EngagementKind, Platform, PostKind } from '@netra/core';

/**
 * What every platform connector returns, whatever the platform's own API looks like.
 * Connectors do HTTP only: no database, no queue. Text is plain text (never HTML) and is still
 * untrusted: whoever renders it escapes it.
 */
export interface AccountRef {
  /** Stable id on the platform (Mastodon id on its home instance, Bluesky DID, X user id). */
  platformAccountId: string;
  /** Changeable handle, e.g. 'budi.santoso' or 'budi@instance'. */
  handle: string;
  displayName: string;
  url: string | null;
}

export interface NormalisedPost {
  platform: Platform;
  /** A string: Mastodon and X ids exceed 2^53. Never do arithmetic on it. */
  platformPostId: string;
  author: AccountRef;
  kind: PostKind;
  /** Plain text. For a repost: empty; the reposted post is in `repostOf`. */
  text: string;
  url: string | null;
  postedAt: Date;
  inReplyToPlatformId: string | null;
  /** The original post, for kind 'repost'. */
  repostOf: NormalisedPost | null;
  /** The platform's payload as received, kept as evidence. */
  raw: unknown;
}

/** Someone liked, shared or replied to a post (seen from the post's side). */
export interface EngagementObservation {
  kind: EngagementKind;
  actor: AccountRef;
  targetPlatformPostId: string;
  /** The reply itself, for kind 'comment'. */
  comment: NormalisedPost | null;
  raw: unknown;
}

export interface PostPage {
  /** Oldest first, so a consumer can advance its cursor as it stores. */
  posts: NormalisedPost[];
  /** The newest post id seen, to pass as `sinceId` next time; null when nothing new. */
  newestId: string | null;
}

export interface PlatformConnector {
  readonly platform: Platform;
  /** Resolves a handle to the account; throws PlatformError('NOT_FOUND' | 'SUSPENDED' ...). */
  lookupAccount(handle: string): Promise<AccountRef>;
  /** Posts newer than `sinceId` (all when null), following the platform's paging to the end or `maxPages`. */
  fetchPostsSince(platformAccountId: string, sinceId: string | null, options?: { maxPages?: number }): Promise<PostPage>;
  /** The account's most recent posts (for watching a candidate's account). */
  fetchRecentPosts(platformAccountId: string, options?: { limit?: number }): Promise<NormalisedPost[]>;
  /** Who liked, shared and replied to a post. */
  fetchEngagements(platformPostId: string): Promise<EngagementObservation[]>;
}
