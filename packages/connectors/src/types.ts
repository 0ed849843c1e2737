import type { EngagementKind, Platform, PostKind, RawPage } from '@netra/core';

/**
 * What every platform connector returns, whatever the platform's own API looks like.
 * Connectors do HTTP only: no database, no queue. Text is plain text (never HTML) and is still
 * untrusted: whoever renders it escapes it.
 */
export interface AccountRef {
  /** Stable id on the platform (Mastodon id on its home instance, Bluesky DID, X user id). */
  platformAccountId: string;
  /** Changeable handle, e.g. 'budi.santoso', 'budi@instance' or 'budi.bsky.social'. */
  handle: string;
  displayName: string;
  url: string | null;
}

export type { RawPage } from '@netra/core';

/** The platform's own counts for a post, to measure how much of its engagement we listed. */
export interface PostMetrics {
  likes: number | null;
  shares: number | null;
  replies: number | null;
}

/** An image a post shows (a video or animation by its preview image), as the platform names it. */
export interface PostMedia {
  kind: 'image' | 'video_preview';
  /** Where the platform serves the file; fetched later, only from the platform's media hosts. */
  url: string;
  /** The platform's alt text, if any. */
  description: string | null;
}

export interface NormalisedPost {
  platform: Platform;
  /** A string: Mastodon and X ids exceed 2^53, Bluesky's are at:// URIs. Never do arithmetic on it. */
  platformPostId: string;
  author: AccountRef;
  /** post, repost (of `repostOf`), reply (to `inReplyToPlatformId`) or quote (of `quoteOf`, with text of its own). */
  kind: PostKind;
  /** Plain text. For a repost: empty; the reposted post is in `repostOf`. */
  text: string;
  url: string | null;
  postedAt: Date;
  /** When the platform says the post was last edited (Mastodon `edited_at`); null if never or unknown. */
  editedAt: Date | null;
  inReplyToPlatformId: string | null;
  /** The original post, for kind 'repost'. */
  repostOf: NormalisedPost | null;
  /** The quoted post, for kind 'quote', when the platform still serves it. */
  quoteOf: NormalisedPost | null;
  metrics: PostMetrics | null;
  /** The post's own images, in the post's order (a repost's are its original's). */
  media: PostMedia[];
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

export interface Fetched {
  /** Every HTTP answer the call received, in order, for the caller to store. */
  pages: RawPage[];
}

export interface PostPage extends Fetched {
  /** Oldest first, so a consumer can advance its cursor as it stores. */
  posts: NormalisedPost[];
  /** An opaque cursor to pass as `since` next time (an id, or a time on Bluesky); null when nothing new. */
  newestId: string | null;
  /** False when paging stopped (maxPages) before reaching `since`: posts in between were skipped. */
  complete: boolean;
}

export interface PostList extends Fetched {
  posts: NormalisedPost[];
}

export interface EngagementSet extends Fetched {
  observations: EngagementObservation[];
}

export interface PlatformConnector {
  readonly platform: Platform;
  /** The host it talks to: the unit its rate limits are counted in. */
  readonly host: string;
  /** Resolves a handle to the account; throws PlatformError('NOT_FOUND' | 'SUSPENDED' ...). */
  lookupAccount(handle: string): Promise<AccountRef>;
  /** Posts newer than `since` (all when null), following the platform's paging to the end or `maxPages`. */
  fetchPostsSince(platformAccountId: string, since: string | null, options?: { maxPages?: number }): Promise<PostPage>;
  /** The account's most recent posts, newest first (for watching a candidate's account). */
  fetchRecentPosts(platformAccountId: string, options?: { limit?: number }): Promise<PostList>;
  /** One post as it is now; PlatformError('NOT_FOUND') when it is gone. */
  fetchPost(platformPostId: string): Promise<PostList>;
  /** Who liked, shared and replied to a post. */
  fetchEngagements(platformPostId: string): Promise<EngagementSet>;
  /** The platform post id named by a post's web URL, API URI or bare id; MALFORMED when it names none. */
  postIdFromReference(reference: string): Promise<string>;
}
