import type { PostToStore } from '@netra/db';
import type { NormalisedPost } from '@netra/connectors';

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
    raw: post.raw,
  };
}
