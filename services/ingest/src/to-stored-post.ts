import type { PostToStore } from '@netra/db';
import type { NormalisedPost, PostMetrics } from '@netra/connectors';

export function toStoredPost(post: NormalisedPost, accountId: number | null): PostToStore {
  return {
    platform: post.platform,
    platformPostId: post.platformPostId,
    accountId,
    authorHandle: post.author.handle,
    kind: post.kind,
    text: post.text,
    url: post.url,
    inReplyToPlatformId: post.inReplyToPlatformId,
    postedAt: post.postedAt,
    editedAt: post.editedAt,
    media: post.media,
    reach: reachOf(post.metrics),
    raw: post.raw,
  };
}

/** Likes + shares + replies, counting what the platform gave; null when it gave none of them. */
function reachOf(metrics: PostMetrics | null): number | null {
  const counts = metrics ? [metrics.likes, metrics.shares, metrics.replies].filter((n): n is number => n !== null) : [];
  return counts.length === 0 ? null : counts.reduce((sum, n) => sum + n, 0);
}
