import type { SimAccount, SimStatus } from '../../world/types.js';
import type { World } from '../../world/world.js';

/** Objects in X API v2's shapes (developer.x.com: Tweet, User, includes, meta). */
export function xUser(account: SimAccount): Record<string, unknown> {
  return { id: account.id, name: account.displayName, username: account.username, protected: account.protectedPosts };
}

/** The thread's root: X's conversation_id. */
function conversationId(world: World, status: SimStatus): string {
  let root = status;
  for (let parent = status.inReplyToId ? world.status(status.inReplyToId) : undefined; parent; parent = parent.inReplyToId ? world.status(parent.inReplyToId) : undefined) {
    root = parent;
  }
  return root.id;
}

export function xTweet(world: World, status: SimStatus): Record<string, unknown> {
  const original = status.reblogOfId ? world.status(status.reblogOfId) : undefined;
  const parent = status.inReplyToId ? world.status(status.inReplyToId) : undefined;
  const references = [
    ...(original ? [{ type: 'retweeted', id: original.id }] : []),
    ...(status.inReplyToId ? [{ type: 'replied_to', id: status.inReplyToId }] : []),
    ...(status.quoteOfId ? [{ type: 'quoted', id: status.quoteOfId }] : []),
  ];
  // A retweet's text is X's "RT @user: ..." rendering of the original.
  const text = original ? `RT @${world.account(original.accountId)!.username}: ${original.text}` : status.text;
  return {
    id: status.id,
    text,
    author_id: status.accountId,
    created_at: status.createdAt.toISOString(),
    conversation_id: conversationId(world, status),
    edit_history_tweet_ids: [status.id],
    ...(parent ? { in_reply_to_user_id: parent.accountId } : {}),
    ...(references.length ? { referenced_tweets: references } : {}),
    ...(status.media.length ? { attachments: { media_keys: status.media.map((_, i) => mediaKey(status, i)) } } : {}),
    public_metrics: {
      retweet_count: world.reblogsOf(status.id).length,
      reply_count: world.repliesTo(status.id).length,
      like_count: world.favouritesOf(status.id).length,
      quote_count: 0,
    },
  };
}

const mediaKey = (status: SimStatus, index: number) => `3_${status.id}${index}`;

/** The `includes` expansion for a set of tweets: referenced tweets, their authors, media. */
export function xIncludes(world: World, statuses: readonly SimStatus[]): Record<string, unknown> {
  const referenced = statuses.flatMap((s) => [s.reblogOfId, s.inReplyToId, s.quoteOfId].flatMap((id) => (id && world.status(id) ? [world.status(id)!] : [])));
  const authors = new Map<string, SimAccount>();
  for (const s of [...statuses, ...referenced]) authors.set(s.accountId, world.account(s.accountId)!);
  const media = [...statuses, ...referenced].flatMap((s) => s.media.map(({ description }, i) => ({ media_key: mediaKey(s, i), type: 'photo', url: world.mediaUrl(s, i), alt_text: description })));
  return {
    users: [...authors.values()].map(xUser),
    ...(referenced.length ? { tweets: referenced.map((s) => xTweet(world, s)) } : {}),
    ...(media.length ? { media } : {}),
  };
}
